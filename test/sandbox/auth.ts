// Who is calling: a system-user access token from the seed, or an app access token `{app-id}|{app-secret}`.
// Graph reads the token from `Authorization: Bearer|OAuth <token>`, `?access_token=` or an `access_token` body
// parameter (graph-api/overview "Access tokens"; Postman collections use Bearer auth).
import type { IncomingHttpHeaders } from 'node:http';
import { accessTokenRequired, invalidAccessToken, invalidAppTokenSignature } from './errors';
import type { SandboxState } from './state';

export type Principal =
	| { kind: 'user'; token: string; label: string; phoneNumberIds: readonly string[] }
	| { kind: 'app'; appId: string };

export function findToken(
	headers: IncomingHttpHeaders,
	query: URLSearchParams,
	params: Record<string, unknown>,
): string | undefined {
	const header = headers.authorization;
	const match = header === undefined ? null : /^(?:Bearer|OAuth)\s+(\S.*)$/i.exec(header.trim());
	if (match) return match[1].trim();
	const fromQuery = query.get('access_token');
	if (fromQuery) return fromQuery;
	const fromBody = params.access_token;
	return typeof fromBody === 'string' && fromBody !== '' ? fromBody : undefined;
}

/** Resolves the caller or throws Meta's error: 104 without a token, 190 for an unknown or badly signed one. */
export function authenticate(state: SandboxState, token: string | undefined): Principal {
	if (token === undefined) throw accessTokenRequired();
	const bar = token.indexOf('|');
	if (bar > 0) {
		const appId = token.slice(0, bar);
		if (appId !== state.seed.app.id) throw invalidAccessToken();
		if (token.slice(bar + 1) !== state.seed.app.secret) throw invalidAppTokenSignature();
		return { kind: 'app', appId };
	}
	const known = state.accessToken(token);
	if (!known) throw invalidAccessToken();
	return { kind: 'user', token, label: known.label, phoneNumberIds: known.phoneNumberIds };
}

/** Whether the caller's token was granted this phone number (app tokens act on no phone number). */
export function canUsePhoneNumber(principal: Principal, phoneNumberId: string): boolean {
	return principal.kind === 'user' && principal.phoneNumberIds.includes(phoneNumberId);
}
