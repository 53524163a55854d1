/**
 * What each Meta error code means for an n8n user: a plain cause, what to do, and whether
 * an automatic retry can help.
 *
 * retry:
 * - 'backoff'    Meta did not accept the call and asks to try later: retry with backoff, sends included.
 * - 'never'      repeating the same call fails again (or would be wrong): stop and tell the user.
 * - 'reads-only' the code alone does not say whether Meta acted: retry only calls that cannot
 *                create anything twice (reads and idempotent writes), never a send.
 */
export type RetryRule = 'backoff' | 'never' | 'reads-only';

export interface MetaErrorEntry {
	title: string;
	cause: string;
	fix: string;
	retry: RetryRule;
	/** Meta's documentation page, under developers.facebook.com/docs/. */
	doc: string;
}

export interface DescribedMetaError extends MetaErrorEntry {
	/** False for the generic entry given to a code this catalogue does not list. */
	known: boolean;
}

const GRAPH = 'graph-api/guides/error-handling';
const CLOUD = 'whatsapp/cloud-api/support/error-codes';
const THROUGHPUT = 'whatsapp/throughput';
const FLOW_HEALTH = 'whatsapp/flows/guides/healthmonitoring';
const FLOWS_API = 'whatsapp/flows/reference/flowsapi';
const FLOW_METRICS = 'whatsapp/flows/reference/metrics_api';
const REGISTRATION = 'whatsapp/cloud-api/reference/registration';

const NEW_TOKEN =
	'Create a new access token (a System User token does not expire) and update the WhatsApp credential in n8n.';
const CHECK_PERMISSIONS =
	"Paste the token into Meta's Access Token Debugger: it needs whatsapp_business_messaging and whatsapp_business_management for this WhatsApp Business Account.";

