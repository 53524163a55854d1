import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { SendAnswer } from '../../../shared/broadcast/send-outcome';
import { messageRequestBody, type MessageContent } from '../../../shared/messages/envelope';
import { normalizeWaId } from '../../../shared/messages/recipient';
import { readAppCredential } from '../../../shared/n8n/app-credential';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { showFor, type OperationModule } from '../types';
import { runBroadcast } from './broadcast-run';
import { broadcastFields, type VariantKind } from './fields/broadcast';
import { recipientField, replyToOption } from './fields/recipient';
import { parameterReaders, type ParamReader } from './parameter-reader';

/** What an A/B variant replaces in the message. */
export interface VariantChoice {
	name: string;
	templateName?: string;
	language?: string;
	flowId?: string;
	cta?: string;
}

export interface BuildContext {
	itemIndex: number;
	/** This item's parameters (constant ones resolved once). */
	param: ParamReader;
	/** The recipient, normalised. */
	waId: string;
	/** The recipient's A/B variant (broadcasts with variants only). */
	variant?: VariantChoice;
	/** The WhatsApp Meta App credential's flow token secret, read once when first needed. */
	flowTokenSecret(): Promise<string>;
}

export interface BuiltMessage {
	content: MessageContent;
	/** Added to the item's output (e.g. the flow token sent). */
	output?: IDataObject;
}

export interface SendOperationSpec {
	operation: string;
	name: string;
	action: string;
	/** The message's own fields (the recipient, options and broadcast settings are added). */
	fields: INodeProperties[];
	/** Entries of the operation's Options collection besides "Reply To Message ID". */
	options?: INodeProperties[];
	variants?: VariantKind;
	build(this: IExecuteFunctions, context: BuildContext): Promise<BuiltMessage>;
}

/** A flow token secret reader that asks n8n for the credential once, and only if a message needs it. */
export function lazyFlowTokenSecret(context: IExecuteFunctions): () => Promise<string> {
	let secret: Promise<string> | undefined;
	return async () => {
		secret ??= readAppCredential(context).then((credential) => credential.flowTokenSecret);
		return await secret;
	};
}

export function replyToOf(param: ParamReader): string | undefined {
	return param<{ replyTo?: string }>('options', {}).replyTo?.trim() || undefined;
}

/**
 * A Message operation that sends one message per item, or, with "Broadcast" on, all items as one paced broadcast.
 * Every message is built and checked against Meta's limits (nodes/shared/messages) before anything is sent.
 */
export function sendOperation(spec: SendOperationSpec): OperationModule {
	const options: INodeProperties = {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...(spec.options ?? []), replyToOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
	return {
		name: spec.name,
		action: spec.action,
		description: showFor('message', spec.operation, [recipientField, ...spec.fields, options, ...broadcastFields(spec.variants)]),
		runsAllItems(this: IExecuteFunctions) {
			return this.getNodeParameter('broadcast', 0, false) === true;
		},
		async execute(this: IExecuteFunctions, itemIndex: number) {
			const param = parameterReaders(this)(itemIndex);
			const to = param<string>('to');
			const waId = normalizeWaId(to);
			const built = await spec.build.call(this, { itemIndex, param, waId, flowTokenSecret: lazyFlowTokenSecret(this) });
			const body = messageRequestBody(waId, built.content, replyToOf(param));
			const { client, credential } = await graphClientFor(this);
			const answer = await client.request<SendAnswer>({
				method: 'POST',
				path: `${credential.phoneNumberId}/messages`,
				body: { kind: 'json', value: body },
				kind: 'send',
			});
			return {
				status: 'sent',
				messageId: answer.messages?.[0]?.id ?? null,
				waId: answer.contacts?.[0]?.wa_id ?? waId,
				to,
				...built.output,
			};
		},
		async executeAll(this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await runBroadcast.call(this, items, spec);
		},
	};
}
