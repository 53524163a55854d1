import { fetchOnFreshSocket } from './fresh-socket-fetch';
/** Sets up n8n's owner and an API key without a browser (works on n8n 1.x and 2.x). */

export const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Wa-Flows-Demo-1' };

/** Every scope the harness and the examples need; the data-table store gets its own narrower key. */
export const HARNESS_SCOPES = [
	'workflow:create', 'workflow:read', 'workflow:list', 'workflow:update', 'workflow:delete',
	'workflow:activate', 'workflow:deactivate', 'execution:read', 'execution:list',
	'credential:create', 'credential:read', 'credential:update', 'credential:delete',
	'dataTable:create', 'dataTable:read', 'dataTable:list', 'dataTable:update', 'dataTable:delete',
	'dataTableRow:create', 'dataTableRow:read', 'dataTableRow:update', 'dataTableRow:delete', 'dataTableRow:upsert',
];

/** What the shared-state store needs, and nothing else (the credential test checks this). */
export const DATA_TABLE_SCOPES = [
	'dataTable:create', 'dataTable:read', 'dataTable:list',
	'dataTableRow:create', 'dataTableRow:read', 'dataTableRow:update', 'dataTableRow:delete',
];

function cookieFrom(response: Response): string {
	const cookies = response.headers.getSetCookie?.() ?? [];
	return cookies.map((c) => c.split(';')[0]).join('; ');
}

async function post(baseUrl: string, path: string, body: unknown, cookie = ''): Promise<Response> {
	return await fetchOnFreshSocket(`${baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify(body),
	});
}

/** Creates the owner on a fresh instance (or logs in when it exists) and returns a session cookie. */
export async function ensureOwner(baseUrl: string): Promise<string> {
	const setup = await post(baseUrl, '/rest/owner/setup', OWNER);
	if (setup.ok) return cookieFrom(setup);
	const login = await post(baseUrl, '/rest/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
	if (!login.ok) throw new Error(`n8n owner setup failed (${setup.status}) and login failed (${login.status}): ${await login.text()}`);
	return cookieFrom(login);
}

/** Creates an API key with those of `scopes` this n8n knows (n8n 1.x has no data-table scopes). */
export async function createApiKey(baseUrl: string, cookie: string, label: string, scopes = HARNESS_SCOPES): Promise<string> {
	const known = new Set(await availableScopes(baseUrl, cookie));
	const granted = known.size > 0 ? scopes.filter((scope) => known.has(scope)) : scopes;
	let response = await post(baseUrl, '/rest/api-keys', { label, expiresAt: null, scopes: granted }, cookie);
	if (!response.ok && known.size === 0) response = await post(baseUrl, '/rest/api-keys', { label, expiresAt: null }, cookie);
	const text = await response.text();
	if (!response.ok) throw new Error(`creating an n8n API key failed: ${response.status} ${text}`);
	const data = (JSON.parse(text) as { data: { rawApiKey?: string; apiKey?: string } }).data;
	const key = data.rawApiKey ?? data.apiKey;
	if (!key) throw new Error('n8n returned no API key');
	return key;
}

/** Scopes this n8n offers for API keys (empty on versions without scoped keys). */
export async function availableScopes(baseUrl: string, cookie: string): Promise<string[]> {
	const response = await fetchOnFreshSocket(`${baseUrl}/rest/api-keys/scopes`, { headers: { cookie } });
	if (!response.ok) return [];
	return ((await response.json()) as { data: string[] }).data;
}
