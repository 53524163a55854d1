// Credential fields mangle pasted PEM text: newlines arrive as literal "\n", as CRLF, collapsed to
// spaces, or wrapped in quotes. This rebuilds a clean PEM block from whatever survived.

export interface PemBlock {
	/** The word(s) between BEGIN and the dashes, e.g. "RSA PRIVATE KEY". */
	label: string;
	/** True for "ENCRYPTED PRIVATE KEY" (PKCS#8) and for legacy "Proc-Type: 4,ENCRYPTED" (PKCS#1). */
	encrypted: boolean;
	/** The block re-assembled with LF line endings and 64-character base64 lines. */
	pem: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
const PROC_TYPE = /Proc-Type:\s*([0-9]+,[A-Z]+)/;
const DEK_INFO = /DEK-Info:\s*([A-Za-z0-9-]+,[0-9A-Fa-f]+)/;
const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;

function unmangle(text: string): string {
	let result = text.trim();
	const quote = result[0];
	if ((quote === '"' || quote === "'") && result.endsWith(quote) && result.length > 1) {
		result = result.slice(1, -1);
	}
	return result.replace(/\\r\\n|\\n|\\r/g, '\n').replace(/\r\n?/g, '\n');
}

function rebuild(label: string, body: string): PemBlock | undefined {
	const procType = PROC_TYPE.exec(body)?.[1];
	const dekInfo = DEK_INFO.exec(body)?.[1];
	const base64 = body.replace(PROC_TYPE, '').replace(DEK_INFO, '').replace(/\s+/g, '');
	if (!BASE64_BODY.test(base64)) return undefined;

	const lines = [`-----BEGIN ${label}-----`];
	if (procType !== undefined) lines.push(`Proc-Type: ${procType}`);
	if (dekInfo !== undefined) lines.push(`DEK-Info: ${dekInfo}`);
	if (procType !== undefined || dekInfo !== undefined) lines.push('');
	for (let i = 0; i < base64.length; i += 64) lines.push(base64.slice(i, i + 64));
	lines.push(`-----END ${label}-----`, '');

	const encrypted = label === 'ENCRYPTED PRIVATE KEY' || (procType ?? '').endsWith(',ENCRYPTED');
	return { label, encrypted, pem: lines.join('\n') };
}

/**
 * The first PEM block in `text` (a private-key block preferred when several are pasted together),
 * cleaned of credential-field mangling; undefined when no well-formed block is found.
 */
export function extractPemBlock(text: string): PemBlock | undefined {
	const blocks = [...unmangle(text).matchAll(BLOCK)];
	const chosen = blocks.find((match) => match[1].endsWith('PRIVATE KEY')) ?? blocks[0];
	return chosen === undefined ? undefined : rebuild(chosen[1], chosen[2]);
}
