// QR codes and short links hosted by Meta (business-management-api/qr-codes; graph-api/reference/
// whats-app-business-account-to-number-current-status/message_qrdls; Postman "QR codes" folder): per business phone
// number, a code (14 upper-case letters and digits, e.g. "ANED2T5QRU7HG1"), its prefilled message and the short
// link https://wa.me/message/{code}; images are made on request as SVG or PNG and served from the sandbox CDN.
// The images come from the `qrcode` package: an encoder independent of the nodes' own.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

export type QrImageFormat = 'SVG' | 'PNG';

export interface QrCodeRecord {
	code: string;
	phoneNumberId: string;
	prefilledMessage: string;
	createdAt: string;
	/** Images made so far, by format, with the random part of their URL. */
	images: Partial<Record<QrImageFormat, { token: string; data: Buffer; contentType: string }>>;
}

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function deepLinkUrl(code: string): string {
	return `https://wa.me/message/${code}`;
}

export class QrCodeStore {
	private readonly items = new Map<string, QrCodeRecord>();

	create(phoneNumberId: string, prefilledMessage: string): QrCodeRecord {
		let code: string;
		do {
			code = [...randomBytes(13)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('') + '1';
		} while (this.items.has(code));
		const record: QrCodeRecord = { code, phoneNumberId, prefilledMessage, createdAt: new Date().toISOString(), images: {} };
		this.items.set(code, record);
		return record;
	}

	get(phoneNumberId: string, code: string): QrCodeRecord | undefined {
		const record = this.items.get(code);
		return record?.phoneNumberId === phoneNumberId ? record : undefined;
	}

	byCode(code: string): QrCodeRecord | undefined {
		return this.items.get(code);
	}

	list(phoneNumberId: string): QrCodeRecord[] {
		return [...this.items.values()].filter((r) => r.phoneNumberId === phoneNumberId);
	}

	delete(code: string): boolean {
		return this.items.delete(code);
	}

	clear(): void {
		this.items.clear();
	}

	/** Makes (once per format) the image of the short link; returns the random part of its URL. */
	async image(record: QrCodeRecord, format: QrImageFormat): Promise<string> {
		const existing = record.images[format];
		if (existing) return existing.token;
		const link = deepLinkUrl(record.code);
		const data =
			format === 'SVG'
				? Buffer.from(await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }), 'utf8')
				: await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 });
		const token = randomBytes(12).toString('base64url');
		record.images[format] = { token, data, contentType: format === 'SVG' ? 'image/svg+xml' : 'image/png' };
		return token;
	}
}
