import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { encryptFlowResponseForIv, encryptFlowResponseWithWrappedKey, FlowDecryptionError } from '../shared/crypto/flow-crypto';
import { FlowPrivateKeyError, getFlowPrivateKey } from '../shared/crypto/private-key';
import {
	checkCustomResponse,
	completeResponse,
	DEFAULT_FIELD_ERRORS_KEY,
	fieldErrorsResponse,
	FlowResponseShapeError,
	nextScreenResponse,
	parseJsonParameter,
	readEncryptionContext,
} from '../shared/flow-endpoint/flow-response';
import { processAesKeyHandoff } from '../shared/flow-endpoint/aes-key-handoff';
import type { FlowRequestEncryptionContext } from '../shared/flow-endpoint/request-handler';
import { TtlCache } from '../shared/flow-endpoint/ttl-cache';
import { fillResponseCache } from '../shared/n8n/flow-response-cache';
import { STATE_CREDENTIAL, STATE_STORE_OPTIONS, type StateStoreKind } from '../shared/n8n/state-store';
import { testPrivateKey } from '../WhatsAppFlows/methods/credentialTest';

const TRIGGER_TYPE = 'n8n-nodes-whatsapp-flows.whatsAppFlowEndpoint';
const PRIVATE_KEY_CREDENTIAL = 'whatsAppFlowsPrivateKeyApi';

type RespondWith = 'nextScreen' | 'fieldErrors' | 'complete' | 'json';

interface TriggerOutput {
	name: string;
	json: IDataObject;
}