/** Keys are `code` or `code/subcode`. */
export const META_ERROR_CATALOGUE: Readonly<Record<string, MetaErrorEntry>> = {
	// Graph API codes shared by every Meta API. Meta: graph-api/guides/error-handling, whatsapp/cloud-api/support/error-codes
	'0': {
		title: 'Authentication failed',
		cause: 'Meta could not authenticate the access token: it expired, was invalidated, or its user blocked app access.',
		fix: NEW_TOKEN,
		retry: 'never',
		doc: CLOUD,
	},
	'1': {
		title: 'Unknown API error',
		cause: 'Meta could not process the request, either because it is malformed or because of a server error at Meta.',
		fix: "Check the WhatsApp Business Platform status page; if Meta is up, compare the request with the endpoint's reference.",
		retry: 'reads-only',
		doc: CLOUD,
	},
	'2': {
		title: 'Temporary API service error',
		cause: "Meta's service was temporarily down or overloaded.",
		fix: 'Run the workflow again later (the node already retried with backoff); check the WhatsApp Business Platform status page.',
		retry: 'backoff',
		doc: CLOUD,
	},
	'3': {
		title: 'Capability or permission missing',
		cause: 'The app lacks a capability or permission this endpoint needs.',
		fix: CHECK_PERMISSIONS,
		retry: 'never',
		doc: CLOUD,
	},
	'4': {
		title: 'Too many API calls',
		cause: 'The app reached its Graph API call rate limit.',
		fix: "Make fewer calls per minute (smaller batches or a Wait node); the App Dashboard shows the app's rate limit.",
		retry: 'backoff',
		doc: CLOUD,
	},
	'10': {
		title: 'Permission denied',
		cause: 'The access token lacks a permission this call needs, or the permission was removed.',
		fix: `${CHECK_PERMISSIONS} For Flows with an endpoint, also check that the phone number is eligible.`,
		retry: 'never',
		doc: CLOUD,
	},
	'100': {
		title: 'Invalid parameter',
		cause: 'The request has a parameter Meta does not support, misspelled, or with an invalid value.',
		fix: 'Read the details for the parameter Meta rejected and correct that field in the node.',
		retry: 'never',
		doc: CLOUD,
	},
	'100/33': {
		title: 'Object does not exist',
		cause: 'The ID in the request (phone number, account, Flow, template or media) does not exist, or this token cannot see it.',
		fix: "Check the ID in the credential or the node's fields, and that the token's System User has access to that WhatsApp Business Account.",
		retry: 'never',
		doc: GRAPH,
	},
	'190': {
		title: 'Invalid access token',
		cause: 'The access token is invalid or has expired.',
		fix: NEW_TOKEN,
		retry: 'never',
		doc: CLOUD,
	},
	'190/460': {
		title: 'Access token invalidated by a password change',
		cause: 'The person who created the token changed their Facebook password or logged out, which invalidated the token.',
		fix: `${NEW_TOKEN} A System User token does not depend on a personal password.`,
		retry: 'never',
		doc: GRAPH,
	},
	'190/463': {
		title: 'Access token expired',
		cause: 'The access token has expired.',
		fix: NEW_TOKEN,
		retry: 'never',
		doc: GRAPH,
	},
	'200': {
		title: 'API permission missing',
		cause: 'The access token lacks a permission this call needs, or the permission was removed.',
		fix: CHECK_PERMISSIONS,
		retry: 'never',
		doc: CLOUD,
	},
	'368': {
		title: 'Temporarily blocked for policy violations',
		cause: 'The WhatsApp Business Account was restricted or disabled for violating a platform policy.',
		fix: 'Open WhatsApp Manager > Account quality to see the violation, then appeal or wait for the restriction to end.',
		retry: 'never',
		doc: CLOUD,
	},

	// Throttling. Meta: whatsapp/cloud-api/support/error-codes, whatsapp/throughput
	'80007': {
		title: 'WhatsApp Business Account rate limit',
		cause: 'The WhatsApp Business Account reached its API rate limit.',
		fix: 'Make fewer calls per minute for this account (smaller batches or a Wait node); the node already retried with backoff.',
		retry: 'backoff',
		doc: CLOUD,
	},
	'130429': {
		title: 'Throughput limit reached',
		cause: 'This phone number sent more messages per second than its throughput allows (80 per second by default).',
		fix: 'Send more slowly (smaller batches or a Wait node); the node already retried with backoff.',
		retry: 'backoff',
		doc: THROUGHPUT,
	},
	'131056': {
		title: 'Pair rate limit hit',
		cause: 'Too many messages went to the same recipient in a short time (about one every 6 seconds is allowed).',
		fix: 'Space out messages to this recipient; the node already waited 4, 16 and 64 seconds as Meta asks.',
		retry: 'backoff',
		doc: THROUGHPUT,
	},
	'131048': {
		title: 'Spam rate limit hit',
		cause: 'Meta limits how many messages this number may send because many earlier ones were blocked or flagged as spam.',
		fix: "Check the number's quality rating in WhatsApp Manager and message only people who expect it; retrying now will not help.",
		retry: 'never',
		doc: CLOUD,
	},

	// Messages. Meta: whatsapp/cloud-api/support/error-codes
	'131000': {
		title: 'Something went wrong',
		cause: 'Meta failed to process the request for an unspecified reason.',
		fix: 'Run the workflow again later; if it keeps failing, contact Meta support with the fbtrace_id.',
		retry: 'reads-only',
		doc: CLOUD,
	},
	'131005': {
		title: 'Access denied',
		cause: 'Permission for this call is not granted or was removed.',
		fix: CHECK_PERMISSIONS,
		retry: 'never',
		doc: CLOUD,
	},
	'131008': {
		title: 'Required parameter missing',
		cause: 'The request lacks a parameter Meta requires.',
		fix: 'Read the details for the missing parameter and fill in that field in the node.',
		retry: 'never',
		doc: CLOUD,
	},
	'131009': {
		title: 'Parameter value not valid',
		cause: 'A parameter has an invalid value, or the phone number ID does not belong to this account.',
		fix: 'Read the details for the rejected value; check the phone number ID in the credential.',
		retry: 'never',
		doc: CLOUD,
	},
	'131016': {
		title: 'Service unavailable',
		cause: 'A Meta service is temporarily unavailable.',
		fix: 'Run the workflow again later (the node already retried with backoff); check the WhatsApp Business Platform status page.',
		retry: 'backoff',
		doc: CLOUD,
	},
	'131021': {
		title: 'Recipient is the sender',
		cause: 'The message was addressed to the business phone number that sends it.',
		fix: 'Send to a customer number, not to the business number in the credential.',
		retry: 'never',
		doc: CLOUD,
	},
	'131026': {
		title: 'Message undeliverable',
		cause: 'Meta could not deliver the message: the number may not use WhatsApp, may not have accepted the latest terms, or may run an old app version.',
		fix: 'Check the number (international format, on WhatsApp) before sending again; do not resend automatically.',
		retry: 'never',
		doc: CLOUD,
	},
	'131031': {
		title: 'Business account locked',
		cause: 'The business account was locked, for example after a policy violation or a failed two-step PIN check.',
		fix: 'See WhatsApp Manager > Account quality and contact Meta support to unlock the account.',
		retry: 'never',
		doc: CLOUD,
	},
	'131042': {
		title: 'Business payment issue',
		cause: 'The account has a payment problem: no valid payment method, a credit line over its limit, or a suspended account.',
		fix: 'Fix the payment method in Meta Business Suite > Billing, then run again.',
		retry: 'never',
		doc: CLOUD,
	},
	'131047': {
		title: 'Re-engagement message',
		cause: 'More than 24 hours have passed since the recipient last replied, so only a template message may be sent.',
		fix: 'Send an approved template message instead, and send free-form messages only after the user replies.',
		retry: 'never',
		doc: CLOUD,
	},
	'131049': {
		title: 'Meta chose not to deliver',
		cause: 'Meta held the message back to keep engagement healthy, usually a per-user limit on marketing templates.',
		fix: 'Do not resend right away; try again after increasingly long waits (hours, not seconds).',
		retry: 'never',
		doc: CLOUD,
	},
	'131050': {
		title: 'User stopped marketing messages',
		cause: 'The recipient chose to stop receiving marketing messages from this business.',
		fix: 'Do not send marketing templates to this user; remove them from marketing lists.',
		retry: 'never',
		doc: CLOUD,
	},
	'131051': {
		title: 'Unsupported message type',
		cause: 'Meta does not support this message type.',
		fix: 'Use a supported message type (text, template, interactive, media, location, contacts, reaction).',
		retry: 'never',
		doc: CLOUD,
	},
	'131052': {
		title: 'Media download error',
		cause: 'Meta could not download the media the user sent.',
		fix: 'Read the details for the reason; ask the user to send the media again.',
		retry: 'never',
		doc: CLOUD,
	},
	'131053': {
		title: 'Media upload error',
		cause: 'Meta could not upload the media in the message: its type is unsupported or its link cannot be fetched.',
		fix: "Check the file's type and size against Meta's supported media, and that its URL is public.",
		retry: 'never',
		doc: CLOUD,
	},
	'131057': {
		title: 'Account in maintenance mode',
		cause: 'The business account is in maintenance mode, for example during a throughput upgrade.',
		fix: 'Run the workflow again in a few minutes.',
		retry: 'backoff',
		doc: CLOUD,
	},

	// Templates and Flow messages. Meta: whatsapp/cloud-api/support/error-codes, whatsapp/flows/guides/healthmonitoring
	'132000': {
		title: 'Template parameter count mismatch',
		cause: "The number of variable values does not match the template's variables.",
		fix: 'Give exactly one value for each {{n}} variable in each component of the template.',
		retry: 'never',
		doc: CLOUD,
	},
	'132001': {
		title: 'Template does not exist',
		cause: 'No approved template has this name in this language.',
		fix: 'Check the template name and language code (e.g. en_US) in WhatsApp Manager, and that it is approved.',
		retry: 'never',
		doc: CLOUD,
	},
	'132005': {
		title: 'Template text too long',
		cause: 'The template text is too long once the variable values are filled in.',
		fix: 'Shorten the variable values.',
		retry: 'never',
		doc: CLOUD,
	},
	'132007': {
		title: 'Template content policy violated',
		cause: 'The template content, with its variable values, violates a WhatsApp policy.',
		fix: "Change the variable values or the template to follow WhatsApp's Business and Commerce policies.",
		retry: 'never',
		doc: CLOUD,
	},
	'132012': {
		title: 'Template parameter format mismatch',
		cause: 'A variable value does not have the format the template expects.',
		fix: "Give each parameter the template's type (text, currency, date_time, image, document, video) in the right place.",
		retry: 'never',
		doc: CLOUD,
	},
	'132015': {
		title: 'Template paused',
		cause: 'The template was paused because of low quality (poor recipient feedback).',
		fix: 'Edit the template or use another one; WhatsApp Manager shows its quality.',
		retry: 'never',
		doc: CLOUD,
	},
	'132016': {
		title: 'Template disabled',
		cause: 'The template was disabled after being paused repeatedly for low quality.',
		fix: 'Create a new template with different content.',
		retry: 'never',
		doc: CLOUD,
	},
	'132068': {
		title: 'Flow is blocked',
		cause: "The Flow is BLOCKED because its endpoint was unhealthy (errors, latency or availability).",
		fix: "Fix the Flow endpoint, then check the Flow's health in WhatsApp Manager before sending it again.",
		retry: 'never',
		doc: FLOW_HEALTH,
	},
	'132069': {
		title: 'Flow is throttled',
		cause: 'The Flow is THROTTLED (about 10 messages per hour) because its endpoint was unhealthy.',
		fix: "Fix the Flow endpoint's error rate and latency; sending is limited until the Flow recovers.",
		retry: 'never',
		doc: FLOW_HEALTH,
	},

	// Phone number registration. Meta: whatsapp/cloud-api/support/error-codes, whatsapp/cloud-api/reference/registration
	'133004': {
		title: 'Server temporarily unavailable',
		cause: "Meta's server is temporarily unavailable.",
		fix: 'Run the workflow again later; the details may say how long to wait.',
		retry: 'backoff',
		doc: CLOUD,
	},
	'133005': {
		title: 'Two-step verification PIN mismatch',
		cause: 'The 6-digit two-step verification PIN does not match the one set for this number.',
		fix: 'Use the right PIN, or reset it in WhatsApp Manager (phone number settings > two-step verification).',
		retry: 'never',
		doc: CLOUD,
	},
	'133010': {
		title: 'Phone number not registered',
		cause: 'The business phone number is not registered with the Cloud API.',
		fix: 'Register the number first (register with a 6-digit PIN), then run again.',
		retry: 'never',
		doc: REGISTRATION,
	},
	'133016': {
		title: 'Registration rate limit exceeded',
		cause: 'This number had too many register or deregister attempts (10 per 72 hours).',
		fix: 'Wait until the 72-hour window allows another attempt; retrying now fails again.',
		retry: 'never',
		doc: REGISTRATION,
	},

	// Flows API. Meta: whatsapp/flows/reference/flowsapi, whatsapp/flows/reference/metrics_api
	'139001': {
		title: "Flow can't be updated",
		cause: 'Meta refused the Flow JSON or metadata update: the Flow is deprecated (frozen for good) or, under the older rule, published.',
		fix: 'Get the Flow to see its status; create a new Flow (clone it with "Clone From Flow ID") and send that one instead.',
		retry: 'never',
		doc: FLOWS_API,
	},
	'139002': {
		title: 'Publishing failed',
		cause: "The Flow did not pass Meta's publishing checks; the title in the details names the one that failed (validation errors, version, endpoint URI, connected app, public key, webhook subscription or the endpoint health check).",
		fix: 'Fix what the details name (Get the Flow shows validation errors and health), then publish again.',
		retry: 'never',
		doc: FLOWS_API,
	},
	'139003': {
		title: 'Invalid Flow status',
		cause: "The Flow's status does not allow this action (for example, only a PUBLISHED Flow can be deprecated).",
		fix: 'Get the Flow to see its status: publish only drafts, deprecate only published Flows.',
		retry: 'never',
		doc: FLOWS_API,
	},
	'139004': {
		title: 'Flow is not a draft',
		cause: 'Only a DRAFT Flow can be deleted.',
		fix: 'Deprecate the published Flow instead of deleting it.',
		retry: 'never',
		doc: FLOWS_API,
	},
	'139006': {
		title: 'Flow metrics not available',
		cause: "The Flow's endpoint has served too few requests (under 250) for Meta to compute this metric.",
		fix: 'Ask again once the endpoint has served more requests, or choose a longer period.',
		retry: 'never',
		doc: FLOW_METRICS,
	},
};

