export {
	DEFAULT_GRAPH_BASE_URL,
	DEFAULT_GRAPH_VERSION,
	graphUrl,
	normaliseGraphBaseUrl,
	normaliseGraphPath,
	normaliseGraphVersion,
} from './graph-url';
export { encodeBody, encodeForm, encodeMultipart } from './bodies';
export type { EncodedBody, FormValue, MultipartField, MultipartFile, MultipartPart, RequestBody } from './bodies';
export { META_ERROR_CATALOGUE, describeHttpStatus, describeMetaError } from './error-catalogue';
export type { DescribedMetaError, MetaErrorEntry, RetryRule } from './error-catalogue';
export { MetaApiError, metaErrorFromResponse, parseMetaError } from './meta-error';
export { GraphNetworkError, GraphUnknownOutcomeError } from './graph-errors';
export { classifyFailure, exponentialBackoff, isRetrySafe } from './retry-policy';
export type { OperationKind, RetryDecision } from './retry-policy';
export { DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_DELAY_MS, createGraphClient } from './graph-client';
export type { GraphClient, GraphClientOptions, GraphQuery, GraphRequest, PaginateOptions, RetryInfo } from './graph-client';
