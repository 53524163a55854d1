// Dynamic references must point at something that exists (flows/reference/flowjson "Dynamic properties",
// "Global dynamic and form properties" (4.0+); error-codes "On-click Action Errors", "Navigate Action Errors",
// "Screen Data Model Errors"): ${data.x} in the screen's data model, ${form.x} an input of the screen,
// ${screen.S.form.x} / ${screen.S.data.x} an input / data field of screen S. A navigate payload must match the
// next screen's data model.
import { bindingsIn, type Binding } from '../bindings';
import { supports, type RuleContext } from '../context';
import { DOC } from '../docs';
import { isObject, type JsonObject, type ScreenModel } from '../model';
import { childPointer } from '../pointer';
import { isDynamic } from '../values';

const GLOBAL_SINCE = '4.0';

/** Whether a path exists in a data model; descends into declared object properties, stops at anything else. */
function dataPathExists(data: JsonObject | undefined, path: string[]): boolean {
	let schema: unknown = data?.[path[0]];
	if (!isObject(schema)) return false;
	for (const key of path.slice(1)) {
		if (schema.type === 'array') return false; // components "Screen Data Model Errors": 'items' is defined in an array schema
		if (schema.type !== 'object' || !isObject(schema.properties)) return true;
		schema = schema.properties[key];
		if (!isObject(schema)) return false;
	}
	return true;
}

function checkBinding(ctx: RuleContext, screen: ScreenModel, binding: Binding): void {
	const { report } = ctx;
	const here = screen.id ?? `#${screen.index}`;
	switch (binding.kind) {
		case 'data':
			if (!dataPathExists(screen.data, binding.path)) {
				report.error('binding.data-unknown', binding.pointer, `Missing dynamic data '${binding.text}' in the data model for screen ${here}: declare "${binding.path[0]}" in the screen's "data".`, DOC.dynamicProperties);
			}
			return;
		case 'form': {
			if (screen.forms.some((f) => f.node.name === binding.name) && !screen.inputs.has(binding.name)) {
				report.error('binding.form-is-form', binding.pointer, `Value of 'Form' component cannot be used in form binding: ${binding.text}.`, DOC.errors);
			} else if (!screen.inputs.has(binding.name)) {
				report.error('binding.form-unknown', binding.pointer, `Missing Form component ${binding.text} for screen '${here}': no input named "${binding.name}" on this screen.`, DOC.forms);
			}
			return;
		}
		case 'screen': {
			if (!supports(ctx, GLOBAL_SINCE)) {
				report.error('binding.screen-unavailable', binding.pointer, `Global references like ${binding.text} need Flow JSON ${GLOBAL_SINCE} or later.`, DOC.globalData);
				return;
			}
			const target = ctx.screensById.get(binding.screen);
			if (target === undefined) {
				report.error('binding.screen-unknown', binding.pointer, `Global dynamic data '${binding.text}' used on screen '${here}' is invalid since screen '${binding.screen}' is missing in the Flow JSON.`, DOC.globalData);
			} else if (target === screen) {
				report.error('binding.screen-self', binding.pointer, `Global dynamic data '${binding.text}' refers to the current screen: write \${${binding.store}.${binding.path.join('.')}} instead.`, DOC.errors);
			} else if (binding.store === 'form' && !target.inputs.has(binding.path[0])) {
				report.error('binding.screen-form-unknown', binding.pointer, `Global dynamic data '${binding.text}': screen ${binding.screen} has no input named "${binding.path[0]}".`, DOC.globalData);
			} else if (binding.store === 'data' && !dataPathExists(target.data, binding.path)) {
				report.error('binding.screen-data-unknown', binding.pointer, `Global dynamic data '${binding.text}' on screen ${binding.screen} does not exist, but is used on screen ${here}.`, DOC.errors);
			}
			return;
		}
		default:
			report.error('binding.syntax', binding.pointer, `Unrecognised dynamic reference ${binding.text}: use \${data.field}, \${form.input} or \${screen.SCREEN.(data|form).field}.`, DOC.dynamicProperties);
	}
}

function jsonSchemaType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (value === null) return 'null';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function typeMatches(declared: unknown, value: unknown): boolean {
	const actual = jsonSchemaType(value);
	if (declared === 'number') return actual === 'number' || actual === 'integer';
	return typeof declared !== 'string' || declared === actual;
}

function checkNavigatePayloads(ctx: RuleContext, screen: ScreenModel): void {
	const { report } = ctx;
	for (const visit of screen.actions) {
		const { action } = visit;
		const next = isObject(action.next) && typeof action.next.name === 'string' ? ctx.screensById.get(action.next.name) : undefined;
		if (action.name !== 'navigate' || next === undefined) continue;
		const payload = isObject(action.payload) ? action.payload : {};
		const payloadPointer = childPointer(visit.pointer, 'payload');
		const model = next.data ?? {};
		for (const [key, value] of Object.entries(payload)) {
			const at = childPointer(payloadPointer, key);
			const field = model[key];
			if (!isObject(field)) {
				const message = next.data === undefined
					? `No data model is defined in the next screen '${next.id}' for payload field "${key}".`
					: `Following fields are missing in the next screen's data model: [${key}].`;
				report.error('navigate.payload-unknown-field', at, message, DOC.errors, 'key');
			} else if (!isDynamic(value) && !typeMatches(field.type, value)) {
				report.error('navigate.payload-type', at, `Schema of payload data at '${key}' on screen '${screen.id}' is not matching with schema of data model field on screen '${next.id}'. Property is expecting '${String(field.type)}' but got '${jsonSchemaType(value)}'.`, DOC.errors);
			}
		}
		const missing = Object.keys(model).filter((key) => payload[key] === undefined);
		if (missing.length > 0) {
			const message = `Following fields are expected in the next screen's data model but missing in payload: [${missing.join(', ')}].`;
			// An endpoint can fill the next screen's data itself; without one only this payload can.
			if (ctx.hasEndpoint) report.warning('navigate.payload-missing-field', visit.pointer, message, DOC.errors);
			else report.error('navigate.payload-missing-field', visit.pointer, message, DOC.errors);
		}
	}
}

export function checkReferences(ctx: RuleContext): void {
	for (const screen of ctx.screens) {
		const bindings: Binding[] = [];
		bindingsIn(screen.node.layout, childPointer(screen.pointer, 'layout'), bindings);
		bindingsIn(screen.node.title, childPointer(screen.pointer, 'title'), bindings);
		for (const binding of bindings) checkBinding(ctx, screen, binding);
		checkNavigatePayloads(ctx, screen);
	}
}
