import { MessageFieldError, optionalText, requiredBody } from './field-checks';

/** A header of an interactive message: text, or a media file by uploaded media id or by link. */
export type InteractiveHeader =
	| { kind: 'none' }
	| { kind: 'text'; text: string }
	| { kind: 'image' | 'video' | 'document'; mediaId?: string; link?: string; filename?: string };

export interface PartLimits {
	body: number;
	headerText: number;
	footer: number;
	/** Header kinds the message type takes (cloud-api/reference/messages "header object"). */
	headerKinds: ReadonlyArray<InteractiveHeader['kind']>;
}

function mediaHeader(header: Extract<InteractiveHeader, { mediaId?: string }>): Record<string, unknown> {
	const id = header.mediaId?.trim();
	const link = header.link?.trim();
	if (!id === !link) {
		throw new MessageFieldError('Header Media', 'Header Media needs exactly one of a media ID (uploaded) or a link (https URL)');
	}
	if (link && !/^https?:\/\//i.test(link)) throw new MessageFieldError('Header Media', `Header Media link "${link}" must be an http(s) URL`);
	const media: Record<string, unknown> = id ? { id } : { link };
	const filename = header.filename?.trim();
	if (filename && header.kind === 'document') media.filename = filename;
	return { type: header.kind, [header.kind]: media };
}

function headerObject(header: InteractiveHeader | undefined, limits: PartLimits): Record<string, unknown> | undefined {
	if (!header || header.kind === 'none') return undefined;
	if (!limits.headerKinds.includes(header.kind)) {
		throw new MessageFieldError('Header', `Header of type ${header.kind} is not allowed here; Meta takes ${limits.headerKinds.filter((k) => k !== 'none').join(' or ')}`);
	}
	if (header.kind === 'text') {
		const text = optionalText('Header Text', header.text, limits.headerText);
		return text === undefined ? undefined : { type: 'text', text };
	}
	return mediaHeader(header);
}

/** header / body / footer of an interactive object, checked against the message type's limits. */
export function interactiveParts(
	input: { header?: InteractiveHeader; body: unknown; footer?: unknown },
	limits: PartLimits,
): Record<string, unknown> {
	const header = headerObject(input.header, limits);
	const body = requiredBody('Body Text', input.body, limits.body);
	const footer = optionalText('Footer Text', input.footer, limits.footer);
	return {
		...(header ? { header } : {}),
		body: { text: body },
		...(footer !== undefined ? { footer: { text: footer } } : {}),
	};
}
