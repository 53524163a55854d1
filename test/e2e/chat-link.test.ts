import { SANDBOX_ACCESS_TOKEN, SANDBOX_PHONE_NUMBER_ID } from '../sandbox/seed';
import { decodePng, rasteriseSvgPath, decodeRgba } from '../unit/qr/decode';
import { instance, loadE2eEnv, profilesAmong, type E2eProfile } from './harness/e2e-env';
import type { CredentialRef } from './support/credentials';
import { credentialWhenReady, deployOperation } from './whatsapp-flows-support';

/** wa.me links, QR codes made in n8n, and Meta's hosted QR codes (message_qrdls) in real n8n against the sandbox. */
describe.each(profilesAmong('regular', 'queue', 'n8n1'))('Chat links and QR codes in real n8n (%s)', (profile: E2eProfile) => {
	const n8n = () => instance(profile);
	const sandboxUrl = () => loadE2eEnv().sandboxUrl;
	const fullIt = profile === 'regular' ? it : it.skip;
	let credential: CredentialRef;
	const businessLink = 'https://wa.me/15550100001';

	beforeAll(async () => {
		credential = await credentialWhenReady(n8n(), sandboxUrl());
	});

	fullIt('makes wa.me links to the business number (read from Meta), another number, or anyone', async () => {
		const link = await deployOperation(n8n(), credential, {
			resource: 'chatLink',
			operation: 'createLink',
			chatWith: '={{ $json.body.chatWith }}',
			phoneNumber: '={{ $json.body.phone }}',
			prefilledText: '={{ $json.body.text }}',
		});
		expect(await link.json({ chatWith: 'business', text: 'Hi! I saw your poster' })).toEqual([
			{ link: `${businessLink}?text=Hi!%20I%20saw%20your%20poster`, phoneNumber: '15550100001', text: 'Hi! I saw your poster' },
		]);
		expect((await link.json<{ link: string }>({ chatWith: 'number', phone: '+49 (151) 234-5678', text: '' }))[0].link).toBe('https://wa.me/491512345678');
		expect((await link.json<{ link: string }>({ chatWith: 'none', text: 'Share this' }))[0].link).toBe('https://wa.me/?text=Share%20this');
		const [bad] = await link.json<{ error: string }>({ chatWith: 'number', phone: '0151 2345678', text: 'x' });
		expect(bad.error).toMatch(/starts with 0/);
	});

	it('makes a QR code PNG in n8n that decodes back to the wa.me link', async () => {
		const qr = await deployOperation(
			n8n(),
			credential,
			{ resource: 'chatLink', operation: 'createQrCode', content: 'chatLink', chatWith: 'business', prefilledText: '={{ $json.body.text }}', format: 'png', options: { errorCorrection: 'Q', scale: 6 } },
			{ respondWithBinary: true },
		);
		const text = 'Hello Sandbox Shop, I would like to book a table for 4 at 19:30 🍽';
		const answer = await qr.binary({ text });
		expect(answer.status).toBe(200);
		if (answer.contentType !== null) expect(answer.contentType).toContain('image/png');
		expect(decodePng(answer.bytes)?.text).toBe(`${businessLink}?text=${encodeURIComponent(text)}`);
	});

	fullIt('makes SVG QR codes and QR codes of any text, reporting version and level', async () => {
		const svg = await deployOperation(
			n8n(),
			credential,
			{ resource: 'chatLink', operation: 'createQrCode', content: 'text', text: '={{ $json.body.text }}', format: 'svg', options: { margin: 2, darkColor: '#075e54' } },
			{ respondWithBinary: true },
		);
		const answer = await svg.binary({ text: 'https://wa.me/message/ANED2T5QRU7HG1' });
		expect(answer.contentType).toContain('image/svg+xml');
		const markup = answer.bytes.toString('utf8');
		expect(markup).toContain('fill="#075e54"');
		const side = Number(/viewBox="0 0 (\d+) /.exec(markup)?.[1]);
		expect(decodeRgba(rasteriseSvgPath(markup, side, 3))?.text).toBe('https://wa.me/message/ANED2T5QRU7HG1');

		const json = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'createQrCode', content: 'text', text: '={{ $json.body.text }}', format: 'png' });
		expect(await json.json({ text: 'hi' })).toEqual([{ encoded: 'hi', format: 'png', version: 1, errorCorrection: 'M', modules: 21, fileName: 'whatsapp-qr.png' }]);
		const [tooLong] = await json.json<{ error: string }>({ text: 'x'.repeat(2400) });
		expect(tooLong.error).toMatch(/2400 bytes in UTF-8; a QR code of version 40 at error correction M holds at most 2331/);
	});

	it("creates a QR code hosted by Meta and downloads its PNG, which decodes to Meta's short link", async () => {
		const create = await deployOperation(
			n8n(),
			credential,
			{ resource: 'chatLink', operation: 'createMetaQr', prefilledMessage: '={{ $json.body.text }}', imageFormat: 'PNG', downloadImage: true },
			{ respondWithBinary: true },
		);
		const answer = await create.binary({ text: 'Show me Cyber Monday deals!' });
		if (answer.contentType !== null) expect(answer.contentType).toContain('image/png');
		const link = decodePng(answer.bytes)?.text ?? '';
		expect(link).toMatch(/^https:\/\/wa\.me\/message\/[A-Z0-9]{14}$/);
		const listed = (await (
			await fetch(`${sandboxUrl()}/v25.0/${SANDBOX_PHONE_NUMBER_ID}/message_qrdls`, { headers: { authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` } })
		).json()) as { data: Array<{ deep_link_url: string; prefilled_message: string }> };
		expect(listed.data).toContainEqual(expect.objectContaining({ deep_link_url: link, prefilled_message: 'Show me Cyber Monday deals!' }));
	});

	fullIt("lists, reads (with an SVG image), updates and deletes Meta's QR codes, and explains the errors", async () => {
		const create = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'createMetaQr', prefilledMessage: '={{ $json.body.text }}', imageFormat: 'none' });
		const [created] = await create.json<{ code: string; prefilled_message: string; deep_link_url: string }>({ text: 'Store hours?' });
		expect(created).toEqual({ code: expect.stringMatching(/^[A-Z0-9]{14}$/), prefilled_message: 'Store hours?', deep_link_url: `https://wa.me/message/${created.code}` });
		const [tooLong] = await create.json<{ error: string }>({ text: 'x'.repeat(141) });
		expect(tooLong.error).toMatch(/141 characters; Meta allows at most 140/);

		const list = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'getManyMetaQr', returnAll: true });
		expect(await list.json()).toContainEqual(created);

		const get = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'getMetaQr', code: '={{ $json.body.code }}', imageFormat: 'SVG', downloadImage: false });
		const [read] = await get.json<{ qr_image_url: string }>({ code: created.code });
		expect(read).toMatchObject({ code: created.code, prefilled_message: 'Store hours?' });
		expect((await fetch(read.qr_image_url)).headers.get('content-type')).toBe('image/svg+xml');

		const update = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'updateMetaQr', code: '={{ $json.body.code }}', prefilledMessage: 'Opening hours today?' });
		expect(await update.json({ code: created.code })).toEqual([{ ...created, prefilled_message: 'Opening hours today?' }]);

		const remove = await deployOperation(n8n(), credential, { resource: 'chatLink', operation: 'deleteMetaQr', code: '={{ $json.body.code }}' });
		expect(await remove.json({ code: created.code })).toEqual([{ deleted: true, code: created.code }]);
		const [gone] = await get.json<{ error: string }>({ code: created.code });
		expect(gone.error).toContain('Meta error 100');
		const [bad] = await remove.json<{ error: string }>({ code: 'not a code!' });
		expect(bad.error).toMatch(/QR Code ID must be/);
	});
});
