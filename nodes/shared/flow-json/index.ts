// Local Flow JSON validator: n8n-free, used before every upload and by the Validate operation.
export type { FlowJsonIssue, FlowJsonReport, FlowJsonSeverity, FlowJsonValidationOptions } from './types';
export { validateFlowJson } from './validate';
export { formatFlowJsonIssues } from './format';
export { FLOW_JSON_LIMITS, type FlowJsonLimits, type Limit, type RangeLimit } from './limits';
export { PUBLISHABLE_FLOW_JSON_VERSIONS, RECOMMENDED_FLOW_JSON_VERSION, isPublishableVersion, type PublishableFlowJsonVersion } from './versions';
export { metaPath } from './pointer';
export { FLOW_JSON_RULES, type FlowJsonRule } from './rule-ids';
