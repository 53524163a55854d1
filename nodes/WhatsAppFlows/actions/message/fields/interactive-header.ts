import type { INodeProperties } from 'n8n-workflow';
import type { InteractiveHeader } from '../../../../shared/messages/interactive-parts';
import type { ParamReader } from '../parameter-reader';

const media = ['image', 'video', 'document'];

/** Header fields of a reply-buttons message: none, text, or media by link or uploaded id. */
export const interactiveHeaderFields: INodeProperties[] = [
	{
		displayName: 'Header',
		name: 'headerType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'None', value: 'none' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
	},
	{ displayName: 'Header Text', name: 'headerText', type: 'string', default: '', displayOptions: { show: { headerType: ['text'] } }, description: 'Up to 60 characters' },
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
	{ displayName: 'Header Media Link', name: 'headerMediaLink', type: 'string', default: '', displayOptions: { show: { headerType: media, headerMediaSource: ['link'] } } },
	{ displayName: 'Header Media ID', name: 'headerMediaId', type: 'string', default: '', displayOptions: { show: { headerType: media, headerMediaSource: ['id'] } } },
	{ displayName: 'Header Filename', name: 'headerFilename', type: 'string', default: '', displayOptions: { show: { headerType: ['document'] } } },
];

export function interactiveHeaderOf(param: ParamReader): InteractiveHeader {
	const kind = param<InteractiveHeader['kind']>('headerType', 'none');
	if (kind === 'none') return { kind };
	if (kind === 'text') return { kind, text: String(param('headerText', '')) };
	const fromLink = param('headerMediaSource', 'link') === 'link';
	const value = String(param(fromLink ? 'headerMediaLink' : 'headerMediaId', ''));
	return { kind, ...(fromLink ? { link: value } : { mediaId: value }), filename: String(param('headerFilename', '')) };
}
