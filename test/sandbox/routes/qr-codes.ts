// /{phone-number-id}/message_qrdls (business-management-api/qr-codes; graph-api/reference/
// whats-app-business-account-to-number-current-status/message_qrdls; Postman "QR codes"):
//   POST   {prefilled_message, generate_qr_image?: SVG|PNG} → {code, prefilled_message, deep_link_url, qr_image_url?}
//   POST   {code, prefilled_message} → updates the message: {code, prefilled_message, deep_link_url}
//   GET    [?code=][&fields=code,prefilled_message,deep_link_url,qr_image_url.format(SVG|PNG)] → {data: [...]}
//   GET    /message_qrdls/{code}[?fields=] → {data: [one]}
//   DELETE /message_qrdls/{code} → {success: true}
import { canUsePhoneNumber } from '../auth';
import { invalidParameterWithDetails, nonexistingField, parameterNotOneOf, parameterTooLong, parameterWrongType, permissionDenied, requiredParameter } from '../errors';
import { parseFieldsParam } from '../fields';
import { deepLinkUrl, type QrCodeRecord, type QrImageFormat } from '../qr-codes';
import type { SandboxState } from '../state';
import type { GraphContext, GraphRoute, NodeOfKind } from './types';

/**
 * The prefilled message's limit: 140 characters (WhatsApp Manager's QR code form, Meta Business Help Center
 * "Manage your WhatsApp QR codes"; the API refuses longer ones).
 */
export const PREFILLED_MESSAGE_MAX = 140;
const FORMATS: readonly QrImageFormat[] = ['SVG', 'PNG'];
const FIELDS = ['code', 'prefilled_message', 'deep_link_url', 'qr_image_url'];
const SOURCE = 'business-management-api/qr-codes; graph-api/reference/whats-app-business-account-to-number-current-status/message_qrdls';

type PhoneContext = GraphContext<NodeOfKind<'phoneNumber'>>;

function checkAccess(ctx: PhoneContext): void {
	if (!canUsePhoneNumber(ctx.principal, ctx.node.id)) throw permissionDenied();
}

function prefilledMessage(value: unknown): string {
	if (value === undefined || value === '') throw requiredParameter('prefilled_message');
	if (typeof value !== 'string') throw parameterWrongType('prefilled_message', 'string');
	if ([...value].length > PREFILLED_MESSAGE_MAX) throw parameterTooLong('prefilled_message', PREFILLED_MESSAGE_MAX);
	return value;
}

function imageFormat(value: unknown, name: string): QrImageFormat {
	const format = String(value).toUpperCase();
	if (!FORMATS.includes(format as QrImageFormat)) throw parameterNotOneOf(name, FORMATS, String(value));
	return format as QrImageFormat;
}

function findCode(ctx: PhoneContext, code: string): QrCodeRecord {
	const record = ctx.state.qrCodes.get(ctx.node.id, code);
	if (!record) throw invalidParameterWithDetails(`QR code ${code} does not exist on phone number ${ctx.node.id}`);
	return record;
}

async function imageUrl(state: SandboxState, record: QrCodeRecord, format: QrImageFormat): Promise<string> {
	const token = await state.qrCodes.image(record, format);
	return `${state.baseUrl}/__cdn/qr/${record.code}/${token}.${format.toLowerCase()}`;
}

/** `fields=…,qr_image_url.format(SVG)`: the requested fields, and the image format when the image is asked for. */
function requestedFields(value: unknown): { fields: string[]; format?: QrImageFormat } {
	const fields = parseFieldsParam(value) ?? ['code', 'prefilled_message', 'deep_link_url'];
	for (const field of fields) if (!FIELDS.includes(field)) throw nonexistingField(field, 'WhatsAppBusinessMessageQRDL');
	if (!fields.includes('qr_image_url')) return { fields };
	const format = /qr_image_url\.format\(\s*([A-Za-z]+)\s*\)/.exec(String(value))?.[1];
	// The reference: "When requested, must designate the image format you want returned."
	if (format === undefined) throw requiredParameter('qr_image_url.format');
	return { fields, format: imageFormat(format, 'format') };
}

async function view(ctx: PhoneContext, record: QrCodeRecord, fields: string[], format?: QrImageFormat): Promise<Record<string, unknown>> {
	const all: Record<string, unknown> = { code: record.code, prefilled_message: record.prefilledMessage, deep_link_url: deepLinkUrl(record.code) };
	if (format) all.qr_image_url = await imageUrl(ctx.state, record, format);
	return Object.fromEntries(fields.map((f) => [f, all[f]]));
}

export const createOrUpdateQrCode: GraphRoute<'phoneNumber'> = {
	method: 'POST',
	node: 'phoneNumber',
	edge: 'message_qrdls',
	source: `${SOURCE}; Postman "Create QR code", "Update Message QR Code."`,
	async handle(ctx) {
		checkAccess(ctx);
		const message = prefilledMessage(ctx.params.prefilled_message);
		if (ctx.params.code !== undefined && ctx.params.code !== '') {
			const record = findCode(ctx, String(ctx.params.code));
			record.prefilledMessage = message;
			return { status: 200, body: { code: record.code, prefilled_message: message, deep_link_url: deepLinkUrl(record.code) } };
		}
		const format = ctx.params.generate_qr_image === undefined ? undefined : imageFormat(ctx.params.generate_qr_image, 'generate_qr_image');
		const record = ctx.state.qrCodes.create(ctx.node.id, message);
		const body: Record<string, unknown> = { code: record.code, prefilled_message: message, deep_link_url: deepLinkUrl(record.code) };
		if (format) body.qr_image_url = await imageUrl(ctx.state, record, format);
		return { status: 200, body };
	},
};

export const listQrCodes: GraphRoute<'phoneNumber'> = {
	method: 'GET',
	node: 'phoneNumber',
	edge: 'message_qrdls',
	source: `${SOURCE}; Postman "Get all QR codes …", "Get QR code SVG/PNG image URL"`,
	async handle(ctx) {
		checkAccess(ctx);
		const { fields, format } = requestedFields(ctx.params.fields);
		const code = ctx.params.code === undefined ? undefined : String(ctx.params.code);
		const records = ctx.state.qrCodes.list(ctx.node.id).filter((r) => code === undefined || r.code === code);
		return { status: 200, body: { data: await Promise.all(records.map((r) => view(ctx, r, fields, format))) } };
	},
};

export const getQrCode: GraphRoute<'phoneNumber'> = {
	method: 'GET',
	node: 'phoneNumber',
	edge: 'message_qrdls',
	edgeItem: true,
	source: `${SOURCE}; Postman "Get QR code"`,
	async handle(ctx) {
		checkAccess(ctx);
		const record = findCode(ctx, ctx.edgeItemId ?? '');
		const { fields, format } = requestedFields(ctx.params.fields);
		return { status: 200, body: { data: [await view(ctx, record, fields, format)] } };
	},
};

export const deleteQrCode: GraphRoute<'phoneNumber'> = {
	method: 'DELETE',
	node: 'phoneNumber',
	edge: 'message_qrdls',
	edgeItem: true,
	source: `${SOURCE}; Postman "Delete QR code"`,
	handle(ctx) {
		checkAccess(ctx);
		const record = findCode(ctx, ctx.edgeItemId ?? '');
		ctx.state.qrCodes.delete(record.code);
		return { status: 200, body: { success: true } };
	},
};
