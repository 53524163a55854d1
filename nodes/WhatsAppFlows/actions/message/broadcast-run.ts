import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { saysYes } from '../../../shared/broadcast/consent';
import { skipRepeatedRecipients, type PreparedItem } from '../../../shared/broadcast/plan';
import { runSchedule, type BroadcastJob } from '../../../shared/broadcast/scheduler';
import { attemptSend, type SendAnswer } from '../../../shared/broadcast/send-outcome';
import { pickVariant } from '../../../shared/broadcast/variants';
import { messageRequestBody } from '../../../shared/messages/envelope';
import { normalizeWaId } from '../../../shared/messages/recipient';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { invalidOutput, sentOrFailedOutput, skippedOutput, type ItemFate } from './broadcast-output';
import { readBroadcastSettings, type BroadcastSettings } from './broadcast-settings';
import { lazyFlowTokenSecret, replyToOf, type SendOperationSpec } from './send-operation';

interface ReadyMessage {
	body: Record<string, unknown>;
	extra: IDataObject;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** One item, checked and built before anything is sent: to send, to skip, or invalid. */
async function prepare(
	context: IExecuteFunctions,
	spec: SendOperationSpec,
	settings: BroadcastSettings,
	itemIndex: number,
	fate: ItemFate,
	flowTokenSecret: () => Promise<string>,
): Promise<PreparedItem<ReadyMessage>> {
	let waId: string;
	try {
		waId = normalizeWaId(fate.to, { defaultCountryCode: settings.defaultCountryCode });
	} catch (error) {
		return { kind: 'invalid', error };
	}
	fate.waId = waId;
	const options = context.getNodeParameter('broadcastOptions', itemIndex, {}) as { alreadySent?: unknown };
	if (!isEmpty(options.alreadySent)) return { kind: 'skip', reason: 'already_sent', waId };
	if (settings.requireConsent && !saysYes(context.getNodeParameter('consent', itemIndex, ''), settings.consentValues)) {
		return { kind: 'skip', reason: 'no_consent', waId };
	}
	const variant = settings.variants.length > 0 ? pickVariant(settings.variants, waId, settings.experiment) : undefined;
	fate.variant = variant?.name ?? null;
	try {
		const built = await spec.build.call(context, { itemIndex, waId, variant: variant?.value, flowTokenSecret });
		return { kind: 'send', waId, message: { body: messageRequestBody(waId, built.content, replyToOf(context, itemIndex)), extra: built.output ?? {} } };
	} catch (error) {
		return { kind: 'invalid', error, waId };
	}
}

/**
 * A send operation in broadcast mode: every item checked and built first, then sent by the broadcast core (paced,
 * bounded, pair-spaced, retried only when Meta did not take the message), one output item per input item.
 */
export async function runBroadcast(this: IExecuteFunctions, items: INodeExecutionData[], spec: SendOperationSpec): Promise<INodeExecutionData[]> {
	let settings: BroadcastSettings;
	let graph: Awaited<ReturnType<typeof graphClientFor>>;
	try {
		settings = readBroadcastSettings(this, spec.variants);
		graph = await graphClientFor(this, { maxAttempts: 1, credentialOnce: true });
	} catch (error) {
		const nodeError = toNodeError(this.getNode(), error);
		if (!this.continueOnFail()) throw nodeError;
		return items.map((_, item) => ({ json: { status: 'failed', errorMessage: nodeError.message, errorCause: nodeError.description ?? null }, pairedItem: { item } }));
	}
	const flowTokenSecret = lazyFlowTokenSecret(this);
	const fates: ItemFate[] = [];
	const prepared: Array<PreparedItem<ReadyMessage>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const fate: ItemFate = { to: this.getNodeParameter('to', itemIndex, ''), waId: null, variant: null };
		fates.push(fate);
		prepared.push(await prepare(this, spec, settings, itemIndex, fate, flowTokenSecret));
	}
	const plan = skipRepeatedRecipients(prepared, settings.oncePerNumber);
	const jobs: BroadcastJob[] = plan.flatMap((item, index) => (item.kind === 'send' ? [{ index, recipient: item.waId }] : []));

	const { client, credential } = graph;
	const path = `${credential.phoneNumberId}/messages`;
	const clock = { now: () => Date.now(), sleep: async (ms: number) => await sleep(ms) };
	const cancelSignal = this.getExecutionCancelSignal?.();
	const settled = await runSchedule({
		jobs,
		perSecond: settings.messagesPerSecond,
		concurrency: settings.concurrency,
		pairIntervalMs: settings.pairIntervalMs,
		maxAttempts: settings.maxAttempts,
		clock,
		shouldStop: () => cancelSignal?.aborted === true,
		attempt: async (job, attemptNumber) => {
			const item = plan[job.index] as Extract<PreparedItem<ReadyMessage>, { kind: 'send' }>;
			const send = async () =>
				await client.request<SendAnswer>({
					method: 'POST',
					path,
					body: { kind: 'json', value: item.message.body },
					kind: 'send',
					timeoutMs: settings.requestTimeoutMs,
				});
			return await attemptSend(send, attemptNumber, { now: clock.now, random: Math.random });
		},
	});
	const settledByIndex = new Map(settled.map((entry) => [entry.index, entry]));

	return plan.map((item, index) => {
		const fate = fates[index];
		let json: IDataObject;
		if (item.kind === 'skip') json = skippedOutput(fate, item.reason);
		else if (item.kind === 'invalid') json = invalidOutput(fate, item.error);
		else json = sentOrFailedOutput(fate, settledByIndex.get(index)!, item.message.extra, clock.now);
		return { json, pairedItem: { item: index } };
	});
}
