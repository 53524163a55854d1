// Deploy: create the Flow named N, or update the one that exists, so that it holds the given Flow JSON; optionally
// publish it. Flow names are unique within a WABA (Meta: whatsapp/flows/reference/flowsapi, error 100 "Flow name is
// not unique"), so the name identifies the Flow. The JSON is uploaded only when it differs from the current asset
// (GET /{flow-id}/assets → download_url), compared after parsing, so a re-run with the same file changes nothing —
// in particular it does not return a published Flow to DRAFT (flows/guides/lifecycle: editing a published Flow
// makes it a draft again).
import type { GraphClient } from '../graph/graph-client';
import type { FlowCategory } from './categories';
import { sameFlowJson } from './flow-json-text';
import {
	createFlow,
	findFlowByName,
	flowJsonDownloadUrl,
	getFlow,
	publishFlow,
	updateFlowMetadata,
	uploadFlowJson,
	type FlowMetadata,
	type FlowNode,
	type FlowStatus,
} from './flows-api';
import { FlowJsonRejectedError, type MetaFlowValidationError } from './validation-errors';

export interface DeployInput {
	name: string;
	flowJson: string;
	categories: FlowCategory[];
	endpointUri?: string;
	publish: boolean;
}

export interface DeployDeps {
	client: GraphClient;
	wabaId: string;
	/** Reads the current asset's download_url (a signed link: no access token needed). */
	downloadText(url: string): Promise<string>;
}

export interface DeployResult {
	flowId: string;
	name: string;
	/** What happened to the Flow itself. */
	action: 'created' | 'updated' | 'unchanged';
	jsonUploaded: boolean;
	/** Why the JSON was not uploaded, or why it was even though it may be the same. */
	jsonNote: string;
	metadataUpdated: Array<keyof FlowMetadata>;
	/** Whether this run published the Flow. */
	published: boolean;
	status: FlowStatus | undefined;
	validationErrors: MetaFlowValidationError[];
	previewUrl: string | undefined;
	jsonVersion: string | undefined;
}

/** The Flow cannot take the deployment (a DEPRECATED Flow is frozen for good). */
export class FlowDeployError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FlowDeployError';
	}
}

const DETAIL_FIELDS = ['id', 'name', 'status', 'categories', 'endpoint_uri', 'validation_errors'];
const RESULT_FIELDS = ['id', 'name', 'status', 'validation_errors', 'preview', 'json_version'];

function sameSet(a: readonly string[] | undefined, b: readonly string[]): boolean {
	const left = new Set(a ?? []);
	return left.size === new Set(b).size && b.every((item) => left.has(item));
}

function metadataChanges(current: FlowNode, input: DeployInput): FlowMetadata {
	const changes: FlowMetadata = {};
	if (!sameSet(current.categories, input.categories)) changes.categories = input.categories;
	if (input.endpointUri && input.endpointUri !== current.endpoint_uri) changes.endpointUri = input.endpointUri;
	return changes;
}

async function currentJson(deps: DeployDeps, flowId: string): Promise<{ text?: string; note: string }> {
	const url = await flowJsonDownloadUrl(deps.client, flowId);
	if (url === undefined) return { note: 'the Flow had no Flow JSON yet' };
	try {
		return { text: await deps.downloadText(url), note: '' };
	} catch (error) {
		return { note: `the current Flow JSON could not be read (${error instanceof Error ? error.message : String(error)}), so it was uploaded` };
	}
}

async function updateExisting(deps: DeployDeps, existing: FlowNode, input: DeployInput) {
	const current = await getFlow(deps.client, existing.id, { fields: DETAIL_FIELDS });
	if (current.status === 'DEPRECATED') {
		throw new FlowDeployError(
			`Flow "${input.name}" (${existing.id}) is DEPRECATED and can no longer be changed; deploy under a new name ` +
				'(a deprecated Flow keeps its name).',
		);
	}
	const changes = metadataChanges(current, input);
	const metadataUpdated = Object.keys(changes) as Array<keyof FlowMetadata>;
	if (metadataUpdated.length > 0) await updateFlowMetadata(deps.client, existing.id, changes);

	const asset = await currentJson(deps, existing.id);
	if (asset.text !== undefined && sameFlowJson(asset.text, input.flowJson)) {
		return {
			metadataUpdated,
			jsonUploaded: false,
			jsonNote: 'unchanged: the Flow already holds this Flow JSON',
			validationErrors: current.validation_errors ?? [],
		};
	}
	const uploaded = await uploadFlowJson(deps.client, existing.id, input.flowJson);
	return {
		metadataUpdated,
		jsonUploaded: true,
		jsonNote: asset.note || 'changed: uploaded',
		validationErrors: uploaded.validationErrors,
	};
}

export async function deployFlow(deps: DeployDeps, input: DeployInput): Promise<DeployResult> {
	const existing = await findFlowByName(deps.client, deps.wabaId, input.name);
	let flowId: string;
	let outcome: Pick<DeployResult, 'metadataUpdated' | 'jsonUploaded' | 'jsonNote' | 'validationErrors'>;
	if (existing === undefined) {
		const created = await createFlow(deps.client, deps.wabaId, {
			name: input.name,
			categories: input.categories,
			flowJson: input.flowJson,
			...(input.endpointUri ? { endpointUri: input.endpointUri } : {}),
		});
		flowId = created.id;
		outcome = { metadataUpdated: [], jsonUploaded: true, jsonNote: 'new Flow', validationErrors: created.validationErrors };
	} else {
		flowId = existing.id;
		outcome = await updateExisting(deps, existing, input);
	}

	let published = false;
	if (input.publish) {
		if (outcome.validationErrors.length > 0) throw new FlowJsonRejectedError(flowId, outcome.validationErrors);
		const { status } = await getFlow(deps.client, flowId, { fields: ['status'] });
		if (status === 'DRAFT') {
			await publishFlow(deps.client, flowId);
			published = true;
		}
	}

	const final = await getFlow(deps.client, flowId, { fields: RESULT_FIELDS });
	const changed = outcome.jsonUploaded || outcome.metadataUpdated.length > 0 || published;
	return {
		flowId,
		name: input.name,
		action: existing === undefined ? 'created' : changed ? 'updated' : 'unchanged',
		...outcome,
		published,
		status: final.status,
		validationErrors: final.validation_errors ?? outcome.validationErrors,
		previewUrl: final.preview?.preview_url,
		jsonVersion: final.json_version,
	};
}
