export { FlowMediaError, type FlowMediaCheck } from './errors';
export {
	describeFlowMediaEntry,
	flowMediaEntryValues,
	parseFlowMediaEntry,
	type FlowMediaEntry,
	type FlowMediaKeys,
	type RawFlowMediaEntry,
} from './flow-media-entry';
export { PICKER_MAX_FILE_BYTES, decryptFlowMedia, maxCdnBytes, type CdnDownload, type DecryptedFlowMedia } from './flow-media';
export { readAtMost, tooLargeError } from './limited-read';
export { decryptCdnFile, HMAC10_BYTES } from './media-decrypt';
export { flowMediaMimeType, UNKNOWN_MIME_TYPE } from './mime-type';
