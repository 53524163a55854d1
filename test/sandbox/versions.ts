// Graph API versions the sandbox serves. META-FACTS: v21 .. v25 (Feb 2026) and v26 (Jul 2026) are current;
// graph-api/guides/versioning and graph-api/changelog list the others as expired.
import { deprecatedVersion, type GraphError } from './errors';

export const SUPPORTED_VERSIONS = ['v21.0', 'v22.0', 'v23.0', 'v24.0', 'v25.0', 'v26.0'] as const;
export type GraphVersion = (typeof SUPPORTED_VERSIONS)[number];
export const LATEST_VERSION: GraphVersion = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];

export function isSupportedVersion(segment: string): segment is GraphVersion {
	return (SUPPORTED_VERSIONS as readonly string[]).includes(segment);
}

/**
 * Any other first path segment answers code 2635 (deprecated version). Stricter than Graph, which serves
 * unversioned paths with the app's default version: our nodes must always name a version, so the sandbox makes
 * a missing or mistyped one visible.
 */
export function versionError(): GraphError {
	return deprecatedVersion(LATEST_VERSION);
}