/** The entry for a code (and subcode), falling back to the code, its family, then a generic entry naming the code. */
export function describeMetaError(code: number, subcode?: number): DescribedMetaError {
	const exact = subcode !== undefined ? META_ERROR_CATALOGUE[`${code}/${subcode}`] : undefined;
	const entry = exact ?? META_ERROR_CATALOGUE[String(code)] ?? familyEntry(code);
	if (entry) return { ...entry, known: true };
	return {
		title: 'Unknown Meta error',
		cause: `Meta answered with error code ${code}, which this node does not know.`,
		fix: `Read Meta's message and details; look up code ${code} in Meta's error code reference, and quote the fbtrace_id to Meta support.`,
		retry: 'never',
		doc: CLOUD,
		known: false,
	};
}

function familyEntry(code: number): MetaErrorEntry | undefined {
	// Meta: whatsapp/cloud-api/support/error-codes — "200-299 API Permission".
	if (code >= 200 && code <= 299) return META_ERROR_CATALOGUE['200'];
	// Every 132xxx is a template or Flow-message problem: the same message fails again.
	if (code >= 132000 && code <= 132999) {
		return {
			title: 'Template or Flow message error',
			cause: `Meta rejected the template or Flow message with code ${code}.`,
			fix: "Read Meta's details, then correct the template, its parameters or the Flow before sending again.",
			retry: 'never',
			doc: CLOUD,
		};
	}
	return undefined;
}

