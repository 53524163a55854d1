// Actions (flows/reference/flowjson "Actions"; components: which action each on-…-action accepts;
// error-codes "Complete Action Errors", "Navigate Action Errors", "Native Component Errors",
// "Data_api_version | Refresh_on_back errors", "Action errors"; media_upload "Limitations and Restrictions").
import { bindingsIn, wholeBinding, type Binding } from '../bindings';
import { COMPONENTS, type ActionName } from '../components';
import { supports, type RuleContext } from '../context';
import { DOC } from '../docs';
import { isObject, type ActionVisit, type ComponentVisit, type ScreenModel } from '../model';
import { childPointer } from '../pointer';

const ACTION_SINCE: Record<ActionName, string> = { navigate: '2.1', complete: '2.1', data_exchange: '2.1', update_data: '6.0', open_url: '6.0' };
/** Actions an item of `data-source` (6.0+, ChipsSelector 7.1+) or `list-items` may carry. */
const ITEM_ACTIONS: Record<string, Partial<Record<ActionName, string>>> = {
	'data-source/on-select-action': { update_data: '6.0' },
	'data-source/on-unselect-action': { update_data: '6.0' },
	'list-items/on-click-action': { data_exchange: '6.2', navigate: '6.2' },
};
/** media_upload: "No more than 10 images or documents can be sent as part of the response message". */
const MAX_FILES_IN_RESPONSE = 10;

function isActionName(name: unknown): name is ActionName {
	return typeof name === 'string' && name in ACTION_SINCE;
}

function allowedActions(visit: ActionVisit): Partial<Record<ActionName, string>> {
	if (visit.onItem) {
		const list = visit.pointer.includes('/list-items/') ? 'list-items' : 'data-source';
		const allowed = { ...ITEM_ACTIONS[`${list}/${visit.property}`] };
		if (visit.owner.type === 'ChipsSelector' && allowed.update_data !== undefined) allowed.update_data = '7.1';
		return allowed;
	}
	const spec = visit.owner.type === undefined ? undefined : COMPONENTS[visit.owner.type];
	return spec?.actions?.[visit.property] ?? {};
}

/** The picker a binding reads, when it reads one (locally or through ${screen.S.form.x}). */
function pickerOf(ctx: RuleContext, screen: ScreenModel, binding: Binding | undefined): ComponentVisit | undefined {
	let input: ComponentVisit | undefined;
	if (binding?.kind === 'form') input = screen.inputs.get(binding.name);
	else if (binding?.kind === 'screen' && binding.store === 'form') input = ctx.screensById.get(binding.screen)?.inputs.get(binding.path[0]);
	return input?.type === 'PhotoPicker' || input?.type === 'DocumentPicker' ? input : undefined;
}

function checkPickerPayload(ctx: RuleContext, screen: ScreenModel, visit: ActionVisit, name: ActionName): void {
	const payload = visit.action.payload;
	if (!isObject(payload)) return;
	const { report } = ctx;
	const payloadPointer = childPointer(visit.pointer, 'payload');
	const topLevel = new Map<string, ComponentVisit>();
	for (const [key, value] of Object.entries(payload)) {
		const picker = pickerOf(ctx, screen, wholeBinding(value, childPointer(payloadPointer, key)));
		if (picker !== undefined) topLevel.set(key, picker);
	}
	for (const binding of bindingsIn(payload, payloadPointer)) {
		const picker = pickerOf(ctx, screen, binding);
		if (picker === undefined) continue;
		if (name === 'navigate') {
			report.error('picker.in-navigate', binding.pointer, `The ${picker.type} component's value is not allowed in the payload of the navigate action; read it on the next screen with \${screen.${screen.id ?? 'SCREEN'}.form.${String(picker.node.name)}}.`, DOC.mediaUpload);
		} else if (![...topLevel.entries()].some(([key, p]) => p === picker && childPointer(payloadPointer, key) === binding.pointer)) {
			report.error('picker.payload-top-level', binding.pointer, `The ${picker.type} can only be used as the value of a top-level string property in the action payload.`, DOC.mediaUpload);
		}
	}
	if (name !== 'complete') return;
	const types = new Set([...topLevel.values()].map((p) => p.type));
	if (types.size > 1) report.error('picker.complete-both', payloadPointer, 'Complete action payload can contain either a single PhotoPicker or a single DocumentPicker component.', DOC.errors);
	for (const [key, picker] of topLevel) {
		const maxKey = picker.type === 'PhotoPicker' ? 'max-uploaded-photos' : 'max-uploaded-documents';
		const max = typeof picker.node[maxKey] === 'number' ? (picker.node[maxKey] as number) : 30;
		const at = childPointer(payloadPointer, key);
		if (max > MAX_FILES_IN_RESPONSE) {
			report.error('picker.complete-max', at, `${picker.type} "${maxKey}" is ${max}${picker.node[maxKey] === undefined ? ' (the default)' : ''}; the response message carries at most ${MAX_FILES_IN_RESPONSE} files: set it to ${MAX_FILES_IN_RESPONSE} or less.`, DOC.mediaUpload);
		} else if (max > 1) {
			// error-codes "Native Component Errors" still says 1; media_upload (newer) allows 10 in the response.
			report.warning('picker.complete-max', at, `${picker.type} in a complete payload with "${maxKey}" ${max}: Meta's error-code reference allows only 1, its media-upload reference up to ${MAX_FILES_IN_RESPONSE}.`, DOC.errors);
		}
	}
}

