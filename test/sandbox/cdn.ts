// Download links the sandbox hands out, under /__cdn/ (never faulted, not Graph calls):
// - /__cdn/flow-assets/{flow-id}/{token}/flow.json: the Flow JSON as uploaded (List Assets' download_url; Meta's
//   link is a signed CDN URL that needs no token);
// - /__cdn/flow-preview/{flow-id}/?token=…: a stand-in for the web preview (preview.preview_url);
// - /__cdn/media/{media-id}/{token}: uploaded media (GET /{media-id}'s url), which, as on Meta, needs the access token
//   (cloud-api/reference/media "Download Media": "include the access token in the Authorization header"); without
//   it the answer is 401 (Meta answers 404 without a valid token; guess);
// - /__cdn/qr/{code}/{token}.{svg|png}: QR code images of message_qrdls (qr_image_url; public, no token);
// - /__cdn/flow-media/{id}: files picked in a flow, encrypted as WhatsApp's CDN holds them for the endpoint
//   (flows/reference/media_upload: cdn_url + encryption_metadata; no token).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findToken } from './auth';
import { sendBytes, sendJson } from './http-io';
import { FLOW_MEDIA_CDN_KIND } from './simulated-user/registry';
import type { SandboxState } from './state';

export const CDN_PREFIX = '/__cdn';

export function handleCdnRequest(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL): void {
	const [, kind, id, token] = url.pathname.slice(CDN_PREFIX.length).split('/');
	if ((req.method ?? 'GET').toUpperCase() !== 'GET') {
		sendJson(res, 405, { error: 'only GET' });
		return;
	}
	if (kind === 'flow-assets') {
		const flow = state.flows.get(id ?? '');
		if (!flow || flow.assetToken !== token || flow.jsonText === undefined) {
			sendJson(res, 404, { error: 'no such asset (the link changes with every upload)' });
			return;
		}
		sendBytes(res, 200, Buffer.from(flow.jsonText, 'utf8'), { 'content-type': 'application/json' });
		return;
	}
	if (kind === 'flow-preview') {
		const flow = state.flows.get(id ?? '');
		if (!flow || url.searchParams.get('token') !== flow.previewToken || flow.previewExpiresAt.getTime() < Date.now()) {
			sendJson(res, 404, { error: 'preview link invalid or expired' });
			return;
		}
		const html = `<!doctype html><title>${flow.name.replace(/[<&>]/g, '')} (preview)</title><pre>${(flow.jsonText ?? '').replace(/[<&>]/g, '')}</pre>`;
		sendBytes(res, 200, Buffer.from(html, 'utf8'), { 'content-type': 'text/html; charset=UTF-8' });
		return;
	}
	if (kind === 'media') {
		const media = state.media.get(id ?? '');
		const bearer = findToken(req.headers, new URLSearchParams(), {});
		if (bearer === undefined || state.accessToken(bearer) === undefined) {
			sendJson(res, 401, { error: 'the media URL needs the access token in the Authorization header' });
			return;
		}
		if (!media || media.urlToken !== token) {
			sendJson(res, 404, { error: 'no such media' });
			return;
		}
		sendBytes(res, 200, media.data, { 'content-type': media.mimeType });
		return;
	}
	if (kind === 'qr') {
		// /__cdn/qr/{code}/{token}.{svg|png}: a message_qrdls image (qr_image_url; Meta's is a public CDN link).
		const [imageToken, extension] = (token ?? '').split('.');
		const image = state.qrCodes.byCode(id ?? '')?.images[extension?.toUpperCase() === 'SVG' ? 'SVG' : 'PNG'];
		if (!image || image.token !== imageToken) {
			sendJson(res, 404, { error: 'no such QR code image' });
			return;
		}
		sendBytes(res, 200, image.data, { 'content-type': image.contentType });
		return;
	}
	if (kind === FLOW_MEDIA_CDN_KIND) {
		const file = state.simulatedUsers.cdnFile(id ?? '');
		if (!file) {
			sendJson(res, 404, { error: 'no such file on the flow-media CDN' });
			return;
		}
		sendBytes(res, 200, Buffer.from(file), { 'content-type': 'application/octet-stream' });
		return;
	}
	sendJson(res, 404, { error: `no sandbox download ${url.pathname}` });
}
