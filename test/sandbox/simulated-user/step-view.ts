// The JSON a test reads after each step of a simulated user (in-process and over HTTP alike): the outcome, the new
// screen, the endpoint exchanges the step made (status codes and outcome kinds: ok, key-rejected 421,
// flow-token-invalid 427 with error_msg, signature-rejected 432, http-error, timeout, network-error, empty-body,
// undecryptable, bad-shape), and the nfm_reply sent when the flow completed.
import type { ActionResult, EndpointExchange, EndpointOutcome, FillResult, FlowSession, ScreenView, SessionStatus } from '../client';
import type { EndpointRequestPayload } from '../client';
import type { JsonObject } from '../client/json';
import type { FlowLaunch } from './flow-message';
import type { FlowReply } from './flow-reply';

export type FlowStepKind = 'open' | 'screen' | 'fill' | 'select-files' | 'press-footer' | 'back';

export interface ExchangeView {
	seq: number;
	at: string;
	/** ping, error-notification (the client reporting a bad answer) or screen (INIT, data_exchange, BACK). */
	kind: EndpointExchange['kind'];
	/** The decrypted request as the endpoint reads it. */
	request: EndpointRequestPayload;
	/** HTTP status of each attempt (two after a 421); null = no answer. */
	statuses: (number | null)[];
	attempts: { status: number | null; ms: number; signature: string }[];
	outcome: EndpointOutcome;
}

export type ActionView =
	| { outcome: 'navigated' | 'updated'; screen: string }
	| { outcome: 'completed'; via: 'complete' | 'endpoint'; responseJson: string; response: JsonObject }
	| { outcome: 'invalid'; errors: Record<string, string> }
	| { outcome: 'endpoint-error'; message: string; exchange: number | null }
	| { outcome: 'opened-url'; url: string }
	| { outcome: 'closed' };

export type StepResultView =
	| ActionView
	| { outcome: 'filled'; errors: Record<string, string>; actions: ActionView[] }
	| { outcome: 'opened' }
	/** INIT failed: the flow never showed a screen. */
	| { outcome: 'failed'; message: string }
	| { outcome: 'shown' };

export interface FlowStep {
	step: FlowStepKind;
	result: StepResultView;
	status: SessionStatus;
	/** null when no screen is shown (INIT failed). */
	screen: ScreenView | null;
	/** The banner: the endpoint's error_message, a 427 error_msg, the generic error, or why the flow did not open. */
	errorMessage?: string;
	/** Screen ids on the back stack, the current one last. */
	history: string[];
	/** Endpoint exchanges of this step (GET screen: all of the session's). */
	exchanges: ExchangeView[];
	/** The nfm_reply the user sent when the flow completed. */
	reply?: FlowReply;
	flow: { id: string; name: string; mode: 'draft' | 'published'; flowToken: string; messageId: string; via: FlowLaunch['via'] };
}

export function exchangeView(exchange: EndpointExchange): ExchangeView {
	return {
		seq: exchange.seq,
		at: exchange.at.toISOString(),
		kind: exchange.kind,
		request: exchange.payload,
		statuses: exchange.attempts.map((a) => a.status),
		attempts: exchange.attempts.map((a) => ({ status: a.status, ms: a.ms, signature: a.signature })),
		outcome: exchange.outcome,
	};
}

export function actionView(result: ActionResult): ActionView {
	switch (result.outcome) {
		case 'completed':
			return {
				outcome: 'completed',
				via: result.completion.via,
				responseJson: result.completion.responseJson,
				response: result.completion.response,
			};
		case 'endpoint-error':
			return { outcome: 'endpoint-error', message: result.message, exchange: result.exchange?.seq ?? null };
		default:
			return result;
	}
}

export function fillView(result: FillResult): StepResultView {
	return { outcome: 'filled', errors: result.errors, actions: result.actions.map(actionView) };
}

function currentScreen(session: FlowSession): ScreenView | null {
	return session.history.length > 0 ? session.screen() : null;
}

export function stepView(input: {
	step: FlowStepKind;
	result: StepResultView;
	session: FlowSession;
	launch: FlowLaunch;
	exchanges: EndpointExchange[];
	reply?: FlowReply;
}): FlowStep {
	const { session, launch } = input;
	const view: FlowStep = {
		step: input.step,
		result: input.result,
		status: session.status,
		screen: currentScreen(session),
		history: session.history,
		exchanges: input.exchanges.map(exchangeView),
		flow: {
			id: launch.flow.id,
			name: launch.flow.name,
			mode: launch.mode,
			flowToken: session.flowToken,
			messageId: launch.message.id,
			via: launch.via,
		},
	};
	if (session.errorMessage !== undefined) view.errorMessage = session.errorMessage;
	if (input.reply) view.reply = input.reply;
	return view;
}
