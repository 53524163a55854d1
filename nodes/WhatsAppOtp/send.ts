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

/** Reads GET /{template-id} once per node run and template (business-management-api/message-templates). */
export function templateReader(context: IExecuteFunctions): (templateId: string) => Promise<TemplateDetails> {
	const cache = new Map<string, Promise<TemplateDetails>>();
	return async (templateId) => {
		let template = cache.get(templateId);
		if (template === undefined) {
			template = graphClientFor(context).then(async ({ client }) => {
				const details = await client.request<TemplateDetails>({ method: 'GET', path: templateId, query: { fields: 'name,language,category,status,components' } });
				checkAuthenticationTemplate(details);
				return details;
			});
			cache.set(templateId, template);
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
	const template = await readTemplate(context.getNodeParameter('template', itemIndex, '', { extractValue: true }) as string);
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
	const template = await readTemplate(context.getNodeParameter('template', itemIndex, '', { extractValue: true }) as string);
	const result = await resendVerification(otp, verificationId, limitsOf(context, itemIndex, template));
	return result.issued ? await deliver(context, template, result) : result.view;
}
