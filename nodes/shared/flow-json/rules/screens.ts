// Screens (flows/reference/flowjson "Screens", "Layout"; flows/reference/error-codes "Naming Errors",
// "Terminal Screen Errors", "Data_api_version | Refresh_on_back errors").
import type { RuleContext } from '../context';
import { supports } from '../context';
import { DOC } from '../docs';
import { isObject, type ScreenModel } from '../model';
import { childPointer } from '../pointer';

const SCREEN_PROPERTIES: Record<string, string> = {
	id: 'string',
	terminal: 'boolean',
	success: 'boolean',
	title: 'string',
	refresh_on_back: 'boolean',
	data: 'object',
	layout: 'object',
	sensitive: 'array',
};
/** flows/reference/flowjson "Screens": the id works like a page URL; error PATTERN_MISMATCH: letters and underscores. */
const SCREEN_ID = /^[A-Za-z_]+$/;

function jsonType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	return typeof value;
}

function checkScreen(ctx: RuleContext, screen: ScreenModel, seen: Map<string, number>): void {
	const { report } = ctx;
	const { node, pointer } = screen;
	for (const [key, value] of Object.entries(node)) {
		const expected = SCREEN_PROPERTIES[key];
		const at = childPointer(pointer, key);
		if (expected === undefined) report.error('screen.unknown-property', at, `Property "${key}" is not allowed on a screen.`, DOC.screens, 'key');
		else if (jsonType(value) !== expected) {
			report.error('screen.property-type', at, `Screen property "${key}" must be of type ${expected}, not ${jsonType(value)}.`, DOC.screens);
		}
	}
	if (node.sensitive !== undefined && !supports(ctx, '5.1')) {
		report.error('screen.property-unavailable', childPointer(pointer, 'sensitive'), '"sensitive" needs Flow JSON 5.1 or later.', DOC.screens, 'key');
	}

	const id = node.id;
	if (id === undefined) report.error('screen.id-missing', pointer, 'Every screen needs an "id".', DOC.screens);
	else if (typeof id === 'string') {
		const at = childPointer(pointer, 'id');
		if (id.toUpperCase() === 'SUCCESS') report.error('screen.id-reserved', at, `Screen id "${id}" is reserved: SUCCESS ends a flow from the endpoint.`, DOC.screens);
		else if (!SCREEN_ID.test(id)) report.error('screen.id-pattern', at, `Screen id "${id}" may contain only letters and underscores.`, DOC.errors);
		else if (seen.has(id)) report.error('screen.id-duplicate', at, `Duplicate screen id "${id}" (also screen ${seen.get(id)}).`, DOC.errors);
		else seen.set(id, screen.index);
	}

	const layout = node.layout;
	if (layout === undefined) report.error('layout.missing', pointer, `Screen "${screen.id ?? screen.index}" needs a "layout".`, DOC.layout);
	else if (isObject(layout)) {
		const at = childPointer(pointer, 'layout');
		for (const key of Object.keys(layout)) {
			if (key !== 'type' && key !== 'children') report.error('layout.unknown-property', childPointer(at, key), `Property "${key}" is not allowed on a layout.`, DOC.layout, 'key');
		}
		if (layout.type !== 'SingleColumnLayout') {
			report.error('layout.type', childPointer(at, 'type'), `The layout type must be "SingleColumnLayout", not ${JSON.stringify(layout.type ?? null)}.`, DOC.layout);
		}
		if (!Array.isArray(layout.children)) report.error('layout.children', childPointer(at, 'children'), 'The layout needs a "children" array of components.', DOC.layout);
	}

	if (node.success !== undefined && !screen.terminal) {
		report.error('screen.success-not-terminal', childPointer(pointer, 'success'), "Property 'success' can only be specified on a terminal screen.", DOC.errors, 'key');
	}
	if (node.refresh_on_back === true && !ctx.hasEndpoint) {
		report.error(
			'screen.refresh-on-back',
			childPointer(pointer, 'refresh_on_back'),
			"'refresh_on_back' can be true only when 'data_api_version' is set (the flow has an endpoint).",
			DOC.errors,
		);
	}
	if (Array.isArray(node.sensitive)) {
		node.sensitive.forEach((name, k) => {
			if (typeof name !== 'string' || !screen.inputs.has(name)) {
				report.warning('screen.sensitive-unknown', childPointer(childPointer(pointer, 'sensitive'), k), `"sensitive" names ${JSON.stringify(name)}, which is not an input on this screen.`, DOC.screens);
			}
		});
	}
}

export function checkScreens(ctx: RuleContext): void {
	const { root, report } = ctx;
	const seen = new Map<string, number>();
	const screens = root.screens as unknown[];
	screens.forEach((node, index) => {
		if (!isObject(node)) report.error('screen.type', `/screens/${index}`, 'A screen must be an object.', DOC.screens);
	});
	for (const screen of ctx.screens) checkScreen(ctx, screen, seen);

	const maxScreens = ctx.limits.counts.screensPerFlow;
	if (screens.length > maxScreens.value) {
		report.error('screens.too-many', '/screens', `Maximum number of screens allowed per Flow is ${maxScreens.value} but found ${screens.length}.`, maxScreens.doc);
	}
	const terminals = ctx.screens.filter((s) => s.terminal);
	if (terminals.length === 0 && ctx.screens.length > 0) {
		report.error('flow.no-terminal-screen', '/screens', 'Terminal screen is required but not provided: mark the last screen "terminal": true.', DOC.errors);
	} else if (terminals.length > 0 && terminals.every((s) => s.node.success === false)) {
		report.error('flow.no-successful-terminal', `${terminals[0].pointer}/success`, "At least one terminal screen must have property 'success' set as true.", DOC.errors);
	}
}
