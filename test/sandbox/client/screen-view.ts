// The structured view of a screen a test reads: every rendered component with its resolved properties, current
// value and error, plus the screen's banner (the endpoint's error_message or a generic error).
import { TEXT_TYPES, valueKind } from './component-kinds';
import { stringify, truthy } from './expression';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { RenderedComponent } from './layout';

export interface OptionView {
	id: string;
	title: string;
	description?: string;
	enabled: boolean;
}

export interface ComponentView {
	type: string;
	name?: string;
	label?: string;
	/** Text components: their text (RichText arrays joined with new lines). */
	text?: string;
	required: boolean;
	inputType?: string;
	options?: OptionView[];
	visible: boolean;
	enabled: boolean;
	value?: JsonValue;
	error?: string;
	/** All display properties, bindings resolved. */
	props: JsonObject;
	path: string;
}

export interface ScreenView {
	id: string;
	title?: string;
	terminal: boolean;
	success?: boolean;
	data: JsonObject;
	components: ComponentView[];
	footer?: ComponentView;
	/** The snackbar / banner: the endpoint's data.error_message, a 427 error_msg or the generic error. */
	errorMessage?: string;
}

export interface FieldErrorSources {
	/** The simulator's own validation of what the user entered. */
	clientErrors: Record<string, string>;
	/** Fields edited since the screen's data last changed: their server error-message is no longer shown. */
	dismissed: ReadonlySet<string>;
}

/** `enabled` defaults to true; a binding may resolve it to false. */
export function isEnabled(props: JsonObject): boolean {
	return props.enabled === undefined || truthy(props.enabled);
}

function options(props: JsonObject): OptionView[] | undefined {
	const source = props['data-source'];
	if (!Array.isArray(source)) return undefined;
	return source.filter(isJsonObject).map((item) => ({
		id: stringify(item.id),
		title: stringify(item.title),
		...(item.description === undefined ? {} : { description: stringify(item.description) }),
		enabled: item.enabled !== false,
	}));
}

/** The error the server set through `error-message` (4.0+) or the enclosing Form's `error-messages`. */
export function serverError(rc: RenderedComponent, name: string): string | undefined {
	const own = rc.props['error-message'];
	if (own !== undefined && own !== null && own !== '') return typeof own === 'string' ? own : JSON.stringify(own);
	const fromForm = rc.formErrorMessages?.[name];
	return typeof fromForm === 'string' && fromForm !== '' ? fromForm : undefined;
}

export function componentView(rc: RenderedComponent, form: JsonObject, errors: FieldErrorSources): ComponentView {
	const { props } = rc;
	const name = typeof props.name === 'string' ? props.name : undefined;
	const view: ComponentView = {
		type: rc.type,
		required: isJsonObject(props.required)
			? Object.values(props.required).some(truthy)
			: props.required !== undefined && truthy(props.required),
		visible: rc.visible,
		enabled: isEnabled(props),
		props,
		path: rc.path,
	};
	if (name !== undefined) view.name = name;
	if (typeof props.label === 'string') view.label = props.label;
	if (TEXT_TYPES.has(rc.type) || rc.type === 'EmbeddedLink') {
		view.text = Array.isArray(props.text) ? props.text.map(stringify).join('\n') : stringify(props.text);
	}
	if (typeof props['input-type'] === 'string') view.inputType = props['input-type'];
	const opts = options(props);
	if (opts) view.options = opts;
	if (name !== undefined && valueKind(rc.type)) {
		if (form[name] !== undefined) view.value = form[name];
		const error = errors.clientErrors[name] ?? (errors.dismissed.has(name) ? undefined : serverError(rc, name));
		if (error !== undefined) view.error = error;
	}
	return view;
}
