// Renders a screen's layout into the list of components the user sees: Form is unwrapped (its init-values and
// error-messages apply to its fields), If shows `then` or `else`, Switch shows the case matching its value
// (developers.facebook.com/docs/whatsapp/flows/reference/components "If", "Switch"; reference/flowjson "Forms").
import { lookup, resolveObject, resolveValue, type BindingScope } from './bindings';
import { evaluateCondition, stringify, truthy } from './expression';
import { isComponent, type Component } from './flow-json';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

/** Keys that hold nested components or actions: never resolved as display properties. */
const STRUCTURAL_KEYS = new Set(['children', 'then', 'else', 'cases', 'on-click-action', 'on-select-action', 'on-unselect-action']);

export interface RenderedComponent {
	type: string;
	/** The definition as written (actions are resolved when they run, with the form values of that moment). */
	definition: Component;
	/** Display properties with bindings resolved. */
	props: JsonObject;
	visible: boolean;
	/** Where it sits in the layout, e.g. "children[0].children[2].then[0]". */
	path: string;
	/** The enclosing Form's resolved `init-values` / `error-messages` (Forms before 4.0 carry them there). */
	formInitValues?: JsonObject;
	formErrorMessages?: JsonObject;
}

interface FormContext {
	initValues?: JsonObject;
	errorMessages?: JsonObject;
}

function displayProps(component: Component, scope: BindingScope): JsonObject {
	const own: JsonObject = {};
	for (const [key, value] of Object.entries(component)) if (!STRUCTURAL_KEYS.has(key)) own[key] = value;
	return resolveObject(own, scope);
}

function componentsOf(value: JsonValue | undefined): Component[] {
	return Array.isArray(value) ? value.filter(isComponent) : [];
}

function renderInto(
	out: RenderedComponent[],
	children: Component[],
	scope: BindingScope,
	path: string,
	form: FormContext,
): void {
	children.forEach((component, index) => {
		const here = `${path}[${index}]`;
		if (component.type === 'Form') {
			const initValues = component['init-values'] === undefined ? undefined : resolveValue(component['init-values'], scope);
			const errorMessages =
				component['error-messages'] === undefined ? undefined : resolveValue(component['error-messages'], scope);
			renderInto(out, componentsOf(component.children), scope, `${here}.children`, {
				initValues: isJsonObject(initValues) ? initValues : undefined,
				errorMessages: isJsonObject(errorMessages) ? errorMessages : undefined,
			});
			return;
		}
		if (component.type === 'If') {
			const condition = component.condition;
			const holds =
				typeof condition === 'boolean'
					? condition
					: typeof condition === 'string' && evaluateCondition(condition, (p) => lookup(p, scope));
			const branch = holds ? 'then' : 'else';
			renderInto(out, componentsOf(component[branch]), scope, `${here}.${branch}`, form);
			return;
		}
		if (component.type === 'Switch') {
			const value = component.value === undefined ? undefined : resolveValue(component.value, scope);
			const cases = isJsonObject(component.cases) ? component.cases : {};
			const key = stringify(value);
			renderInto(out, componentsOf(cases[key]), scope, `${here}.cases.${key}`, form);
			return;
		}
		const props = displayProps(component, scope);
		out.push({
			type: component.type,
			definition: component,
			props,
			visible: props.visible === undefined ? true : truthy(props.visible),
			path: here,
			formInitValues: form.initValues,
			formErrorMessages: form.errorMessages,
		});
	});
}

export function renderLayout(children: Component[], scope: BindingScope): RenderedComponent[] {
	const out: RenderedComponent[] = [];
	renderInto(out, children, scope, 'children', {});
	return out;
}
