import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { KeptSecrets } from '../shared/flow-endpoint/kept-secrets';
import { APP_CREDENTIAL, readAppCredential } from '../shared/n8n/app-credential';
import { readCloudApiCredential } from '../shared/n8n/graph-context';
import { WEBHOOK_PATH_FIELD } from '../shared/n8n/webhook-path';
import { rawBodyOf, WEBHOOK_NODE_VERSIONS, type RawBodyRequest } from '../shared/n8n/webhook-raw-body';
import { DEFAULT_OPT_IN_KEYWORDS, DEFAULT_OPT_OUT_KEYWORDS } from '../shared/webhook-events/consent';
import { parseList } from '../shared/webhook-events/filters';
import { answerVerification, checkWebhookPost, webhookEvents, type TextReply, type WebhookPostConfig } from '../shared/webhook-events/webhook-request';
import { testCloudApi, testStateStore } from '../WhatsAppFlows/methods/credentialTest';
import { passOnce } from './dedupe-step';
import { LogThrottle } from './log-throttle';
import { TRIGGER_PROPERTIES, type DedupeMode, type Registration } from './properties';
import { registrationMethods } from './registration';

interface AppSecrets {
	appSecret: string;
	verifyToken: string;
	flowTokenSecret: string;
	/** With an alternate URL for one phone number: that number (the parameter, else the Cloud API credential's). */
	ownPhoneNumberId: string;
}

/**
 * A credential read costs n8n 2.x tens of milliseconds, more than the rest of a webhook: the app's secrets are kept
 * per trigger for 15 s. A signature refusal made with secrets read over 1 s ago is decided again with fresh ones,
 * so a new app secret works from the next request, and a flood of forged requests costs one read a second.
 */
const keptSecrets = new KeptSecrets<AppSecrets>({ ttlMs: 15_000, rereadAfterMs: 1_000 });
/** One warning a minute per trigger and reason; the rest at debug level. */
const warnings = new LogThrottle(60_000);

interface WebhookRequest extends RawBodyRequest {
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, unknown>;
}

interface WebhookResponse {
	status(code: number): WebhookResponse;
	setHeader(name: string, value: string): void;
	end(body?: string): void;
}

function writeText(response: WebhookResponse, reply: TextReply): void {
	response.status(reply.status);
	response.setHeader('content-type', 'text/plain; charset=utf-8');
	response.setHeader('x-content-type-options', 'nosniff');
	response.setHeader('cache-control', 'no-store');
	response.end(reply.body);
}