/** For answers without a Meta error code (an HTML page from a proxy, an empty body). */
export function describeHttpStatus(status: number): MetaErrorEntry {
	if (status === 429) {
		return {
			title: 'Too many requests',
			cause: 'Meta (or a proxy in front of it) refused the call because too many were made.',
			fix: 'Make fewer calls per minute; the node already retried with backoff.',
			retry: 'backoff',
			doc: GRAPH,
		};
	}
	if (status >= 500) {
		return {
			title: 'Meta server error',
			cause: `Meta's servers answered HTTP ${status} instead of a result.`,
			fix: 'Run the workflow again later; check the WhatsApp Business Platform status page.',
			retry: 'backoff',
			doc: GRAPH,
		};
	}
	if (status === 401 || status === 403) {
		return {
			title: status === 401 ? 'Unauthorized' : 'Forbidden',
			cause: `Meta refused the call with HTTP ${status}: the access token is missing, invalid or lacks a permission.`,
			fix: `${NEW_TOKEN} ${CHECK_PERMISSIONS}`,
			retry: 'never',
			doc: GRAPH,
		};
	}
	if (status === 404) {
		return {
			title: 'Not found',
			cause: 'Nothing answers at this URL.',
			fix: 'Check the base URL and Graph API version in the credential, and the IDs in the node.',
			retry: 'never',
			doc: GRAPH,
		};
	}
	return {
		title: 'Request rejected',
		cause: `Meta refused the call with HTTP ${status} without an error code.`,
		fix: 'Check the request against the endpoint reference.',
		retry: 'never',
		doc: GRAPH,
	};
}