function checkNavigate(ctx: RuleContext, screen: ScreenModel, visit: ActionVisit): void {
	const { report } = ctx;
	const next = visit.action.next;
	const nextPointer = childPointer(visit.pointer, 'next');
	if (!isObject(next) || typeof next.name !== 'string') {
		report.error('action.navigate-next', isObject(next) ? nextPointer : visit.pointer, 'A navigate action needs "next": {"type": "screen", "name": "<screen id>"}.', DOC.actions);
		return;
	}
	if (next.type !== undefined && next.type !== 'screen') report.error('action.navigate-next', childPointer(nextPointer, 'type'), 'The navigate "next" type must be "screen".', DOC.actions);
	const namePointer = childPointer(nextPointer, 'name');
	if (next.name === screen.id) report.error('action.navigate-self', namePointer, `Same screen navigation is not allowed. Loop detected at [${next.name}].`, DOC.errors);
	else if (!ctx.screensById.has(next.name)) report.error('action.navigate-unknown-screen', namePointer, `Unknown screen ids found: [${next.name}].`, DOC.errors);
	if (screen.terminal && visit.owner.type === 'Footer') {
		report.warning('action.navigate-on-terminal', visit.pointer, 'A navigate action on the Footer of a terminal screen keeps the flow from terminating; use complete.', DOC.actions);
	}
}

function checkAction(ctx: RuleContext, screen: ScreenModel, visit: ActionVisit): void {
	const { report } = ctx;
	const { action, pointer } = visit;
	const name = action.name;
	const namePointer = childPointer(pointer, 'name');
	if (!isActionName(name)) {
		report.error('action.name', action.name === undefined ? pointer : namePointer, `Unknown action ${JSON.stringify(name ?? null)}: use ${Object.keys(ACTION_SINCE).join(', ')}.`, DOC.actions);
		return;
	}
	const available = supports(ctx, ACTION_SINCE[name]);
	if (!available) report.error('action.unavailable', namePointer, `The ${name} action needs Flow JSON ${ACTION_SINCE[name]} or later.`, DOC.actions);
	const allowed = allowedActions(visit);
	const since = allowed[name];
	const where = `${visit.owner.type ?? 'component'}${visit.onItem ? ' item' : ''} ${visit.property}`;
	if (since === undefined) {
		const names = Object.keys(allowed);
		report.error('action.not-allowed', namePointer, `${where} does not accept ${name}${names.length > 0 ? `: value should be one of [${names.join(', ')}]` : ''}.`, visit.owner.type ? COMPONENTS[visit.owner.type]?.doc ?? DOC.actions : DOC.actions);
	} else if (available && !supports(ctx, since)) {
		report.error('action.unavailable', namePointer, `${where} accepts ${name} from Flow JSON ${since} on.`, DOC.actions);
	}
	if (action.payload !== undefined && !isObject(action.payload)) report.error('action.payload-type', childPointer(pointer, 'payload'), 'An action "payload" must be an object.', DOC.actions);

	if (name === 'complete' && !screen.terminal) {
		report.error('action.complete-not-terminal', namePointer, "On-click-action 'complete' can only be configured on a terminal screen.", DOC.errors);
	}
	if (name === 'navigate') checkNavigate(ctx, screen, visit);
	if (name === 'data_exchange' && !ctx.hasEndpoint) {
		report.error('action.data-exchange-without-endpoint', namePointer, "The property 'data_api_version' is required for data_exchange action (the flow needs an endpoint).", DOC.errors);
	}
	if (name === 'open_url') {
		if (typeof action.url !== 'string' || action.url === '') report.error('action.open-url', pointer, 'An open_url action needs a "url".', DOC.actions);
		if (action.payload !== undefined) report.error('action.open-url', childPointer(pointer, 'payload'), 'No payload is accepted by the open_url action.', DOC.actions, 'key');
	}
	if (name === 'update_data' && isObject(action.payload)) {
		for (const key of Object.keys(action.payload)) {
			if (screen.data?.[key] === undefined) {
				report.error('action.update-data-unknown', childPointer(childPointer(pointer, 'payload'), key), `The following property ${key} does not exist in the screen data model.`, DOC.errors, 'key');
			}
		}
	}
	if (name === 'navigate' || name === 'complete' || name === 'data_exchange') checkPickerPayload(ctx, screen, visit, name);
}

export function checkActions(ctx: RuleContext): void {
	for (const screen of ctx.screens) for (const visit of screen.actions) checkAction(ctx, screen, visit);
}
