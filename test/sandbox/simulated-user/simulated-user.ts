// A simulated WhatsApp user (one wa_id) who opens the last flow a business sent them and goes through it in plain
// steps, as in the app: open, look, fill, pick files, press the footer, go back. The flow runs in the simulated
// client (../client); endpoint requests are counted for the Metrics API, and completing the flow sends the nfm_reply
// webhook to the business (flow-reply.ts).
import {
	openFlow,
	type EndpointClient,
	type EndpointExchange,
	type FlowSession,
	type MediaCdn,
	type ScreenView,
	type UploadFile,
} from '../client';
import type { FlowValue } from '../client/session-types';
import { recordEndpointTraffic } from '../endpoint-traffic';
import { toWaId, type SandboxState } from '../state';
import { SimulatedUserError } from './errors';
import { endpointClientFor } from './flow-endpoint-client';
import { lastFlowMessage, type FlowLaunch } from './flow-message';
import { mediaRegistrar, sendFlowReply, type FlowReply } from './flow-reply';
import { actionView, fillView, stepView, type FlowStep, type FlowStepKind, type StepResultView } from './step-view';
import { flowJsonToOpen } from './flow-to-open';

interface OpenedFlow {
	launch: FlowLaunch;
	session: FlowSession;
	endpoint?: EndpointClient;
	/** Exchanges already counted for the metrics. */
	counted: number;
	reply?: FlowReply;
}

export class SimulatedUser {
	readonly waId: string;
	/** Profile name in the webhooks; default the name the user gave before, else "User NNNN". */
	name: string | undefined;
	private opened: OpenedFlow | undefined;

	constructor(
		private readonly state: SandboxState,
		waId: string,
		private readonly cdn: () => MediaCdn,
	) {
		this.waId = toWaId(waId);
	}

	/** The flow being run (undefined before `openLastFlow`): for field(), texts(), events, completion. */
	get session(): FlowSession | undefined {
		return this.opened?.session;
	}

	/** The endpoint client of an endpoint flow: its `log` holds every exchange of the session. */
	get endpoint(): EndpointClient | undefined {
		return this.opened?.endpoint;
	}

	get launch(): FlowLaunch | undefined {
		return this.opened?.launch;
	}

	/** The nfm_reply sent when the flow completed. */
	get reply(): FlowReply | undefined {
		return this.opened?.reply;
	}

	/** Taps the CTA of the newest delivered message that opens a flow (interactive flow message or FLOW button). */
	async openLastFlow(): Promise<FlowStep> {
		const launch = lastFlowMessage(this.state, this.waId);
		const phoneNumberId = launch.message.phoneNumberId;
		const jsonText = flowJsonToOpen(launch.flow, launch.mode);
		const endpoint = endpointClientFor(this.state, launch.flow, phoneNumberId, jsonText);
		const session = await openFlow({
			flowJson: jsonText,
			endpoint,
			...launch.launch,
			mode: launch.mode,
			cdn: this.cdn(),
			registerMedia: mediaRegistrar(this.state, phoneNumberId),
		});
		const opened: OpenedFlow = { launch, session, endpoint, counted: 0 };
		this.opened = opened;
		const exchanges = this.settle(opened);
		const result: StepResultView =
			session.status === 'failed' ? { outcome: 'failed', message: session.errorMessage ?? 'the flow did not open' } : { outcome: 'opened' };
		return stepView({ step: 'open', result, session, launch, exchanges, reply: opened.reply });
	}

	/** The current screen as the user sees it. */
	screen(): ScreenView {
		return this.require().session.screen();
	}

	/** Where the flow is: status, screen, banner, reply, and every endpoint exchange of the session. */
	view(): FlowStep {
		const opened = this.require();
		return stepView({
			step: 'screen',
			result: { outcome: 'shown' },
			session: opened.session,
			launch: opened.launch,
			exchanges: opened.endpoint?.log ?? [],
			reply: opened.reply,
		});
	}

	/** Enters values: text as strings, choices as option ids, dates "YYYY-MM-DD", OptIn booleans (see the client's README). */
	fill(values: Record<string, FlowValue>): Promise<FlowStep> {
		return this.step('fill', async (session) => fillView(await session.fill(values)));
	}

	/** Picks files in a PhotoPicker / DocumentPicker: encrypted to the sandbox's flow-media CDN as WhatsApp does. */
	selectFiles(field: string, files: UploadFile[]): Promise<FlowStep> {
		return this.step('select-files', async (session) => fillView(await session.fill({ [field]: files })));
	}

	pressFooter(): Promise<FlowStep> {
		return this.step('press-footer', async (session) => actionView(await session.pressFooter()));
	}

	goBack(): Promise<FlowStep> {
		return this.step('back', async (session) => actionView(await session.goBack()));
	}

	private require(): OpenedFlow {
		if (!this.opened) throw new SimulatedUserError('no-open-flow', `user ${this.waId} has not opened a flow (open-last first)`);
		return this.opened;
	}

	private async step(step: FlowStepKind, act: (session: FlowSession) => Promise<StepResultView>): Promise<FlowStep> {
		const opened = this.require();
		const before = opened.endpoint?.log.length ?? 0;
		let result: StepResultView;
		try {
			result = await act(opened.session);
		} finally {
			this.settle(opened);
		}
		const exchanges = opened.endpoint?.log.slice(before) ?? [];
		return stepView({ step, result, session: opened.session, launch: opened.launch, exchanges, reply: opened.reply });
	}

	/**
	 * After a step: counts new endpoint requests for the Metrics API, and sends the nfm_reply once the flow has
	 * completed. Answers the exchanges the step made.
	 */
	private settle(opened: OpenedFlow): EndpointExchange[] {
		const log = opened.endpoint?.log ?? [];
		const fresh = log.slice(opened.counted);
		for (const exchange of fresh) recordEndpointTraffic(this.state, opened.launch.flow.id, exchange);
		opened.counted = log.length;
		const completion = opened.session.completion;
		if (completion && !opened.reply) {
			opened.reply = sendFlowReply(this.state, {
				waId: this.waId,
				name: this.name,
				phoneNumberId: opened.launch.message.phoneNumberId,
				flowMessageId: opened.launch.message.id,
				responseJson: completion.responseJson,
			});
		}
		return fresh;
	}
}
