import { createHash, randomBytes } from 'node:crypto';
import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID } from '../sandbox/seed';
import { instance, loadE2eEnv, profilesAmong, type E2eProfile } from './harness/e2e-env';
import type { CredentialRef } from './support/credentials';
import { deployWebhookWorkflow, uniquePath, webhookChain } from './support/workflows';
import { base64ToFile, credentialWhenReady, deployOperation, postForFile, respondWithFile, whatsAppFlowsNode } from './whatsapp-flows-support';

/** Templates and media through the WhatsApp Flows node in real n8n, against the sandbox. Queue mode runs a core subset. */
describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Templates and media in real n8n (%s)', (profile: E2eProfile) => {
	const n8n = () => instance(profile);
	const sandboxUrl = () => loadE2eEnv().sandboxUrl;
	const full = profile === 'regular';
	const fullIt = full ? it : it.skip;
	const unique = (prefix: string) => `${prefix}_${profile}_${Date.now().toString(36)}`;
	let credential: CredentialRef;

	async function graph<T>(method: string, path: string): Promise<T> {
		const response = await fetch(`${sandboxUrl()}/v25.0/${path}`, { method, headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` } });
		return (await response.json()) as T;
	}

	beforeAll(async () => {
		credential = await credentialWhenReady(n8n(), sandboxUrl());
	});

	describe('Template', () => {
		it('creates a template with a text header, body samples, a quick reply and a FLOW button, then reads it by id and deletes it', async () => {
			const flows = await graph<{ data: Array<{ id: string; name: string }> }>('GET', `${SANDBOX_WABA_ID}/flows`);
			const flowId = flows.data.find((f) => f.name === 'sandbox_signup')?.id;
			const create = await deployOperation(n8n(), credential, {
				resource: 'template',
				operation: 'create',
				name: '={{ $json.body.name }}',
				language: 'en_US',
				category: 'MARKETING',
				headerFormat: 'TEXT',
				headerText: 'Hello {{1}}',
				headerExample: 'Ada',
				bodyText: 'Join our club, {{1}}: {{2}} points are waiting.',
				bodyExamples: { sample: [{ variable: '1', value: 'Ada' }, { variable: '2', value: '100' }] },
				footer: 'Reply STOP to opt out',
				buttons: {
					button: [
						{ type: 'FLOW', text: 'Sign up', flowId: '={{ $json.body.flowId }}', flowAction: 'navigate', navigateScreen: 'SIGN_UP' },
						{ type: 'QUICK_REPLY', text: 'Not now' },
					],
				},
			});
			const name = unique('club_invite');
			const [created] = await create.json<{ id: string; status: string; category: string; name: string; warnings: string[] }>({ name, flowId });
			expect(created).toMatchObject({ status: 'PENDING', category: 'MARKETING', name, warnings: [] });
			expect(created.id).toMatch(/^\d+$/);

			const get = await deployOperation(n8n(), credential, { resource: 'template', operation: 'get', template: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' } });
			const [read] = await get.json<{ name: string; components: Array<{ type: string; buttons?: unknown[] }> }>({ id: created.id });
			expect(read.name).toBe(name);
			expect(read.components.find((c) => c.type === 'BUTTONS')?.buttons).toEqual([
				{ type: 'FLOW', text: 'Sign up', flow_id: flowId, flow_action: 'navigate', navigate_screen: 'SIGN_UP' },
				{ type: 'QUICK_REPLY', text: 'Not now' },
			]);

			const remove = await deployOperation(n8n(), credential, { resource: 'template', operation: 'delete', deleteBy: 'name', templateName: '={{ $json.body.name }}' });
			expect(await remove.json({ name })).toEqual([{ deleted: true, name }]);
			const [gone] = await get.json<{ error?: string }>({ id: created.id });
			expect(gone.error).toContain('Meta error 100');
		});

		it('creates AUTHENTICATION templates with one-tap autofill and copy code, sending message_send_ttl_seconds', async () => {
			const create = await deployOperation(n8n(), credential, {
				resource: 'template',
				operation: 'create',
				name: '={{ $json.body.name }}',
				language: 'en_US',
				category: 'AUTHENTICATION',
				otpType: '={{ $json.body.otpType }}',
				addSecurityRecommendation: true,
				codeExpirationMinutes: 5,
				otpButtonText: 'Copy code',
				autofillText: 'Autofill',
				supportedApps: { app: [{ packageName: 'com.example.shop', signatureHash: 'K8a/AINcGX7' }] },
				options: { messageSendTtlSeconds: 300 },
			});
			const oneTap = unique('login_one_tap');
			const copyCode = unique('login_copy');
			const [a] = await create.json<{ status: string; category: string }>({ name: oneTap, otpType: 'ONE_TAP' });
			const [b] = await create.json<{ status: string; category: string }>({ name: copyCode, otpType: 'COPY_CODE' });
			expect(a).toMatchObject({ status: 'APPROVED', category: 'AUTHENTICATION' });
			expect(b).toMatchObject({ status: 'APPROVED', category: 'AUTHENTICATION' });
			const calls = await (await fetch(`${sandboxUrl()}/__sandbox/calls?method=POST&path=message_templates`)).json();
			const bodies = (Array.isArray(calls) ? calls : (calls as { calls: Array<{ body: Record<string, unknown> }> }).calls).map((c: { body: Record<string, unknown> }) => c.body);
			const sent = bodies.find((body: Record<string, unknown>) => body.name === oneTap) as Record<string, unknown>;
			expect(sent).toEqual({
				name: oneTap,
				language: 'en_US',
				category: 'AUTHENTICATION',
				message_send_ttl_seconds: 300,
				components: [
					{ type: 'BODY', add_security_recommendation: true },
					{ type: 'FOOTER', code_expiration_minutes: 5 },
					{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ONE_TAP', text: 'Copy code', autofill_text: 'Autofill', supported_apps: [{ package_name: 'com.example.shop', signature_hash: 'K8a/AINcGX7' }] }] },
				],
			});
			expect((bodies.find((body: Record<string, unknown>) => body.name === copyCode) as { components: unknown[] }).components[2]).toEqual({ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] });
		});

		fullIt('checks a template before sending it, naming each field, and shows Meta\'s answer for a duplicate', async () => {
			const create = await deployOperation(n8n(), credential, {
				resource: 'template',
				operation: 'create',
				name: '={{ $json.body.name }}',
				language: 'en_US',
				category: 'UTILITY',
				bodyText: '={{ $json.body.text }}',
				footer: 'x'.repeat(61),
				options: { validate: '={{ $json.body.validate }}' },
			});
			const [invalid] = await create.json<{ error: string }>({ name: 'Order Update', text: 'Hi {{1}}', validate: true });
			expect(invalid.error).toMatch(/name: Only lowercase letters.*components\[0\]\.example\.body_text.*components\[1\]\.text: At most 60/);
			const calls = await (await fetch(`${sandboxUrl()}/__sandbox/calls?method=POST&path=message_templates`)).json();
			const bodies = JSON.stringify(calls);
			expect(bodies).not.toContain('Order Update');

			// With the check off, Meta (the sandbox) answers itself; a duplicate name + language is 100 / 2388024.
			const [duplicate] = await create.json<{ error: string; description: string }>({ name: 'hello_world', text: 'Hello', validate: false });
			expect(duplicate.error).toContain('Meta error 100/2388024');
		});

		fullIt('lists templates with a status filter and a limit', async () => {
			const list = await deployOperation(n8n(), credential, {
				resource: 'template',
				operation: 'getAll',
				returnAll: '={{ $json.body.returnAll }}',
				limit: 2,
				filters: { status: 'APPROVED' },
			});
			const approved = await list.json<{ name: string; status: string }>({ returnAll: true });
			expect(approved.every((t) => t.status === 'APPROVED')).toBe(true);
			expect(approved.map((t) => t.name)).toEqual(expect.arrayContaining(['hello_world', 'order_update', 'verification_code', 'flow_signup']));
			expect(approved.map((t) => t.name)).not.toContain('spring_promo');
			expect(await list.json({ returnAll: false })).toHaveLength(2);
		});

		fullIt('deletes one language by template id, and reports a template that does not exist', async () => {
			const ids = await graph<{ data: Array<{ id: string }> }>('GET', `${SANDBOX_WABA_ID}/message_templates?name=spring_promo`);
			// Delete By cannot be an expression (it decides which fields show), so one workflow each.
			const byTemplate = await deployOperation(n8n(), credential, {
				resource: 'template',
				operation: 'delete',
				deleteBy: 'template',
				template: { __rl: true, mode: 'id', value: '={{ $json.body.id }}' },
			});
			expect(await byTemplate.json({ id: ids.data[0].id })).toEqual([{ deleted: true, name: 'spring_promo', id: ids.data[0].id }]);
			const byName = await deployOperation(n8n(), credential, { resource: 'template', operation: 'delete', deleteBy: 'name', templateName: '={{ $json.body.name }}' });
			const [missing] = await byName.json<{ error: string }>({ name: 'no_such_template' });
			expect(missing.error).toContain('Meta error 100');
		});

		fullIt('offers the WABA\'s templates in the editor\'s template picker (list search), filtered by name', async () => {
			const search = (filter?: string) =>
				n8n().api.rest<{ results: Array<{ name: string; value: string }> }>('POST', '/dynamic-node-parameters/resource-locator-results', {
					nodeTypeAndVersion: { name: 'n8n-nodes-whatsapp-flows.whatsAppFlows', version: 1 },
					path: 'parameters.template',
					methodName: 'searchTemplates',
					currentNodeParameters: { resource: 'template', operation: 'get' },
					credentials: { whatsAppFlowsCloudApi: credential },
					...(filter ? { filter } : {}),
				});
			const all = await search();
			expect(all.results.map((r) => r.name)).toEqual(expect.arrayContaining(['hello_world (en_US, approved)', 'order_update (en_US, approved)']));
			expect(all.results.every((r) => /^\d+$/.test(r.value))).toBe(true);
			expect((await search('order')).results.map((r) => r.name)).toEqual(['order_update (en_US, approved)']);
		});
	});

	describe('Media', () => {
		it('uploads an n8n binary, gets its URL and downloads it back: the same bytes', async () => {
			const file = randomBytes(300_000);
			const path = uniquePath('media-round-trip');
			const workflow = webhookChain(`Media round trip (${profile})`, path, [
				base64ToFile('application/pdf', 'report.pdf'),
				whatsAppFlowsNode('Upload', credential, { resource: 'media', operation: 'upload', binaryPropertyName: 'data' }),
				whatsAppFlowsNode('Get URL', credential, { resource: 'media', operation: 'getUrl', mediaId: '={{ $json.id }}' }),
				whatsAppFlowsNode('Download', credential, { resource: 'media', operation: 'download', mediaId: "={{ $('Upload').item.json.id }}", binaryPropertyName: 'data' }),
			]);
			respondWithFile(n8n(), workflow);
			await deployWebhookWorkflow(n8n(), workflow, path);
			const answer = await postForFile(n8n(), path, { file: file.toString('base64') });
			expect(answer.status).toBe(200);
			if (answer.contentType !== null) expect(answer.contentType).toContain('application/pdf');
			const bytes = answer.bytes;
			expect(bytes.length).toBe(file.length);
			expect(bytes.equals(file)).toBe(true);
		});

		it('answers the upload and the URL with Meta\'s fields, then deletes the media', async () => {
			const file = randomBytes(1000);
			const path = uniquePath('media-json');
			await deployWebhookWorkflow(
				n8n(),
				webhookChain(`Media upload / URL / delete (${profile})`, path, [
					base64ToFile('image/png', 'dot.png'),
					whatsAppFlowsNode('Upload', credential, { resource: 'media', operation: 'upload', binaryPropertyName: 'data', options: { fileName: 'renamed.png' } }),
					whatsAppFlowsNode('Get URL', credential, { resource: 'media', operation: 'getUrl', mediaId: '={{ $json.id }}' }),
					whatsAppFlowsNode('Delete', credential, { resource: 'media', operation: 'delete', mediaId: "={{ $('Upload').item.json.id }}" }),
					whatsAppFlowsNode('Get URL Again', credential, { resource: 'media', operation: 'getUrl', mediaId: "={{ $('Upload').item.json.id }}" }),
				]),
				path,
			);
			const response = await fetch(`${n8n().webhookBaseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ file: file.toString('base64') }),
			});
			const [after] = (await response.json()) as Array<{ error?: string }>;
			expect(after.error).toContain('Meta error 100');
			const calls = JSON.stringify(await (await fetch(`${sandboxUrl()}/__sandbox/calls?path=${SANDBOX_PHONE_NUMBER_ID}/media`)).json());
			expect(calls).toContain('renamed.png');
			const uploads = (await (await fetch(`${sandboxUrl()}/__sandbox/calls?method=DELETE`)).json()) as unknown;
			expect(JSON.stringify(uploads)).toContain(`phone_number_id":"${SANDBOX_PHONE_NUMBER_ID}`);
		});

		fullIt('checks the type and size before uploading, and explains unknown media ids', async () => {
			const upload = await deployOperation(
				n8n(),
				credential,
				{ resource: 'media', operation: 'upload', binaryPropertyName: 'data', options: { mimeType: "={{ $('Webhook').item.json.body.type }}" } },
				{ before: [base64ToFile('application/octet-stream', 'file.bin')] },
			);
			const [gif] = await upload.json<{ error: string }>({ type: 'image/gif', file: randomBytes(10).toString('base64') });
			expect(gif.error).toMatch(/does not accept "image\/gif"/);
			const [sticker] = await upload.json<{ error: string }>({ type: 'image/webp', file: randomBytes(100 * 1024 + 1).toString('base64') });
			expect(sticker.error).toMatch(/static sticker may be at most 100 KB/);

			const download = await deployOperation(n8n(), credential, { resource: 'media', operation: 'download', mediaId: '={{ $json.body.id }}' });
			const [unknown] = await download.json<{ error: string }>({ id: '999999999999' });
			expect(unknown.error).toContain('Meta error 100');
			const [bad] = await download.json<{ error: string }>({ id: 'abc' });
			expect(bad.error).toMatch(/Media ID must be the number/);
		});

		fullIt('downloads media a user sent (an inbound media id) with Meta\'s SHA-256 checked', async () => {
			// The sandbox stores a user's upload as Meta stores inbound media: an id the business downloads.
			const file = randomBytes(5000);
			const form = new FormData();
			form.set('messaging_product', 'whatsapp');
			form.set('type', 'audio/ogg');
			form.set('file', new Blob([file], { type: 'audio/ogg' }), 'voice.ogg');
			const uploaded = (await (await fetch(`${sandboxUrl()}/v25.0/${SANDBOX_PHONE_NUMBER_ID}/media`, { method: 'POST', headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` }, body: form })).json()) as { id: string };
			const download = await deployOperation(n8n(), credential, { resource: 'media', operation: 'download', mediaId: '={{ $json.body.id }}' });
			const [item] = await download.json<{ id: string; mimeType: string; sha256: string; fileSize: number; fileName: string }>({ id: uploaded.id });
			expect(item).toEqual({ id: uploaded.id, mimeType: 'audio/ogg', sha256: createHash('sha256').update(file).digest('hex'), fileSize: 5000, fileName: `${uploaded.id}.ogg` });
		});
	});
});
