export { FlowMediaError, type FlowMediaCheck } from './errors';
export {
	describeFlowMediaEntry,
	flowMediaEntryValues,
	parseFlowMediaEntry,
	type FlowMediaEntry,
	type FlowMediaKeys,
	type RawFlowMediaEntry,
} from './flow-media-entry';
export { PICKER_MAX_FILE_BYTES, decryptFlowMedia, type CdnDownload, type DecryptedFlowMedia } from './flow-media';
export { readAtMost, sizeLimit, tooLargeError, type SizeLimit } from './limited-read';
export { decryptCdnFile, HMAC10_BYTES } from './media-decrypt';
export { flowMediaMimeType, UNKNOWN_MIME_TYPE } from './mime-type';
