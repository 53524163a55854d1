import type { IssueCollector } from './issues';
import { FLOW_JSON_LIMITS, type FlowJsonLimits } from './limits';
import type { JsonObject, ScreenModel } from './model';
import { atLeast, isKnownVersion, isPublishableVersion, RECOMMENDED_FLOW_JSON_VERSION, versionRank } from './versions';

export interface RuleContext {
	readonly root: JsonObject;
	readonly screens: readonly ScreenModel[];
	readonly screensById: ReadonlyMap<string, ScreenModel>;
	/** The version whose rules apply: the target, else the declared one, else the recommended one. */
	readonly rulesVersion: string;
	readonly limits: FlowJsonLimits;
	/** `data_api_version` is set: the flow talks to an endpoint. */
	readonly hasEndpoint: boolean;
	readonly report: IssueCollector;
}

export function supports(ctx: RuleContext, since: string): boolean {
	return atLeast(ctx.rulesVersion, since);
}

/** The version to check against; unknown or missing versions are checked as the recommended one. */
export function rulesVersionOf(declared: string | null, target: string | undefined): string {
	if (target !== undefined && isKnownVersion(target)) return target;
	if (declared !== null && isKnownVersion(declared)) return declared;
	return RECOMMENDED_FLOW_JSON_VERSION;
}

/**
 * The limits of a version. Meta documents limits for the publishable versions; an older draft-only version is
 * held to the oldest publishable table (5.1), which is what it must meet once its version is raised.
 */
export function limitsFor(version: string): FlowJsonLimits {
	if (isPublishableVersion(version)) return FLOW_JSON_LIMITS[version];
	return versionRank(version) < versionRank('5.1') ? FLOW_JSON_LIMITS['5.1'] : FLOW_JSON_LIMITS[RECOMMENDED_FLOW_JSON_VERSION];
}
