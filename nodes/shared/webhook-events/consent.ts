import type { WebhookEvent } from './types';

// Opt-out and opt-in keywords. WhatsApp leaves consent to the business (whatsapp/overview/policy-enforcement, the
// Business Messaging Policy: "respect all requests … to block, discontinue, or otherwise opt out"), and Meta itself
// reports only one case: error 131050 "user stopped marketing messages" on a failed marketing template
// (whatsapp/cloud-api/support/error-codes). A message counts as a keyword only when it is the keyword and nothing
// else (case, accents and punctuation aside), so "please don't stop" never unsubscribes anyone.

/** STOP, UNSUBSCRIBE and their Turkish, Spanish, Portuguese and German equivalents. */
export const DEFAULT_OPT_OUT_KEYWORDS: readonly string[] = [
	'STOP',
	'STOPALL',
	'UNSUBSCRIBE',
	'OPT OUT',
	'OPTOUT',
	// Turkish ("RET" is the opt-out word of Turkey's commercial message register, İYS)
	'RET',
	'DUR',
	'ABONELİKTEN ÇIK',
	// Spanish
	'BAJA',
	'DARME DE BAJA',
	'PARAR',
	'DETENER',
	// Portuguese
	'SAIR',
	'PARE',
	'DESCADASTRAR',
	// German
	'STOPP',
	'ABMELDEN',
	'ABBESTELLEN',
];

export const DEFAULT_OPT_IN_KEYWORDS: readonly string[] = [
	'START',
	'UNSTOP',
	'SUBSCRIBE',
	'BAŞLA', // Turkish
	'ALTA', // Spanish ("dar de alta")
	'INSCREVER', // Portuguese
	'ANMELDEN', // German
];

/** The code Meta reports when a person stopped this business's marketing messages. */
export const STOPPED_MARKETING_CODE = 131050;

/** Longer messages are never a keyword: skips normalising chat text. */
const MAX_KEYWORD_MESSAGE_LENGTH = 64;

/** Upper case without accents or punctuation: "İptal!" → "IPTAL", "Başla" → "BASLA", "opt-out" → "OPT OUT". */
export function normaliseKeyword(text: string): string {
	return text
		.replace(/ı/g, 'i')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toUpperCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export interface ConsentKeywords {
	optOut: readonly string[];
	optIn: readonly string[];
}

export interface KeywordMatcher {
	match(text: string): { action: 'opt_out' | 'opt_in'; keyword: string } | undefined;
}

export function keywordMatcher(keywords: ConsentKeywords): KeywordMatcher {
	const table = new Map<string, { action: 'opt_out' | 'opt_in'; keyword: string }>();
	// Opt-in first, so a word in both lists counts as opt-out (the safe reading).
	for (const keyword of keywords.optIn) if (normaliseKeyword(keyword)) table.set(normaliseKeyword(keyword), { action: 'opt_in', keyword });
	for (const keyword of keywords.optOut) if (normaliseKeyword(keyword)) table.set(normaliseKeyword(keyword), { action: 'opt_out', keyword });
	return {
		match(text) {
			if (text.length > MAX_KEYWORD_MESSAGE_LENGTH) return undefined;
			return table.get(normaliseKeyword(text));
		},
	};
}

/** A keyword text or a 131050 failed status becomes a consent event (keeping its key, payload and details). */
export function asConsentEvent(event: WebhookEvent, matcher: KeywordMatcher): WebhookEvent {
	if (event.type === 'message.text' && event.message?.text !== undefined) {
		const hit = matcher.match(event.message.text);
		if (hit) {
			return {
				...event,
				type: `consent.${hit.action}`,
				sourceType: event.type,
				consent: { action: hit.action, source: 'keyword', scope: 'all', keyword: hit.keyword },
			};
		}
	}
	if (event.type === 'status.failed' && event.status?.errors?.some((e) => e.code === STOPPED_MARKETING_CODE)) {
		return {
			...event,
			type: 'consent.opt_out',
			sourceType: event.type,
			consent: { action: 'opt_out', source: 'meta_131050', scope: 'marketing' },
		};
	}
	return event;
}
