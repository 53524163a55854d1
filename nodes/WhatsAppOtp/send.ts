import type { IExecuteFunctions } from 'n8n-workflow';
import { messageRequestBody } from '../shared/messages/envelope';
import { normalizeWaId } from '../shared/messages/recipient';
import { graphClientFor } from '../shared/n8n/graph-context';
import { toNodeError } from '../shared/n8n/node-errors';
import {
	authenticationTemplateContent,
	checkAuthenticationTemplate,
	codeValidityMs,
	discardVerification,
	OTP_DEFAULTS,
	OtpTemplateError,
	resendVerification,
	startVerification,
	type IssueResult,
	type OtpContext,
	type SendLimits,
	type TemplateDetails,
	type VerificationView,
} from '../shared/otp';

interface LimitsParameter {
	maxAttempts?: number;
	maxSends?: number;
	cooldownSeconds?: number;
	perNumberPerHour?: number;
}

const TEMPLATE_FIELDS = 'name,language,category,status,components';

/** The template picked by id (GET /{template-id}) or by name (GET /{waba-id}/message_templates?name=; its first approved language). */
async function fetchTemplate(context: IExecuteFunctions, locator: TemplateLocatorValue): Promise<TemplateDetails> {
	const { client, credential } = await graphClientFor(context);
	const value = String(locator.value ?? '').trim();
	if (locator.mode !== 'name') return await client.request<TemplateDetails>({ method: 'GET', path: value, query: { fields: TEMPLATE_FIELDS } });
	const page = await client.request<{ data?: TemplateDetails[] }>({ method: 'GET', path: `${credential.wabaId}/message_templates`, query: { name: value, fields: TEMPLATE_FIELDS } });
	const found = (page.data ?? []).find((t) => t.name === value && String(t.status).toUpperCase() === 'APPROVED');
	if (!found) throw new OtpTemplateError(`No approved template named "${value}" in the WhatsApp Business Account`);
	return found;
}

interface TemplateLocatorValue {
	mode?: string;
	value?: unknown;
}

/** Reads each picked template once per node run (business-management-api/message-templates) and checks it can carry a code. */
export function templateReader(context: IExecuteFunctions): (itemIndex: number) => Promise<TemplateDetails> {
	const cache = new Map<string, Promise<TemplateDetails>>();
	return async (itemIndex) => {
		const locator = context.getNodeParameter('template', itemIndex) as TemplateLocatorValue;
		const cacheKey = `${locator.mode ?? ''}:${String(locator.value ?? '')}`;
		let template = cache.get(cacheKey);
		if (template === undefined) {
			template = fetchTemplate(context, locator).then((details) => {
				checkAuthenticationTemplate(details);
				return details;
			});
			cache.set(cacheKey, template);
		}
		return await template;
	};
}

function limitsOf(context: IExecuteFunctions, itemIndex: number, template: TemplateDetails): SendLimits {
	const limits = context.getNodeParameter('limits', itemIndex, {}) as LimitsParameter;
	return {
		codeLength: context.getNodeParameter('codeLength', itemIndex, OTP_DEFAULTS.codeLength) as number,
		validityMs: codeValidityMs(context.getNodeParameter('validitySeconds', itemIndex, OTP_DEFAULTS.validityMinutes * 60) as number, template),
		maxAttempts: limits.maxAttempts ?? OTP_DEFAULTS.maxAttempts,
		maxSends: limits.maxSends ?? OTP_DEFAULTS.maxSends,
		cooldownMs: (limits.cooldownSeconds ?? OTP_DEFAULTS.cooldownSeconds) * 1000,
		perNumberPerHour: limits.perNumberPerHour ?? OTP_DEFAULTS.perNumberPerHour,
	};
}

/** Sends the issued code with the template; the code goes to Meta only, never to the node's output. */
async function deliver(context: IExecuteFunctions, template: TemplateDetails, issued: Extract<IssueResult, { issued: true }>): Promise<VerificationView & { message_id: string | null }> {
	const { client, credential } = await graphClientFor(context);
	const body = messageRequestBody(issued.view.to ?? '', authenticationTemplateContent(template, issued.code));
	const answer = await client.request<{ messages?: Array<{ id?: string }> }>({
		method: 'POST',
		path: `${credential.phoneNumberId}/messages`,
		body: { kind: 'json', value: body },
		kind: 'send',
	});
	return { ...issued.view, message_id: answer.messages?.[0]?.id ?? null };
}

export async function sendCode(context: IExecuteFunctions, otp: OtpContext, itemIndex: number, readTemplate: ReturnType<typeof templateReader>): Promise<VerificationView> {
	const waId = normalizeWaId(context.getNodeParameter('to', itemIndex));
	const template = await readTemplate(itemIndex);
	const result = await startVerification(otp, waId, limitsOf(context, itemIndex, template));
	if (!result.issued) return result.view;
	try {
		return await deliver(context, template, result);
	} catch (error) {
		await discardVerification(otp, result.view.verification_id);
		throw toNodeError(context.getNode(), error, itemIndex);
	}
}

export async function resendCode(context: IExecuteFunctions, otp: OtpContext, itemIndex: number, readTemplate: ReturnType<typeof templateReader>): Promise<VerificationView> {
	const verificationId = String(context.getNodeParameter('verificationId', itemIndex)).trim();
	const template = await readTemplate(itemIndex);
	const result = await resendVerification(otp, verificationId, limitsOf(context, itemIndex, template));
	return result.issued ? await deliver(context, template, result) : result.view;
}
