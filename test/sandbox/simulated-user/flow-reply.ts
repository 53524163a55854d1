// What the user's phone sends when a flow completes: the flow response message, delivered to the business as a
// `messages` webhook (flows/guides/receiveflowresponse; flows/reference/flowswebhooks "Flow response message
// webhook"): messages[] {context: {from: <business number>, id: <the flow message's wamid>}, from, id, timestamp,
// type: "interactive", interactive: {type: "nfm_reply", nfm_reply: {name: "flow", body: "Sent", response_json:
// "<JSON text>"}}}, with contacts[{profile: {name}, wa_id}], signed like every webhook. Files picked in the flow are
// uploaded to the Cloud API's media store so the ids in response_json resolve (flows/reference/media_upload).
import type { OpenFlowOptions } from '../client';
import { userSends } from '../inbound';
import type { SandboxState } from '../state';

export interface FlowReply {
	/** The nfm_reply message's wamid. */
	messageId: string;
	/** The webhook delivery (GET /__sandbox/webhook-deliveries). */
	deliveryId: string;
	responseJson: string;
}

export function sendFlowReply(
	state: SandboxState,
	input: { waId: string; name?: string; phoneNumberId: string; flowMessageId: string; responseJson: string },
): FlowReply {
	const { message, delivery } = userSends(state, {
		waId: input.waId,
		name: input.name,
		phoneNumberId: input.phoneNumberId,
		replyTo: input.flowMessageId,
		content: {
			type: 'interactive',
			interactive: { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: input.responseJson } },
		},
	});
	return { messageId: message.id, deliveryId: delivery.id, responseJson: input.responseJson };
}

/** openFlow's `registerMedia`: stores a picked file as Cloud API media of the phone number; answers its media id. */
export function mediaRegistrar(state: SandboxState, phoneNumberId: string): NonNullable<OpenFlowOptions['registerMedia']> {
	return (file) =>
		state.media.add({ phoneNumberId, mimeType: file.mimeType, data: Buffer.from(file.bytes), filename: file.fileName }).id;
}
