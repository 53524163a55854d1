// The last delivered message that opens a flow, and how the app opens it when the user taps its CTA
// (flows/guides/sendingaflow):
// - an interactive `flow` message: action.parameters {flow_id | flow_name, mode (draft | published), flow_token,
//   flow_action (navigate | data_exchange), flow_action_payload {screen, data}};
// - a template with a FLOW button: the template's button {flow_id | flow_name, flow_action, navigate_screen} and the
//   send's button component {type: "button", sub_type: "flow", index, parameters: [{type: "action", action:
//   {flow_token, flow_action_data}}]}; template flows always open in published mode.
import { launchFromInteractive, launchFromTemplateButton, type LaunchOptions } from '../client';
import type { JsonObject } from '../client/json';
import type { FlowRecord } from '../flows';
import { isRecord } from '../http-io';
import type { RecordedMessage, SandboxState } from '../state';
import { SimulatedUserError } from './errors';

export interface FlowLaunch {
	message: RecordedMessage;
	via: 'interactive' | 'template';
	flow: FlowRecord;
	mode: 'draft' | 'published';
	/** openFlow's options from the message: flow token, action, initial screen and data, mode. */
	launch: LaunchOptions;
}

interface FlowReference {
	via: FlowLaunch['via'];
	flowId?: string;
	flowName?: string;
	mode: FlowLaunch['mode'];
	launch: LaunchOptions;
}

function str(value: unknown): string | undefined {
	return (typeof value === 'string' || typeof value === 'number') && String(value) !== '' ? String(value) : undefined;
}

function interactiveReference(content: Record<string, unknown>): FlowReference | undefined {
	if (content.type !== 'flow' || !isRecord(content.action) || !isRecord(content.action.parameters)) return undefined;
	const parameters = content.action.parameters;
	return {
		via: 'interactive',
		flowId: str(parameters.flow_id),
		flowName: str(parameters.flow_name),
		mode: parameters.mode === 'draft' ? 'draft' : 'published',
		launch: launchFromInteractive(parameters as JsonObject),
	};
}

/** The send's `action` parameter for the FLOW button at `index` ({} when the send gave none). */
function buttonAction(content: Record<string, unknown>, index: number): JsonObject {
	const components = Array.isArray(content.components) ? content.components.filter(isRecord) : [];
	const component = components.find(
		(c) => String(c.type).toLowerCase() === 'button' && String(c.sub_type).toLowerCase() === 'flow' && Number(c.index) === index,
	);
	const parameters = Array.isArray(component?.parameters) ? component.parameters.filter(isRecord) : [];
	const action = parameters.find((p) => p.type === 'action')?.action;
	return isRecord(action) ? (action as JsonObject) : {};
}

function templateReference(state: SandboxState, content: Record<string, unknown>): FlowReference | undefined {
	const language = isRecord(content.language) ? str(content.language.code) : undefined;
	const name = str(content.name);
	if (name === undefined || language === undefined) return undefined;
	const template = state.templates.find(name, language);
	if (!template) throw new SimulatedUserError('flow-not-found', `template ${name} (${language}) no longer exists`);
	const buttons = template.components.find((c) => String(c.type).toUpperCase() === 'BUTTONS')?.buttons;
	const list = Array.isArray(buttons) ? buttons : [];
	const index = list.findIndex((b) => isRecord(b) && String(b.type).toUpperCase() === 'FLOW');
	if (index < 0) return undefined;
	const button = list[index] as Record<string, unknown>;
	return {
		via: 'template',
		flowId: str(button.flow_id),
		flowName: str(button.flow_name),
		mode: 'published',
		launch: launchFromTemplateButton(button as JsonObject, buttonAction(content, index)),
	};
}

function referenceOf(state: SandboxState, message: RecordedMessage): FlowReference | undefined {
	const content = message.content;
	if (!content) return undefined;
	if (message.type === 'interactive') return interactiveReference(content);
	if (message.type === 'template') return templateReference(state, content);
	return undefined;
}

/** The newest message delivered to the user (failed ones excluded) that opens a flow, with its flow. */
export function lastFlowMessage(state: SandboxState, waId: string): FlowLaunch {
	const messages = state.messagesTo(waId);
	for (let i = messages.length - 1; i >= 0; i -= 1) {
		const message = messages[i];
		const ref = referenceOf(state, message);
		if (!ref) continue;
		const flow =
			ref.flowId !== undefined
				? state.flows.get(ref.flowId)
				: ref.flowName !== undefined
					? state.flows.findByName(state.seed.wabaId, ref.flowName)
					: undefined;
		if (!flow) {
			throw new SimulatedUserError('flow-not-found', `the flow ${ref.flowId ?? ref.flowName ?? '?'} of message ${message.id} no longer exists`);
		}
		return { message, via: ref.via, flow, mode: ref.mode, launch: ref.launch };
	}
	throw new SimulatedUserError('no-flow-message', `no message delivered to ${waId} opens a flow`);
}
