// Reading a Flow JSON document (developers.facebook.com/docs/whatsapp/flows/reference/flowjson): top level
// {version, screens, routing_model?, data_api_version?}; a screen {id, layout:{type, children}, title?, terminal?,
// success?, data?, refresh_on_back?, sensitive?}. Components stay loose JSON objects; each module reads what it needs.
import { isJsonObject, type JsonObject, type JsonValue } from './json';

export type Component = JsonObject & { type: string };

export interface FlowScreen {
	id: string;
	title?: string;
	terminal: boolean;
	success?: boolean;
	refreshOnBack: boolean;
	/** The screen's data declaration (JSON-schema-like, each field with __example__). */
	dataSchema: JsonObject;
	children: Component[];
	sensitive: string[];
}

export interface FlowDocument {
	version: string;
	dataApiVersion?: string;
	routingModel?: Record<string, string[]>;
	screens: FlowScreen[];
}

export class FlowJsonError extends Error {}

export function isComponent(value: JsonValue | undefined): value is Component {
	return isJsonObject(value) && typeof value.type === 'string';
}

function readScreen(raw: JsonValue, index: number): FlowScreen {
	if (!isJsonObject(raw) || typeof raw.id !== 'string') throw new FlowJsonError(`screens[${index}] has no id`);
	const layout = raw.layout;
	if (!isJsonObject(layout) || !Array.isArray(layout.children)) {
		throw new FlowJsonError(`screen ${raw.id} has no layout.children`);
	}
	return {
		id: raw.id,
		title: typeof raw.title === 'string' ? raw.title : undefined,
		terminal: raw.terminal === true,
		success: typeof raw.success === 'boolean' ? raw.success : undefined,
		refreshOnBack: raw.refresh_on_back === true,
		dataSchema: isJsonObject(raw.data) ? raw.data : {},
		children: layout.children.filter(isComponent),
		sensitive: Array.isArray(raw.sensitive) ? raw.sensitive.filter((s): s is string => typeof s === 'string') : [],
	};
}

export function readFlowJson(input: string | JsonValue): FlowDocument {
	const raw: JsonValue = typeof input === 'string' ? (JSON.parse(input) as JsonValue) : input;
	if (!isJsonObject(raw)) throw new FlowJsonError('Flow JSON must be an object');
	if (typeof raw.version !== 'string') throw new FlowJsonError('Flow JSON has no version');
	if (!Array.isArray(raw.screens) || raw.screens.length === 0) throw new FlowJsonError('Flow JSON has no screens');
	let routingModel: Record<string, string[]> | undefined;
	if (isJsonObject(raw.routing_model)) {
		routingModel = {};
		for (const [from, to] of Object.entries(raw.routing_model)) {
			routingModel[from] = Array.isArray(to) ? to.filter((s): s is string => typeof s === 'string') : [];
		}
	}
	return {
		version: raw.version,
		dataApiVersion: typeof raw.data_api_version === 'string' ? raw.data_api_version : undefined,
		routingModel,
		screens: raw.screens.map(readScreen),
	};
}

/** "7.3" → [7, 3]; compares Flow JSON versions. */
export function versionAtLeast(version: string, min: string): boolean {
	const [a, b] = version.split('.').map(Number);
	const [c, d] = min.split('.').map(Number);
	return a > c || (a === c && (b ?? 0) >= (d ?? 0));
}

/** `__example__` values of a screen's data declaration (flowjson "Screen Data Declaration"). */
export function exampleData(schema: JsonObject): JsonObject {
	const out: JsonObject = {};
	for (const [field, decl] of Object.entries(schema)) {
		if (isJsonObject(decl) && decl.__example__ !== undefined) out[field] = decl.__example__;
	}
	return out;
}

/**
 * Whether the routing model allows `from` → `to` (flowjson "Routing Model": forward routes are listed; an edge can be
 * travelled back with the BACK button). No routing model (a flow without endpoint) allows any declared screen.
 */
export function routeAllowed(doc: FlowDocument, from: string, to: string): boolean {
	if (!doc.routingModel || from === to) return true;
	return (doc.routingModel[from] ?? []).includes(to) || (doc.routingModel[to] ?? []).includes(from);
}
