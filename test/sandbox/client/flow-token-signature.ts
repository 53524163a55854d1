// flow_token_signature: with Flow JSON 7.3+ and Data API 4.0 the client adds a JWT (HS256, keyed with the app
// secret) carrying the flow_token to every endpoint request
// (developers.facebook.com/docs/whatsapp/flows/changelogs, 2025-11-11 "Data API version 4.0";
// guides/implementingyourflowendpoint). The exact claim set is not confirmed: this signs {flow_token, iat}.
import { toBase64, utf8 } from './bytes';
import { hmacSha256 } from './web-crypto';

function base64Url(bytes: Uint8Array): string {
	return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function signFlowToken(flowToken: string, appSecret: string, now: Date): Promise<string> {
	const header = base64Url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
	const claims = base64Url(utf8(JSON.stringify({ flow_token: flowToken, iat: Math.floor(now.getTime() / 1000) })));
	const signature = base64Url(await hmacSha256(utf8(appSecret), utf8(`${header}.${claims}`)));
	return `${header}.${claims}.${signature}`;
}

/** Whether a flow sends flow_token_signature: Flow JSON version >= 7.3 and data_api_version >= 4.0. */
export function usesFlowTokenSignature(flowJsonVersion: string, dataApiVersion: string | undefined): boolean {
	const [major, minor] = flowJsonVersion.split('.').map(Number);
	const flowOk = major > 7 || (major === 7 && (minor ?? 0) >= 3);
	return flowOk && Number(dataApiVersion ?? '0') >= 4;
}