/** The `$("Node")` accessor of n8n's data proxy, as far as this node uses it. */
interface NodeDataAccessor {
	isExecuted?: boolean;
	first(branchIndex?: number): INodeExecutionData | undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The trigger's OWN output in this execution's run data (not this node's input, which a Set or Merge node may
 * have stripped): the WhatsApp Flow Endpoint among this node's ancestors that ran. Run data travels with the
 * execution, so this works on a queue-mode worker too.
 */
function findTriggerOutput(context: IExecuteFunctions): TriggerOutput | undefined {
	const triggers = context
		.getParentNodes(context.getNode().name)
		.filter((parent) => parent.type === TRIGGER_TYPE && parent.disabled !== true);
	const proxy = context.getWorkflowDataProxy(0);
	for (const trigger of triggers) {
		try {
			const accessor = proxy.$(trigger.name) as NodeDataAccessor;
			if (accessor.isExecuted === false) continue;
			const first = accessor.first(0);
			if (first !== undefined && isPlainObject(first.json)) return { name: trigger.name, json: first.json };
		} catch {
			// not executed in this run (another trigger of the workflow started it)
		}
	}
	return undefined;
}

function fieldErrorPairs(value: unknown): Record<string, string> {
	const entries = isPlainObject(value) && Array.isArray(value.errors) ? value.errors : [];
	const result: Record<string, string> = {};
	for (const entry of entries) {
		if (!isPlainObject(entry)) continue;
		result[String(entry.field ?? '').trim()] = String(entry.message ?? '');
	}
	return result;
}

export class RespondToWhatsAppFlow implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Respond to WhatsApp Flow',
		name: 'respondToWhatsAppFlow',
		icon: { light: 'file:../../icons/whatsapp-flows.svg', dark: 'file:../../icons/whatsapp-flows.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["respondWith"]}}',
		description: 'Answers the request a WhatsApp Flow Endpoint trigger received: next screen, field errors or completion, encrypted',
		defaults: { name: 'Respond to WhatsApp Flow' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: PRIVATE_KEY_CREDENTIAL, required: true, testedBy: 'testPrivateKey' },
			{ name: STATE_CREDENTIAL, required: true, displayOptions: { show: { cacheStore: ['dataTable'] } } },
		],
		properties: [
			{
				displayName:
					'Answers the request of the "WhatsApp Flow Endpoint" trigger that started this execution, once (with the first item). Use the same private key credential as the trigger.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Respond With',
				name: 'respondWith',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Next Screen', value: 'nextScreen', description: 'Show a screen of the flow with data' },
					{
						name: 'Errors on Current Screen',
						value: 'fieldErrors',
						description: 'Show the screen again with an error message and per-field errors',
					},
					{
						name: 'Complete the Flow',
						value: 'complete',
						description: 'Close the flow (SUCCESS); the params and the flow token come back in the completion webhook',
					},
					{ name: 'Custom JSON', value: 'json', description: 'Write the whole answer yourself' },
				],
				default: 'nextScreen',
			},
			{
				displayName: 'Screen',
				name: 'screen',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'DETAILS',
				description: 'The ID of the screen to show, as in the Flow JSON (letters and underscores)',
				displayOptions: { show: { respondWith: ['nextScreen'] } },
			},
			{
				displayName: 'Screen Data (JSON)',
				name: 'screenData',
				type: 'json',
				default: '{}',
				description: 'The data the screen binds with ${data.…}',
				displayOptions: { show: { respondWith: ['nextScreen'] } },
			},
			{
				displayName: 'Screen',
				name: 'errorScreen',
				type: 'string',
				default: '',
				placeholder: 'Leave empty for the screen of the request',
				description: 'The screen that shows the errors; empty means the screen the user is on',
				displayOptions: { show: { respondWith: ['fieldErrors'] } },
			},
			{
				displayName: 'Error Message',
				name: 'errorMessage',
				type: 'string',
				default: '',
				description: 'The general message (data.error_message)',
				displayOptions: { show: { respondWith: ['fieldErrors'] } },
			},
			{
				displayName: 'Field Errors',
				name: 'fieldErrors',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add field error',
				default: {},
				description:
					'Per-field messages, sent as data.error_messages {field: message}; bind them in the Flow JSON, e.g. a Form\'s "error-messages": "${data.error_messages}"',
				displayOptions: { show: { respondWith: ['fieldErrors'] } },
				options: [
					{
						displayName: 'Error',
						name: 'errors',
						values: [
							{ displayName: 'Field', name: 'field', type: 'string', default: '', description: 'The component\'s name in the form' },
							{ displayName: 'Message', name: 'message', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Additional Screen Data (JSON)',
				name: 'errorData',
				type: 'json',
				default: '{}',
				description: 'More data for the screen, e.g. the values to show again',
				displayOptions: { show: { respondWith: ['fieldErrors'] } },
			},
			{
				displayName: 'Params (JSON)',
				name: 'params',
				type: 'json',
				default: '{}',
				description:
					'Returned in the completion webhook (nfm_reply response_json) with the request\'s flow_token, which is added for you',
				displayOptions: { show: { respondWith: ['complete'] } },
			},
			{
				displayName: 'Response (JSON)',
				name: 'responseJson',
				type: 'json',
				default: '{\n  "screen": "",\n  "data": {}\n}',
				description: 'The whole answer, e.g. {"screen": "…", "data": {…}}; it is checked, then encrypted',
				displayOptions: { show: { respondWith: ['json'] } },
			},
			{
				displayName: 'Response Cache Store',
				name: 'cacheStore',
				type: 'options',
				noDataExpression: true,
				options: STATE_STORE_OPTIONS,
				default: 'process',
				description:
					'Used only when the trigger\'s "Cache Responses" is on: where this node stores a shareable answer for the next users. Choose the same store as the trigger.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { respondWith: ['fieldErrors'] } },
				options: [
					{
						displayName: 'Field Errors Data Key',
						name: 'fieldErrorsKey',
						type: 'string',
						default: DEFAULT_FIELD_ERRORS_KEY,
						description: 'The data key the field errors are sent under',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: { testPrivateKey },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const respondWith = this.getNodeParameter('respondWith', 0) as RespondWith;
		let summary: IDataObject;
		try {
			summary = await respond.call(this, respondWith);
		} catch (error) {
			const nodeError =
				error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error instanceof Error ? error.message : String(error), { itemIndex: 0 });
			if (!this.continueOnFail()) throw nodeError;
			summary = { sent: false, error: nodeError.message };
		}
		return [
			items.map((item, index) => ({
				...item,
				json: { ...item.json, respondedWith: summary },
				pairedItem: { item: index },
			})),
		];
	}
}

async function respond(this: IExecuteFunctions, respondWith: RespondWith): Promise<IDataObject> {
	const trigger = findTriggerOutput(this);
	if (trigger === undefined) {
		throw new NodeOperationError(this.getNode(), 'No WhatsApp Flow Endpoint trigger ran before this node in this execution', {
			description: 'This node answers the request a "WhatsApp Flow Endpoint" trigger received; connect it (directly or through other nodes) after that trigger.',
			itemIndex: 0,
		});
	}
	const encryption = readEncryptionContext(trigger.json.whatsAppFlowRequest);
	if (encryption === undefined) {
		throw new NodeOperationError(this.getNode(), `The output of "${trigger.name}" has no whatsAppFlowRequest to answer`, { itemIndex: 0 });
	}
	if ('answeredByTrigger' in encryption) {
		return { sent: false, reason: 'The trigger already acknowledged this error notification' };
	}

	const answer = buildAnswer.call(this, respondWith, trigger.json);
	let body: string;
	try {
		body = await encryptAnswer(this, answer, encryption);
	} catch (error) {
		if (error instanceof FlowPrivateKeyError) {
			throw new NodeOperationError(this.getNode(), `The private key credential cannot be used: ${error.message}`, { itemIndex: 0 });
		}
		if (error instanceof FlowDecryptionError) {
			throw new NodeOperationError(this.getNode(), 'The answer could not be encrypted for this request', {
				description: `Use the same private key credential as "${trigger.name}".`,
				itemIndex: 0,
			});
		}
		throw new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), { itemIndex: 0 });
	}
	await this.sendResponse({ body, headers: { 'content-type': 'text/plain; charset=utf-8' }, statusCode: 200 });
	const screen = typeof answer.screen === 'string' ? answer.screen : null;
	const data = isPlainObject(answer.data) ? answer.data : {};
	const summary: IDataObject = { sent: true, mode: respondWith, screen, dataKeys: Object.keys(data) };
	if (encryption.responseCache !== undefined) {
		const ownStore = this.getNodeParameter('cacheStore', 0, 'process') as StateStoreKind;
		summary.cache = await fillResponseCache(this, encryption.responseCache, answer, trigger.json.flow_token, ownStore);
	}
	return summary;
}

interface KeyMaterial {
	pem: string;
	passphrase: string;
}

/**
 * A credential read costs n8n 2.x tens of milliseconds, so the key is kept per node for a few seconds; when the kept
 * key cannot unwrap the request's AES key, the credential is read again (it may have been rotated) and tried once more.
 */
const keyCache = new TtlCache<KeyMaterial>(15_000, 64);

async function readKeyMaterial(context: IExecuteFunctions): Promise<KeyMaterial> {
	const credential = await context.getCredentials(PRIVATE_KEY_CREDENTIAL);
	return { pem: String(credential.privateKey ?? ''), passphrase: String(credential.passphrase ?? '') };
}

async function encryptAnswer(context: IExecuteFunctions, answer: Record<string, unknown>, encryption: FlowRequestEncryptionContext): Promise<string> {
	const node = context.getNode();
	const cacheKey = JSON.stringify([context.getWorkflow().id ?? '', node.id, node.name, node.credentials?.[PRIVATE_KEY_CREDENTIAL]?.id ?? '']);
	const encrypt = (material: KeyMaterial) => {
		const privateKey = getFlowPrivateKey(material.pem, material.passphrase || undefined);
		// In the trigger's process (regular mode) it handed over the AES key; otherwise it is unwrapped again.
		const aesKey = processAesKeyHandoff.take(encryption.encryptedAesKey, privateKey);
		return aesKey !== undefined
			? encryptFlowResponseForIv(answer, aesKey, encryption.initialVector)
			: encryptFlowResponseWithWrappedKey(answer, encryption.encryptedAesKey, encryption.initialVector, privateKey);
	};
	const kept = keyCache.get(cacheKey);
	if (kept !== undefined) {
		try {
			return encrypt(kept);
		} catch {
			// read the credential again below
		}
	}
	const fresh = await readKeyMaterial(context);
	keyCache.set(cacheKey, fresh);
	return encrypt(fresh);
}

function buildAnswer(this: IExecuteFunctions, respondWith: RespondWith, request: IDataObject): Record<string, unknown> {
	try {
		switch (respondWith) {
			case 'nextScreen':
				return nextScreenResponse(
					this.getNodeParameter('screen', 0),
					parseJsonParameter(this.getNodeParameter('screenData', 0, '{}'), 'Screen Data'),
				);
			case 'fieldErrors': {
				const screen = String(this.getNodeParameter('errorScreen', 0, '') ?? '').trim() || request.screen;
				const options = this.getNodeParameter('options', 0, {}) as IDataObject;
				return fieldErrorsResponse({
					screen,
					errorMessage: String(this.getNodeParameter('errorMessage', 0, '') ?? ''),
					fieldErrors: fieldErrorPairs(this.getNodeParameter('fieldErrors', 0, {})),
					fieldErrorsKey: typeof options.fieldErrorsKey === 'string' ? options.fieldErrorsKey : undefined,
					data: parseJsonParameter(this.getNodeParameter('errorData', 0, '{}'), 'Additional Screen Data'),
				});
			}
			case 'complete':
				return completeResponse(request.flow_token, parseJsonParameter(this.getNodeParameter('params', 0, '{}'), 'Params'));
			case 'json':
				return checkCustomResponse(parseJsonParameter(this.getNodeParameter('responseJson', 0), 'Response'));
			default:
				throw new FlowResponseShapeError(`Unknown answer type "${String(respondWith)}"`);
		}
	} catch (error) {
		// A NodeOperationError passes through unchanged; a shape error becomes one with its message.
		throw new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), { itemIndex: 0 });
	}
}
