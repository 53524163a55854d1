import { sleep, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { saysYes } from '../../../shared/broadcast/consent';
import { skipRepeatedRecipients, type PreparedItem } from '../../../shared/broadcast/plan';
import { runSchedule, type AttemptOutcome, type BroadcastJob } from '../../../shared/broadcast/scheduler';
import { attemptSend, describeFailure, type SendAnswer, type SendResult } from '../../../shared/broadcast/send-outcome';
import { pickVariant } from '../../../shared/broadcast/variants';
import { messageRequestBody } from '../../../shared/messages/envelope';
import { normalizeWaId } from '../../../shared/messages/recipient';
import { graphClientFor } from '../../../shared/n8n/graph-context';
import { toNodeError } from '../../../shared/n8n/node-errors';
import { invalidOutput, sentOrFailedOutput, skippedOutput, type ItemFate } from './broadcast-output';
import { readBroadcastSettings, type BroadcastSettings } from './broadcast-settings';
import { parameterReaders, type ParamReader } from './parameter-reader';
import { lazyFlowTokenSecret, replyToOf, type SendOperationSpec, type VariantChoice } from './send-operation';

interface ReadyMessage {
	/** Dropped once the item is settled: a 10,000-row broadcast need not keep every body until the end. */
	body?: Record<string, unknown>;
	extra: IDataObject;
}

/** What is known of an item to send before its message is built (when its first attempt starts). */
interface Pending {
	param: ParamReader;
	variant?: VariantChoice;
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The cheap checks of one item, before anything is sent: its number, whether it was sent before, consent, variant. */
function screen(param: ParamReader, settings: BroadcastSettings, fate: ItemFate): PreparedItem<Pending> {
	let waId: string;
	try {
		waId = normalizeWaId(fate.to, { defaultCountryCode: settings.defaultCountryCode });
	} catch (error) {
		return { kind: 'invalid', error };
	}
	fate.waId = waId;
	if (!isEmpty(param<{ alreadySent?: unknown }>('broadcastOptions', {}).alreadySent)) return { kind: 'skip', reason: 'already_sent', waId };
	if (settings.requireConsent && !saysYes(param('consent', ''), settings.consentValues)) return { kind: 'skip', reason: 'no_consent', waId };
	const variant = settings.variants.length > 0 ? pickVariant(settings.variants, waId, settings.experiment) : undefined;
	fate.variant = variant?.name ?? null;
	return { kind: 'send', waId, message: { param, variant: variant?.value } };
}

/**
 * A send operation in broadcast mode: every item screened first (number, already sent, consent, variant, one per
 * number), then sent by the broadcast core (paced, bounded, pair-spaced, retried only when Meta did not take the
 * message), each message built and checked when its first attempt starts; one output item per input item.
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
	const readers = parameterReaders(this, items);
	const fates: ItemFate[] = [];
	const screened: Array<PreparedItem<Pending>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const param = readers(itemIndex);
		const fate: ItemFate = { to: param('to', ''), waId: null, variant: null };
		fates.push(fate);
		screened.push(screen(param, settings, fate));
	}
	const plan = skipRepeatedRecipients(screened, settings.oncePerNumber);

	// Messages are built when their first attempt starts, so sending begins at once and building overlaps it.
	const ready = new Map<number, ReadyMessage>();
	const unbuildable = new Map<number, unknown>();
	const build = async (itemIndex: number, waId: string, pending: Pending): Promise<ReadyMessage | undefined> => {
		const known = ready.get(itemIndex);
		if (known) return known;
		try {
			const built = await spec.build.call(this, { itemIndex, param: pending.param, waId, variant: pending.variant, flowTokenSecret });
			const message = { body: messageRequestBody(waId, built.content, replyToOf(pending.param)), extra: built.output ?? {} };
			ready.set(itemIndex, message);
			return message;
		} catch (error) {
			unbuildable.set(itemIndex, error);
			return undefined;
		}
	};
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
		attempt: async (job, attemptNumber): Promise<AttemptOutcome<SendResult>> => {
			const item = plan[job.index] as Extract<PreparedItem<Pending>, { kind: 'send' }>;
			const message = await build(job.index, item.waId, item.message);
			if (message === undefined) return { kind: 'final', result: { status: 'failed', failure: describeFailure(unbuildable.get(job.index)) } };
			const send = async () =>
				await client.request<SendAnswer>({
					method: 'POST',
					path,
					body: { kind: 'json', value: message.body },
					kind: 'send',
					timeoutMs: settings.requestTimeoutMs,
				});
			const outcome = await attemptSend(send, attemptNumber, { now: clock.now, random: Math.random });
			if (outcome.kind === 'final' || attemptNumber >= settings.maxAttempts) delete message.body;
			return outcome;
		},
	});
	const settledByIndex = new Map(settled.map((entry) => [entry.index, entry]));

	return plan.map((item, index) => {
		const fate = fates[index];
		let json: IDataObject;
		if (item.kind === 'skip') json = skippedOutput(fate, item.reason);
		else if (item.kind === 'invalid') json = invalidOutput(fate, item.error);
		else if (unbuildable.has(index)) json = invalidOutput(fate, unbuildable.get(index));
		else json = sentOrFailedOutput(fate, settledByIndex.get(index)!, ready.get(index)?.extra ?? {}, clock.now);
		return { json, pairedItem: { item: index } };
	});
}
