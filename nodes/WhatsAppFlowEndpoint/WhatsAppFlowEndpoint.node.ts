import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { getFlowPrivateKey } from '../shared/crypto/private-key';
import {
	DEFAULT_INVALID_FLOW_TOKEN_MESSAGE,
	handleFlowEndpointRequest,
	type FlowEndpointConfig,
	type FlowEndpointReply,
} from '../shared/flow-endpoint/request-handler';
import { processAesKeyHandoff } from '../shared/flow-endpoint/aes-key-handoff';
import { KeptSecrets } from '../shared/flow-endpoint/kept-secrets';
import { activateFlowEndpoint, hasActivationWork } from '../shared/n8n/flow-endpoint-activation';
import { responseCacheLookup } from '../shared/n8n/flow-response-cache';
import { STATE_CREDENTIAL, STATE_STORE_OPTIONS } from '../shared/n8n/state-store';
import { APP_CREDENTIAL, readAppCredential } from '../shared/n8n/app-credential';
import { WEBHOOK_PATH_FIELD } from '../shared/n8n/webhook-path';
import { rawBodyOf, WEBHOOK_NODE_VERSIONS, type RawBodyRequest } from '../shared/n8n/webhook-raw-body';
import { testCloudApi, testPrivateKey } from '../WhatsAppFlows/methods/credentialTest';

const PRIVATE_KEY_CREDENTIAL = 'whatsAppFlowsPrivateKeyApi';

interface EndpointSecrets {
	appSecret: string;
	flowTokenSecret: string;
	privateKeyPem: string;
	passphrase: string;
}

/**
 * Each credential read costs n8n 2.x tens of milliseconds (a fresh expression isolate per read), more than all the
 * rest of a request. So the secrets are kept per workflow node for 15 s; a refusal made with secrets read over 1 s
 * ago is decided again with freshly read ones (a rotated key or app secret is used from the next request on), and a
 * flood of forged requests costs at most one read a second. A replaced key or secret keeps working for up to 15 s.
 */
const keptSecrets = new KeptSecrets<EndpointSecrets>({ ttlMs: 15_000, rereadAfterMs: 1_000 });

/** What this node reads from n8n's request. */
interface EndpointRequest extends RawBodyRequest {
	headers: Record<string, string | string[] | undefined>;
}

/** What this node writes to n8n's response (an Express response). */
interface EndpointResponse {
	status(code: number): EndpointResponse;
	setHeader(name: string, value: string): void;
	end(body?: string): void;
}

