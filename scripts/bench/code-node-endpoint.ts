/**
 * The Code node a user writes today to serve a WhatsApp Flow from n8n, following Meta's endpoint example
 * (WhatsApp/WhatsApp-Flows-Tools, examples/endpoint/nodejs/basic/src/encryption.js): the private key pasted into the
 * node and parsed on every run, no X-Hub-Signature-256 check (the Webhook node's parsed body is all the Code node
 * sees). It needs NODE_FUNCTION_ALLOW_BUILTIN=crypto: n8n 2.x's task runner refuses require('crypto') otherwise.
 */
export function codeNodeEndpointJs(privateKeyPem: string, nextScreen: unknown): string {
	return `// Decrypt the WhatsApp Flow request and encrypt the answer, as in Meta's endpoint example.
const crypto = require('crypto');

const PRIVATE_KEY = \`${privateKeyPem.trim()}\`;
const PASSPHRASE = '';

const { encrypted_aes_key, encrypted_flow_data, initial_vector } = $input.first().json.body;

const privateKey = crypto.createPrivateKey({ key: PRIVATE_KEY, passphrase: PASSPHRASE });
const aesKey = crypto.privateDecrypt(
  { key: privateKey, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
  Buffer.from(encrypted_aes_key, 'base64'),
);
const flowData = Buffer.from(encrypted_flow_data, 'base64');
const iv = Buffer.from(initial_vector, 'base64');
const decipher = crypto.createDecipheriv('aes-128-gcm', aesKey, iv);
decipher.setAuthTag(flowData.subarray(-16));
const request = JSON.parse(Buffer.concat([decipher.update(flowData.subarray(0, -16)), decipher.final()]).toString('utf-8'));

const response = request.action === 'ping' ? { data: { status: 'active' } } : ${JSON.stringify(nextScreen)};

const flippedIv = Buffer.from(iv.map((byte) => ~byte));
const cipher = crypto.createCipheriv('aes-128-gcm', aesKey, flippedIv);
const body = Buffer.concat([cipher.update(JSON.stringify(response), 'utf-8'), cipher.final(), cipher.getAuthTag()]).toString('base64');

return [{ json: { body } }];
`;
}
