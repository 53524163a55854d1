import type { INodeProperties } from 'n8n-workflow';
import type { InteractiveHeader } from '../../../../shared/messages/interactive-parts';
import type { ParamReader } from '../parameter-reader';

const media = ['image', 'video', 'document'];
type MediaKind = 'image' | 'video' | 'document';

/** The header picker: none, a text (or the text header's variable, for templates), or a media file. */
export function headerTypeField(none: { name: string; description?: string }, text: { name: string; description?: string }): INodeProperties {
	return {
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: none.name, value: 'none', description: none.description },
			{ name: text.name, value: 'text', description: text.description },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
	};
}

/** Where a media header comes from: a link or an uploaded media ID (and a document's file name). */
export const mediaHeaderFields: INodeProperties[] = [
	{
		displayName: 'Header Media From',
		name: 'headerMediaSource',
		type: 'options',
		options: [
			{ name: 'Link', value: 'link' },
			{ name: 'Uploaded Media ID', value: 'id' },
		],
		default: 'link',
		displayOptions: { show: { headerType: media } },
	},
	{
		displayName: 'Header Media Link',
		name: 'headerMediaLink',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/sale.jpg',
		displayOptions: { show: { headerType: media, headerMediaSource: ['link'] } },
	},
	{ displayName: 'Header Media ID', name: 'headerMediaId', type: 'string', default: '', displayOptions: { show: { headerType: media, headerMediaSource: ['id'] } } },
	{ displayName: 'Header Filename', name: 'headerFilename', type: 'string', default: '', displayOptions: { show: { headerType: ['document'] } } },
];

export function mediaHeaderOf(param: ParamReader, kind: MediaKind): { kind: MediaKind; link?: string; mediaId?: string; filename: string } {
	const fromLink = param('headerMediaSource', 'link') === 'link';
	const value = String(param(fromLink ? 'headerMediaLink' : 'headerMediaId', ''));
	return { kind, ...(fromLink ? { link: value } : { mediaId: value }), filename: String(param('headerFilename', '')) };
}

/** Header fields of a reply-buttons message. */
export const interactiveHeaderFields: INodeProperties[] = [
	headerTypeField({ name: 'None' }, { name: 'Text' }),
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', displayOptions: { show: { headerType: ['text'] } }, description: 'Up to 60 characters' },
	...mediaHeaderFields,
];

export function interactiveHeaderOf(param: ParamReader): InteractiveHeader {
	const kind = param<InteractiveHeader['kind']>('headerType', 'none');
	if (kind === 'none') return { kind };
	if (kind === 'text') return { kind, text: String(param('headerText', '')) };
	return mediaHeaderOf(param, kind);
}