function writeReply(response: EndpointResponse, reply: FlowEndpointReply): void {
	response.status(reply.status);
	response.setHeader('content-type', reply.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
	response.setHeader('cache-control', 'no-store');
	response.end(reply.body);
}

export class WhatsAppFlowEndpoint implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Flow Endpoint',
		name: 'whatsAppFlowEndpoint',
		icon: { light: 'file:../../icons/whatsapp-flows.svg', dark: 'file:../../icons/whatsapp-flows.dark.svg' },
		group: ['trigger'],
		...WEBHOOK_NODE_VERSIONS,
		subtitle: '={{"POST /" + $parameter["path"]}}',
		description:
			'The endpoint of a WhatsApp Flow: checks the signature, decrypts the request, answers health checks itself and starts the workflow for INIT, BACK and data_exchange',
		defaults: { name: 'WhatsApp Flow Endpoint' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'whatsAppFlowsAppApi', required: true },
			{ name: PRIVATE_KEY_CREDENTIAL, required: true, testedBy: 'testPrivateKey' },
			{ name: STATE_CREDENTIAL, required: true, displayOptions: { show: { cacheResponses: [true], cacheStore: ['dataTable'] } } },
			{ name: 'whatsAppFlowsCloudApi', required: true, testedBy: 'testCloudApi', displayOptions: { show: { setEndpointOnActivation: [true] } } },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// The workflow answers through the "Respond to WhatsApp Flow" node, which encrypts the answer.
				responseMode: 'responseNode',
				...WEBHOOK_PATH_FIELD,
				isFullPath: true,
			},
		],
		properties: [
			{
				displayName:
					'Answer each request with a "Respond to WhatsApp Flow" node (it encrypts the answer). Health checks and error notifications are answered here without running the workflow. Set the production URL as the flow\'s endpoint_uri.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: 'whatsapp-flow',
				required: true,
				description: 'The last part of the endpoint URL (your n8n URL, then /webhook/ and this path)',
			},
			{
				displayName: 'Set Flow Endpoint on Activation',
				name: 'setEndpointOnActivation',
				type: 'boolean',
				default: false,
				description:
					'Whether to set the flow\'s endpoint_uri to this production URL when the workflow is activated, and check that the phone number\'s Flow public key belongs to this private key and is VALID. A published flow is never changed (that would make it a draft again).',
			},
			{
				displayName: 'Flow ID',
				name: 'flowId',
				type: 'string',
				default: '',
				required: true,
				placeholder: '1234567890123456',
				description: 'The flow this endpoint serves (WhatsApp Manager → Flows)',
				displayOptions: { show: { setEndpointOnActivation: [true] } },
			},
			{
				displayName: 'If the Endpoint or Key Is Wrong',
				name: 'onEndpointProblem',
				type: 'options',
				options: [
					{
						name: 'Report an Activation Error',
						value: 'fail',
						description: 'The workflow shows the error in the editor (n8n 1.x also leaves it inactive)',
					},
					{ name: 'Log a Warning', value: 'warn', description: 'Activate anyway; the warning is in n8n\'s log' },
				],
				default: 'fail',
				displayOptions: { show: { setEndpointOnActivation: [true] } },
			},
			{
				displayName: 'Cache Responses',
				name: 'cacheResponses',
				type: 'boolean',
				default: false,
				description:
					'Whether to answer requests that every user gets the same answer to (e.g. the INIT screen with today\'s departments) from a cache, without running the workflow. The respond node fills the cache; completions and answers containing the flow token are never cached.',
			},
			{
				displayName: 'Cache Rules',
				name: 'cacheRules',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add cache rule',
				default: { rules: [{ action: 'INIT', screen: '', keyFields: '', ttlSeconds: 300 }] },
				displayOptions: { show: { cacheResponses: [true] } },
				description: 'Which requests are answered from the cache; the first rule that matches applies',
				options: [
					{
						displayName: 'Rule',
						name: 'rules',
						values: [
							{
								displayName: 'Action',
								name: 'action',
								type: 'options',
								options: [
									{ name: 'INIT (Flow Opened)', value: 'INIT' },
									{ name: 'BACK (Back Button)', value: 'BACK' },
									{ name: 'Data_exchange (Footer Pressed)', value: 'data_exchange' },
								],
								default: 'INIT',
							},
							{
								displayName: 'Screen',
								name: 'screen',
								type: 'string',
								default: '',
								placeholder: 'Any screen',
								description: 'The screen the request comes from (INIT requests have none); empty matches any',
							},
							{
								displayName: 'Key Data Fields',
								name: 'keyFields',
								type: 'string',
								default: '',
								placeholder: 'department, date',
								description:
									'Comma-separated fields of the request\'s data the answer depends on: requests with equal values share an answer. Never name a field that identifies the user.',
							},
							{
								displayName: 'Keep For (Seconds)',
								name: 'ttlSeconds',
								type: 'number',
								typeOptions: { minValue: 1, maxValue: 86400 },
								default: 300,
							},
						],
					},
				],
			},
			{
				displayName: 'Cache Store',
				name: 'cacheStore',
				type: 'options',
				options: STATE_STORE_OPTIONS,
				default: 'process',
				displayOptions: { show: { cacheResponses: [true] } },
				description: 'Where cached answers are kept. In queue mode choose the data table: the respond node runs on a worker. Set the respond node to the same store.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Expected Flow ID',
						name: 'expectedFlowId',
						type: 'string',
						default: '',
						description: 'With "Require Signed Flow Token": the token must have been issued for this flow',
					},
					{
						displayName: 'Message for Refused Requests',
						name: 'refusalMessage',
						type: 'string',
						default: DEFAULT_INVALID_FLOW_TOKEN_MESSAGE,
						description: 'Shown to the user by WhatsApp when the flow token is refused (HTTP 427, error_msg)',
					},
					{
						displayName: 'Pass Error Notifications to Workflow',
						name: 'passErrorNotifications',
						type: 'boolean',
						default: false,
						description:
							'Whether to also run the workflow for error notifications (data.error). They are acknowledged by this node either way; a respond node does nothing for them.',
					},
					{
						displayName: 'Require Flow Token Signature',
						name: 'requireFlowTokenSignature',
						type: 'boolean',
						default: false,
						description:
							'Whether to refuse (HTTP 427) requests without flow_token_signature, which WhatsApp sends for Flow JSON 7.3+ with data_api_version 4.0. A signature that is present is always verified.',
					},
					{
						displayName: 'Require Signed Flow Token',
						name: 'requireSignedFlowToken',
						type: 'boolean',
						default: false,
						description:
							'Whether to refuse (HTTP 427) requests whose flow_token is not a valid, unexpired token made by "WhatsApp Flows → Flow Token → Create" with this app credential',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { testCloudApi, testPrivateKey },
	};

	// With "Set Flow Endpoint on Activation" the flow's endpoint_uri is set here; nothing is removed on deactivation
	// (the flow keeps pointing at this URL, which answers 404 while the workflow is inactive).
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return !hasActivationWork(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await activateFlowEndpoint(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as EndpointRequest;
		const response = this.getResponseObject() as unknown as EndpointResponse;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const cacheLookup = responseCacheLookup(this);
		const config = (secrets: EndpointSecrets): FlowEndpointConfig => ({
			appSecret: secrets.appSecret,
			flowTokenSecret: secrets.flowTokenSecret,
			privateKey: () => getFlowPrivateKey(secrets.privateKeyPem, secrets.passphrase || undefined),
			requireSignedFlowToken: options.requireSignedFlowToken === true,
			expectedFlowId: typeof options.expectedFlowId === 'string' ? options.expectedFlowId : undefined,
			requireFlowTokenSignature: options.requireFlowTokenSignature === true,
			invalidFlowTokenMessage: typeof options.refusalMessage === 'string' ? options.refusalMessage : undefined,
			passErrorNotifications: options.passErrorNotifications === true,
			...(cacheLookup === undefined ? {} : { responseCache: cacheLookup }),
		});
		const httpRequest = { rawBody: await rawBodyOf(request), signatureHeader: request.headers['x-hub-signature-256'] };

		const decision = await keptSecrets.decide(
			secretsKey(this),
			async () => await readSecrets(this),
			async (secrets) => await handleFlowEndpointRequest(httpRequest, config(secrets)),
			(candidate) => candidate.kind === 'reply' && candidate.reply.status !== 200,
			sameSecrets,
		);

		if (decision.kind === 'reply') {
			const log = { node: this.getNode().name, status: decision.reply.status, outcome: decision.outcome, detail: decision.detail ?? '' };
			if (decision.outcome === 'configuration_error' || decision.outcome === 'private_key_unusable') {
				this.logger.warn(`WhatsApp Flow Endpoint: ${decision.detail ?? decision.outcome}`, log);
			} else if (decision.outcome !== 'ping') {
				this.logger.debug('WhatsApp Flow Endpoint refused or acknowledged a request without running the workflow', log);
			}
			writeReply(response, decision.reply);
			return { noWebhookResponse: true };
		}

		const requestContext = decision.item.whatsAppFlowRequest;
		if (decision.requestKey !== undefined && 'encryptedAesKey' in requestContext) {
			processAesKeyHandoff.put(requestContext.encryptedAesKey, decision.requestKey.aesKey, decision.requestKey.privateKey);
		}
		const workflowData = [[{ json: decision.item as unknown as IDataObject }]];
		if (decision.reply !== undefined) {
			// An error notification passed on to the workflow: acknowledged now, the workflow cannot answer it.
			writeReply(response, decision.reply);
			return { noWebhookResponse: true, workflowData };
		}
		return { workflowData };
	}
}

function secretsKey(context: IWebhookFunctions): string {
	const node = context.getNode();
	const ids = [APP_CREDENTIAL, PRIVATE_KEY_CREDENTIAL].map((type) => node.credentials?.[type]?.id ?? '');
	return JSON.stringify([context.getWorkflow().id ?? '', node.id, node.name, ...ids]);
}

async function readSecrets(context: IWebhookFunctions): Promise<EndpointSecrets> {
	const app = await readAppCredential(context);
	const key = await context.getCredentials(PRIVATE_KEY_CREDENTIAL);
	return {
		appSecret: app.appSecret,
		flowTokenSecret: app.flowTokenSecret,
		privateKeyPem: String(key.privateKey ?? ''),
		passphrase: String(key.passphrase ?? ''),
	};
}

function sameSecrets(a: EndpointSecrets, b: EndpointSecrets): boolean {
	return a.appSecret === b.appSecret && a.flowTokenSecret === b.flowTokenSecret && a.privateKeyPem === b.privateKeyPem && a.passphrase === b.passphrase;
}
