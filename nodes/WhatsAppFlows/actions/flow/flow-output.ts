import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { FlowNode } from '../../../shared/flows/flows-api';
import { FlowJsonRejectedError, formatMetaValidationErrors, type MetaFlowValidationError } from '../../../shared/flows/validation-errors';

/** Meta's validation errors as output fields: the raw list and, when there are any, a readable text. */
export function validationFields(errors: readonly MetaFlowValidationError[]): IDataObject {
	return {
		valid: errors.length === 0,
		validationErrors: errors as unknown as IDataObject[],
		...(errors.length > 0 ? { validationErrorsText: formatMetaValidationErrors(errors) } : {}),
	};
}

/** A Flow as an output item, with Meta's nested fields brought up to readable names. */
export function flowItem(flow: FlowNode): IDataObject {
	const item: IDataObject = { id: flow.id };
	if (flow.name !== undefined) item.name = flow.name;
	if (flow.status !== undefined) item.status = flow.status;
	if (flow.categories !== undefined) item.categories = flow.categories;
	if (flow.validation_errors !== undefined) Object.assign(item, validationFields(flow.validation_errors));
	if (flow.preview !== undefined) {
		item.previewUrl = flow.preview.preview_url ?? null;
		item.previewExpiresAt = flow.preview.expires_at ?? null;
	}
	if (flow.health_status !== undefined) {
		item.canSendMessage = flow.health_status.can_send_message ?? null;
		item.healthStatus = flow.health_status as IDataObject;
	}
	if ('json_version' in flow) item.jsonVersion = flow.json_version ?? null;
	if ('data_api_version' in flow) item.dataApiVersion = flow.data_api_version ?? null;
	if ('endpoint_uri' in flow) item.endpointUri = flow.endpoint_uri ?? null;
	if (flow.application !== undefined) item.application = flow.application as IDataObject;
	if (flow.whatsapp_business_account !== undefined) item.whatsappBusinessAccountId = flow.whatsapp_business_account.id ?? null;
	return item;
}

/** Meta's validation errors after an upload: stop the item (the default) or let them through in the output. */
export function enforceMetaValidation(
	context: IExecuteFunctions,
	itemIndex: number,
	flowId: string,
	errors: readonly MetaFlowValidationError[],
): void {
	const fail = context.getNodeParameter('options.failOnValidationErrors', itemIndex, true) as boolean;
	if (fail && errors.length > 0) throw flowJsonRejected(context, itemIndex, new FlowJsonRejectedError(flowId, errors));
}

export function flowJsonRejected(context: IExecuteFunctions, itemIndex: number, error: FlowJsonRejectedError): NodeOperationError {
	return new NodeOperationError(context.getNode(), error.message, { itemIndex, description: error.details });
}
