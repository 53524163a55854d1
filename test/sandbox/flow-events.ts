// A Flow changed status (published, deprecated, back to draft, throttled, blocked): Meta sends a `flows` webhook
// FLOW_STATUS_CHANGE to the app (flows/reference/flowswebhooks; flows/guides/healthmonitoring).
import type { FlowRecord, FlowStatus } from './flows';
import type { SandboxState } from './state';
import { webhookEnvelope } from './webhooks';
import { flowStatusValue } from './webhook-payloads';

export function flowStatusChanged(state: SandboxState, flow: FlowRecord, oldStatus: FlowStatus): void {
	if (oldStatus === flow.status) return;
	const time = Math.floor(Date.now() / 1000);
	state.webhooks.send(webhookEnvelope(flow.wabaId, [{ field: 'flows', value: flowStatusValue(flow, oldStatus, flow.status) }], time));
}
