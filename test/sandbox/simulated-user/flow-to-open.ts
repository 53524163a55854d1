// Which Flow JSON the app shows for a flow message, and whether it opens at all:
// - BLOCKED: "consumers will not be able to open previously sent Flow messages" (flows/guides/healthmonitoring);
//   THROTTLED still opens ("Consumers will still be able to open previously received Flows").
// - DEPRECATED still opens: "a deprecated Flow may still be present on users' devices and you may still see
//   responses from the deprecated Flow" (flows/reference/lifecycle).
// - draft mode shows the current JSON (the draft being tested); published mode shows the JSON as last published:
//   editing a published Flow returns it to DRAFT, and "Old messages will have previous content, but the new
//   messages will reflect the changes" (flows/reference/lifecycle). A Flow never published has nothing to show in
//   published mode (the Cloud API refuses such a send; only a message recorded in-process can ask for it).
import type { FlowRecord } from '../flows';
import { SimulatedUserError } from './errors';

export function flowJsonToOpen(flow: FlowRecord, mode: 'draft' | 'published'): string {
	if (flow.status === 'BLOCKED') {
		throw new SimulatedUserError('flow-not-openable', `flow ${flow.id} is BLOCKED: previously sent messages cannot open it`);
	}
	const text = mode === 'draft' ? flow.jsonText : flow.publishedJsonText;
	if (text === undefined) {
		throw new SimulatedUserError(
			'flow-not-openable',
			mode === 'draft'
				? `flow ${flow.id} has no Flow JSON`
				: `flow ${flow.id} is ${flow.status} and was never published: only a draft-mode message opens it`,
		);
	}
	return text;
}
