import { MessageFieldError, optionalObject, optionalText, requiredText, withoutEmoji } from './field-checks';
import { interactiveParts } from './interactive-parts';
import { FLOW_MESSAGE_LIMITS } from './limits';
import type { MessageContent } from './envelope';

/** How the flow opens: on a screen of ours (with optional data), or by asking the endpoint (`data_exchange`, INIT). */
export type FlowOpening = { kind: 'navigate'; screen?: unknown; data?: unknown } | { kind: 'data_exchange' };

export interface FlowMessageInput {
	flowId: unknown;
	cta: unknown;
	body: unknown;
	headerText?: unknown;
	footer?: unknown;
	/** "draft" sends the flow's current draft (for testers); "published" the published version. */
	mode: 'draft' | 'published';
	opening: FlowOpening;
	/** The `flow_token` sent back with every endpoint request and with the completion. */
	flowToken?: string;
}

/** A Flow's ID: Meta's numeric ID. */
export function flowIdOf(value: unknown, field = 'Flow ID'): string {
	const id = requiredText(field, value, 64);
	if (!/^[0-9]+$/.test(id)) throw new MessageFieldError(field, `${field} "${id}" is not a Flow ID (Meta's Flow IDs are numbers)`);
	return id;
}

/** Screen IDs: letters and underscores (flows/reference/flowjson "id … letters and underscores"). */
function screenOf(value: unknown): string | undefined {
	const screen = optionalText('Screen', value, 200);
	if (screen !== undefined && !/^[A-Za-z_]+$/.test(screen)) {
		throw new MessageFieldError('Screen', `Screen "${screen}" is not a screen ID (letters and underscores only)`);
	}
	return screen;
}

function actionPayload(opening: FlowOpening): Record<string, unknown> {
	if (opening.kind === 'data_exchange') return { flow_action: 'data_exchange' };
	const screen = screenOf(opening.screen);
	const data = optionalObject('Initial Data', opening.data);
	if (data !== undefined && Object.keys(data).length === 0) throw new MessageFieldError('Initial Data', 'Initial Data must be a non-empty object, or empty for none');
	if (data !== undefined && screen === undefined) throw new MessageFieldError('Screen', 'Screen is required when Initial Data is given: the data is for that screen');
	return {
		flow_action: 'navigate',
		...(screen !== undefined ? { flow_action_payload: { screen, ...(data !== undefined ? { data } : {}) } } : {}),
	};
}

/**
 * An interactive flow message (flows/guides/sendingaflow): `flow_message_version` "3", the flow by ID, CTA, mode,
 * token, and `navigate` (payload optional) or `data_exchange` (no payload).
 */
export function flowMessageContent(input: FlowMessageInput): MessageContent {
	const cta = withoutEmoji('Flow CTA', requiredText('Flow CTA', input.cta, FLOW_MESSAGE_LIMITS.cta));
	const headerText = optionalText('Header Text', input.headerText, FLOW_MESSAGE_LIMITS.headerText);
	const parameters: Record<string, unknown> = {
		flow_message_version: FLOW_MESSAGE_LIMITS.flowMessageVersion,
		flow_id: flowIdOf(input.flowId),
		flow_cta: cta,
		mode: input.mode,
		...(input.flowToken !== undefined ? { flow_token: input.flowToken } : {}),
		...actionPayload(input.opening),
	};
	return {
		type: 'interactive',
		object: {
			type: 'flow',
			...interactiveParts(
				{ header: headerText === undefined ? undefined : { kind: 'text', text: headerText }, body: input.body, footer: input.footer },
				{ ...FLOW_MESSAGE_LIMITS, headerKinds: ['none', 'text'] },
			),
			action: { name: 'flow', parameters },
		},
	};
}