export class WhatsAppCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Cloud Trigger',
		name: 'whatsAppCloudTrigger',
		icon: { light: 'file:../../icons/whatsapp-flows.svg', dark: 'file:../../icons/whatsapp-flows.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_NODE_VERSIONS,
		subtitle: '={{"/" + $parameter["path"]}}',
		description:
			"Starts the workflow on WhatsApp Cloud API webhooks: verified and signed, one typed item per message, status, completed flow or alert, Meta's redeliveries dropped",
		defaults: { name: 'WhatsApp Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Literal names: the community-nodes lint rule finds credential tests (testedBy) only through them.
		credentials: [
			{ name: 'whatsAppFlowsAppApi', required: true },
			{ name: 'whatsAppFlowsCloudApi', required: true, testedBy: 'testCloudApi', displayOptions: { show: { registration: ['phoneNumber', 'waba'] } } },
			{ name: 'whatsAppFlowsStateApi', required: true, testedBy: 'testStateStore', displayOptions: { show: { dedupe: ['dataTable'] } } },
		],
		webhooks: [
			// Meta's verification request (hub.mode, hub.verify_token, hub.challenge).
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', ...WEBHOOK_PATH_FIELD, isFullPath: true },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', ...WEBHOOK_PATH_FIELD, isFullPath: true },
		],
		properties: TRIGGER_PROPERTIES,
	};

	methods = { credentialTest: { testCloudApi, testStateStore } };

	webhookMethods = { default: registrationMethods };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as WebhookRequest;
		const response = this.getResponseObject() as unknown as WebhookResponse;
		const node = this.getNode();
		const credentialName = node.credentials?.[APP_CREDENTIAL]?.name ?? '';
		const secretsKey = JSON.stringify([this.getWorkflow().id ?? '', node.id, node.name, node.credentials?.[APP_CREDENTIAL]?.id ?? '']);
		const readSecrets = async (): Promise<AppSecrets> => {
			const { appSecret, verifyToken, flowTokenSecret } = await readAppCredential(this);
			return { appSecret, verifyToken, flowTokenSecret, ownPhoneNumberId: await ownPhoneNumberId(this) };
		};

		if (this.getWebhookName() === 'setup') {
			const verification = await keptSecrets.decide(
				secretsKey,
				readSecrets,
				async (secrets) => answerVerification(request.query ?? {}, secrets.verifyToken),
				(decision) => decision.outcome !== 'verified',
				(a, b) => a.verifyToken === b.verifyToken,
			);
			if (verification.outcome === 'no_verify_token_configured' || verification.outcome === 'wrong_verify_token') {
				warnings.warn(this.logger, `${secretsKey}|verify`, `WhatsApp Cloud Trigger "${node.name}" refused Meta's verification request (${verification.outcome}): the Verify Token in credential "${credentialName}" must be the one entered in Meta`);
			}
			writeText(response, verification.reply);
			return { noWebhookResponse: true };
		}

		const rawBody = await rawBodyOf(request);
		const { check, secrets } = await keptSecrets.decide(
			secretsKey,
			readSecrets,
			async (kept) => ({
				check: checkWebhookPost({ rawBody, signatureHeader: request.headers['x-hub-signature-256'] }, kept.appSecret),
				secrets: kept,
			}),
			(candidate) => candidate.check.kind === 'refuse' && candidate.check.reply.status === 401,
			(a, b) => a.appSecret === b.appSecret && a.flowTokenSecret === b.flowTokenSecret && a.ownPhoneNumberId === b.ownPhoneNumberId,
		);

		if (check.kind === 'refuse') {
			warnings.warn(
				this.logger,
				`${secretsKey}|${check.outcome}`,
				`WhatsApp Cloud Trigger "${node.name}" refused a webhook with ${check.reply.status} (${check.reply.body}); no execution started. ` +
					(check.reply.status === 401
						? `Check the App Secret in credential "${credentialName}": it must be the secret of the Meta app that sends these webhooks.`
						: 'The body was signed but is not JSON.'),
			);
			writeText(response, check.reply);
			return { noWebhookResponse: true };
		}

		// Meta wants its answer fast (median ≤ 250 ms, whatsapp/cloud-api/guides/set-up-webhooks): it gets it as soon as
		// the signature verified; reading the events, the dedupe store and the workflow come after.
		writeText(response, { status: 200, body: 'OK' });
		const decision = webhookEvents(check.payload, postConfig(this, secrets));
		if (decision.events.length === 0) return { noWebhookResponse: true };
		const fresh = await passOnce(this, decision.events, {
			mode: this.getNodeParameter('dedupe', 'process') as DedupeMode,
			scope: secretsKey,
			onStoreError: (message) =>
				warnings.warn(this.logger, `${secretsKey}|store|${message.split(':')[0]}`, `WhatsApp Cloud Trigger "${node.name}": the dedupe store failed, so events were passed on without dedupe (a redelivery may run twice): ${message}`),
		});
		if (fresh.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [fresh.map((event) => ({ json: event as unknown as IDataObject }))] };
	}
}

async function ownPhoneNumberId(context: IWebhookFunctions): Promise<string> {
	if ((context.getNodeParameter('registration', 'manual') as Registration) !== 'phoneNumber') return '';
	const parameter = String(context.getNodeParameter('phoneNumberId', '')).trim();
	return parameter || (await readCloudApiCredential(context)).phoneNumberId;
}

/** Keywords are separated by commas only: "OPT OUT" is one keyword. */
function keywordList(text: unknown, fallback: readonly string[]): readonly string[] {
	if (text === undefined) return fallback;
	return String(text)
		.split(',')
		.map((keyword) => keyword.trim())
		.filter((keyword) => keyword !== '');
}

function postConfig(context: IWebhookFunctions, secrets: AppSecrets): Omit<WebhookPostConfig, 'appSecret'> {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const phoneNumberIds = parseList(String(context.getNodeParameter('phoneNumberIds', '')));
	// The number's own alternate URL: only its events belong here.
	if (secrets.ownPhoneNumberId) phoneNumberIds.push(secrets.ownPhoneNumberId);
	return {
		flowTokenSecret: secrets.flowTokenSecret,
		filter: { types: context.getNodeParameter('eventTypes', []) as string[], phoneNumberIds },
		consentKeywords:
			options.detectConsent === false
				? undefined
				: {
						optOut: keywordList(options.optOutKeywords, DEFAULT_OPT_OUT_KEYWORDS),
						optIn: keywordList(options.optInKeywords, DEFAULT_OPT_IN_KEYWORDS),
					},
	};
}
