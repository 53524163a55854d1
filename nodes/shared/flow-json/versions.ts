// Flow JSON versions (flows/changelogs "Currently Supported Versions"): publishing accepts 5.1, 6.0-6.3 and
// 7.0-7.3; sending (existing flows) still accepts 2.1, 3.0, 3.1, 4.0 and 5.0 as well. Any other version is refused.

export const PUBLISHABLE_FLOW_JSON_VERSIONS = ['5.1', '6.0', '6.1', '6.2', '6.3', '7.0', '7.1', '7.2', '7.3'] as const;
export type PublishableFlowJsonVersion = (typeof PUBLISHABLE_FLOW_JSON_VERSIONS)[number];
export const SEND_ONLY_FLOW_JSON_VERSIONS = ['2.1', '3.0', '3.1', '4.0', '5.0'] as const;
export const RECOMMENDED_FLOW_JSON_VERSION: PublishableFlowJsonVersion = '7.3';
/** flows/changelogs: Data API 3.0 and 4.0 (November 2025, recommended). */
export const DATA_API_VERSIONS = ['3.0', '4.0'] as const;

export function isPublishableVersion(version: string): version is PublishableFlowJsonVersion {
	return (PUBLISHABLE_FLOW_JSON_VERSIONS as readonly string[]).includes(version);
}

export function isKnownVersion(version: string): boolean {
	return isPublishableVersion(version) || (SEND_ONLY_FLOW_JSON_VERSIONS as readonly string[]).includes(version);
}

/** "6.3" → 603, so versions compare as numbers. */
export function versionRank(version: string): number {
	const match = /^(\d+)\.(\d+)$/.exec(version);
	return match === null ? Number.NaN : Number(match[1]) * 100 + Number(match[2]);
}

export function atLeast(version: string, since: string): boolean {
	return versionRank(version) >= versionRank(since);
}
