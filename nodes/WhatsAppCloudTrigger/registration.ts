import { NodeOperationError, type IHookFunctions } from 'n8n-workflow';
import { readAppCredential } from '../shared/n8n/app-credential';
import { graphClientFor } from '../shared/n8n/graph-context';
import { toNodeError } from '../shared/n8n/node-errors';
import { describeTarget, readOverride, removeOverride, setOverride, type OverrideTarget } from '../shared/webhook-overrides/webhook-overrides';
import type { Registration } from './properties';

// n8n calls checkExists → create on activation and delete on deactivation, for the production URL, and the same
// three for the /webhook-test/ URL while the editor listens for a test event. Only the production URL is ever
// registered at Meta: a test listener must not take a phone number's webhooks away from the active workflow (and
// would leave them pointing at a dead URL when the listener stops), so test registrations change nothing.

function isTestRegistration(context: IHookFunctions): boolean {
	return context.getMode() === 'manual' || (context.getNodeWebhookUrl('default') ?? '').includes('/webhook-test/');
}

function registrationOf(context: IHookFunctions): Registration {
	return context.getNodeParameter('registration', 'manual') as Registration;
}

async function overrideSetup(context: IHookFunctions) {
	const { client, credential } = await graphClientFor(context);
	const registration = registrationOf(context);
	let target: OverrideTarget;
	if (registration === 'phoneNumber') {
		const phoneNumberId = String(context.getNodeParameter('phoneNumberId', '')).trim() || credential.phoneNumberId;
		if (!phoneNumberId) throw new NodeOperationError(context.getNode(), 'Set the Phone Number ID (or one in the WhatsApp Cloud API credential)');
		target = { level: 'phoneNumber', phoneNumberId };
	} else {
		if (!credential.wabaId) throw new NodeOperationError(context.getNode(), 'Set the WhatsApp Business Account ID in the WhatsApp Cloud API credential');
		target = { level: 'waba', wabaId: credential.wabaId, appId: (await readAppCredential(context)).appId };
	}
	const url = context.getNodeWebhookUrl('default') ?? '';
	return { client, target, url };
}

async function withNodeErrors<T>(context: IHookFunctions, run: () => Promise<T>): Promise<T> {
	try {
		return await run();
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
}

export const registrationMethods = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (registrationOf(this) === 'manual' || isTestRegistration(this)) return true;
		return await withNodeErrors(this, async () => {
			const { client, target, url } = await overrideSetup(this);
			return (await readOverride(client, target)) === url;
		});
	},

	async create(this: IHookFunctions): Promise<boolean> {
		if (registrationOf(this) === 'manual' || isTestRegistration(this)) return true;
		const { verifyToken } = await readAppCredential(this);
		if (!verifyToken) {
			throw new NodeOperationError(this.getNode(), 'Set a Verify Token in the WhatsApp Meta App credential', {
				description: 'Meta checks an alternate callback URL with a verification request that must carry this token.',
			});
		}
		return await withNodeErrors(this, async () => {
			const { client, target, url } = await overrideSetup(this);
			await setOverride(client, target, url, verifyToken);
			this.logger.info(`WhatsApp Cloud Trigger: ${url} is now the alternate callback URL of ${describeTarget(target)}`);
			return true;
		});
	},

	async delete(this: IHookFunctions): Promise<boolean> {
		if (registrationOf(this) === 'manual' || isTestRegistration(this)) return true;
		try {
			const { client, target, url } = await overrideSetup(this);
			if (await removeOverride(client, target, url)) {
				this.logger.info(`WhatsApp Cloud Trigger: removed ${url} as the alternate callback URL of ${describeTarget(target)}`);
			}
			return true;
		} catch (error) {
			// Deactivation goes on: an alternate URL left behind only points at a URL that now answers 404.
			this.logger.warn(`WhatsApp Cloud Trigger: could not remove the alternate callback URL: ${(error as Error).message}`);
			return false;
		}
	},
};
