// From a delivered message to openFlow's options — what the app reads when the user taps the CTA
// (developers.facebook.com/docs/whatsapp/flows/guides/sendingaflow):
// - interactive flow message: action.parameters {flow_token, flow_action (navigate | data_exchange),
//   flow_action_payload {screen, data}, mode (draft | published)}
// - template FLOW button: the template's button {flow_action, navigate_screen} and the send's button parameter
//   action {flow_token, flow_action_data}.
// flow_token defaults to "unused" and flow_action to navigate when the message leaves them out (sendingaflow).
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import type { OpenFlowOptions } from './session-types';

export type LaunchOptions = Pick<OpenFlowOptions, 'flowToken' | 'flowAction' | 'initialScreen' | 'initialData' | 'mode'>;

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function action(v: JsonValue | undefined): 'navigate' | 'data_exchange' {
	return v === 'data_exchange' ? 'data_exchange' : 'navigate';
}

/** `parameters` of an interactive message's `action` (type "flow"). */
export function launchFromInteractive(parameters: JsonObject): LaunchOptions {
	const payload = isJsonObject(parameters.flow_action_payload) ? parameters.flow_action_payload : {};
	const flowAction = action(parameters.flow_action);
	const options: LaunchOptions = { flowToken: str(parameters.flow_token) ?? 'unused', flowAction };
	if (parameters.mode === 'draft') options.mode = 'draft';
	if (flowAction === 'navigate') {
		const screen = str(payload.screen);
		if (screen) options.initialScreen = screen;
		if (isJsonObject(payload.data)) options.initialData = payload.data;
	}
	return options;
}

/** A template's FLOW button definition and, optionally, the send's `action` parameter for it. */
export function launchFromTemplateButton(button: JsonObject, sendAction: JsonObject = {}): LaunchOptions {
	const flowAction = action(button.flow_action);
	const options: LaunchOptions = { flowToken: str(sendAction.flow_token) ?? 'unused', flowAction };
	if (flowAction === 'navigate') {
		const screen = str(button.navigate_screen);
		if (screen) options.initialScreen = screen;
		if (isJsonObject(sendAction.flow_action_data)) options.initialData = sendAction.flow_action_data;
	}
	return options;
}
