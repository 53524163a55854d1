// Top-level properties (flows/reference/flowjson "Top-level Flow JSON Properties") and the version
// (flows/changelogs; flows/reference/error-codes "Flow JSON Version Errors").
import type { RuleContext } from '../context';
import { DOC } from '../docs';
import type { IssueCollector } from '../issues';
import type { JsonObject } from '../model';
import { DATA_API_VERSIONS, isKnownVersion, isPublishableVersion, PUBLISHABLE_FLOW_JSON_VERSIONS, RECOMMENDED_FLOW_JSON_VERSION, versionRank } from '../versions';

const TOP_LEVEL = new Set(['version', 'screens', 'routing_model', 'data_api_version', 'data_channel_uri']);

/** Checks `version` alone, before anything else can be judged; returns it when it is a string. */
export function checkVersion(root: JsonObject, target: string | undefined, report: IssueCollector): string | null {
	const version = root.version;
	if (version === undefined) {
		report.error('version.missing', '', 'Flow JSON version is not specified: add "version", e.g. "7.3".', DOC.errors);
	} else if (typeof version !== 'string') {
		report.error('version.type', '/version', `"version" must be a string such as "${RECOMMENDED_FLOW_JSON_VERSION}", not ${JSON.stringify(version)}.`, DOC.errors);
	} else if (!isKnownVersion(version)) {
		report.error(
			'version.unknown',
			'/version',
			`Flow JSON version "${version}" does not exist or is no longer supported. Publishable versions: ${PUBLISHABLE_FLOW_JSON_VERSIONS.join(', ')}.`,
			DOC.changelog,
		);
	} else if (!isPublishableVersion(version)) {
		report.warning(
			'version.not-publishable',
			'/version',
			`Not publishable: Flow JSON version "${version}" can still be sent but no longer published. Use ${PUBLISHABLE_FLOW_JSON_VERSIONS[0]} or later (${RECOMMENDED_FLOW_JSON_VERSION} is recommended).`,
			DOC.changelog,
		);
	}
	if (target !== undefined) {
		if (!isKnownVersion(target)) {
			report.warning('version.target-unknown', '/version', `The target version "${target}" is not a Flow JSON version; the flow was checked against its own.`, DOC.changelog);
		} else if (target !== version) {
			report.warning('version.target', '/version', `Checked against the rules of Flow JSON ${target} (the flow declares ${JSON.stringify(version ?? null)}).`, DOC.versioning);
		}
	}
	return typeof version === 'string' ? version : null;
}

export function checkTopLevel(ctx: RuleContext, sourceBytes: number | undefined): void {
	const { root, report } = ctx;
	for (const key of Object.keys(root)) {
		if (!TOP_LEVEL.has(key)) report.error('flow.unknown-property', `/${key}`, `Property "${key}" is not allowed at the top level of Flow JSON.`, DOC.topLevel, 'key');
	}
	const dataApi = root.data_api_version;
	if (dataApi !== undefined && !(typeof dataApi === 'string' && (DATA_API_VERSIONS as readonly string[]).includes(dataApi))) {
		report.error('data-api-version.invalid', '/data_api_version', `"data_api_version" must be one of ${DATA_API_VERSIONS.join(', ')}.`, DOC.changelog);
	}
	if (root.data_channel_uri !== undefined && versionRank(ctx.rulesVersion) >= versionRank('3.0')) {
		report.error(
			'flow.data-channel-uri',
			'/data_channel_uri',
			'"data_channel_uri" is not supported from Flow JSON 3.0 on: set the endpoint with the Flows API (endpoint_uri) instead.',
			DOC.topLevel,
			'key',
		);
	}
	const maxBytes = ctx.limits.counts.flowJsonBytes;
	if (sourceBytes !== undefined && sourceBytes > maxBytes.value) {
		report.error('flow.too-large', '', `Flow JSON is ${sourceBytes} bytes; the limit is ${maxBytes.value} (10 MB).`, maxBytes.doc);
	}
}
