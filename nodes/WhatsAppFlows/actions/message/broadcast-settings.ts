import type { IExecuteFunctions } from 'n8n-workflow';
import { parseConsentValues } from '../../../shared/broadcast/consent';
import { checkVariants, type Variant } from '../../../shared/broadcast/variants';
import {
	DEFAULT_MAX_ATTEMPTS,
	DEFAULT_MESSAGES_PER_SECOND,
	DEFAULT_PAIR_INTERVAL_SECONDS,
	DEFAULT_REQUEST_TIMEOUT_SECONDS,
	MAX_MESSAGES_PER_SECOND,
	type VariantKind,
} from './fields/broadcast';
import type { VariantChoice } from './send-operation';

export interface BroadcastSettings {
	messagesPerSecond: number;
	concurrency: number;
	pairIntervalMs: number;
	maxAttempts: number;
	requestTimeoutMs: number;
	requireConsent: boolean;
	consentValues: string[];
	oncePerNumber: boolean;
	defaultCountryCode: string;
	experiment: string;
	variants: Array<Variant<VariantChoice>>;
}

interface RawOptions {
	messagesPerSecond?: number;
	concurrency?: number;
	pairIntervalSeconds?: number;
	maxAttempts?: number;
	requestTimeoutSeconds?: number;
	consentValues?: string;
	oncePerNumber?: boolean;
	defaultCountryCode?: string;
	experiment?: string;
}

interface RawVariant {
	name?: string;
	weight?: number;
	templateName?: string;
	language?: string;
	flowId?: string;
	cta?: string;
}

function inRange(name: string, value: number, min: number, max: number): number {
	if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be between ${min} and ${max} (it is ${value})`);
	return value;
}

function variantChoice(raw: RawVariant, kind: VariantKind): VariantChoice {
	const text = (value: string | undefined) => (value ?? '').trim() || undefined;
	const name = (raw.name ?? '').trim();
	return kind === 'template'
		? { name, templateName: text(raw.templateName), language: text(raw.language) }
		: { name, flowId: text(raw.flowId), cta: text(raw.cta) };
}

/** The broadcast's settings, from the first item (they apply to the whole broadcast). */
export function readBroadcastSettings(context: IExecuteFunctions, variantKind: VariantKind | undefined): BroadcastSettings {
	const options = context.getNodeParameter('broadcastOptions', 0, {}) as RawOptions;
	const messagesPerSecond = inRange('Messages per Second', options.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND, 0.1, MAX_MESSAGES_PER_SECOND);
	const concurrency = Math.round(inRange('Max Parallel Requests', options.concurrency ?? 0, 0, 1000));
	const rawVariants = variantKind
		? ((context.getNodeParameter('variants', 0, {}) as { variant?: RawVariant[] }).variant ?? [])
		: [];
	const variants = rawVariants.map((raw) => ({ name: (raw.name ?? '').trim(), weight: Number(raw.weight ?? 0), value: variantChoice(raw, variantKind as VariantKind) }));
	checkVariants(variants);
	return {
		messagesPerSecond,
		// One second's worth of messages in flight covers answers up to a second slow without losing rate.
		concurrency: concurrency > 0 ? concurrency : Math.min(1000, Math.max(10, Math.ceil(messagesPerSecond))),
		pairIntervalMs: inRange('Pair Interval (Seconds)', options.pairIntervalSeconds ?? DEFAULT_PAIR_INTERVAL_SECONDS, 0, 86_400) * 1000,
		maxAttempts: Math.round(inRange('Max Attempts', options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 1, 20)),
		requestTimeoutMs: inRange('Request Timeout (Seconds)', options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 600) * 1000,
		requireConsent: context.getNodeParameter('requireConsent', 0, true) === true,
		consentValues: parseConsentValues(options.consentValues ?? ''),
		oncePerNumber: options.oncePerNumber !== false,
		defaultCountryCode: (options.defaultCountryCode ?? '').trim(),
		experiment: (options.experiment ?? '').trim(),
		variants,
	};
}
