// The simulated WhatsApp client's Flow runner: opens a Flow JSON, shows screens, takes the user's input, runs
// actions, speaks to the endpoint, and ends with the completion message's response_json
// (developers.facebook.com/docs/whatsapp/flows/reference/flowjson "Actions"; reference/components;
// guides/implementingyourflowendpoint for INIT / data_exchange / BACK and the answers).
import type { BindingScope, ScreenState } from './bindings';
import { resolveObject } from './bindings';
import { valueKind } from './component-kinds';
import type { ScreenAnswer } from './endpoint-answer';
import type { EndpointClient, EndpointExchange, RequestContext, RequestFields } from './endpoint-client';
import {
	FlowJsonError,
	exampleData,
	readFlowJson,
	routeAllowed,
	versionAtLeast,
	type FlowDocument,
	type FlowScreen,
} from './flow-json';
import { cloneJson, isJsonObject, type JsonObject, type JsonValue } from './json';
import { renderLayout, type RenderedComponent } from './layout';
import { InMemoryCdn, type MediaCdn } from './media-cdn';
import { pickFile, pickerProblem, endpointForm, type PickedMedia, type UploadFile } from './media-picker';
import { assertMediaPlacement, completionPayload, mediaInPayload } from './payload-media';
import { componentView, isEnabled, type ComponentView, type ScreenView } from './screen-view';
import { selectionActions } from './selection-actions';
import {
	FlowInputError,
	FlowStateError,
	GENERIC_ERROR,
	type ActionResult,
	type FillResult,
	type FlowCompletion,
	type FlowEvent,
	type FlowValue,
	type OpenFlowOptions,
	type SessionStatus,
} from './session-types';
import { fieldProblem, valueFits } from './validation';

interface ActiveScreen {
	screen: FlowScreen;
	data: JsonObject;
	form: JsonObject;
	clientErrors: Record<string, string>;
	dismissed: Set<string>;
	banner?: string;
}

function isUploadList(value: FlowValue): value is UploadFile[] {
	return Array.isArray(value) && value.every((f) => isJsonObject(f as JsonValue) && (f as UploadFile).bytes instanceof Uint8Array);
}

export class FlowSession {
	readonly doc: FlowDocument;
	readonly flowToken: string;
	readonly mode: 'draft' | 'published';
	readonly events: FlowEvent[] = [];
	readonly media = new Map<string, PickedMedia>();
	readonly cdn: MediaCdn;
	private readonly stack: ActiveScreen[] = [];
	private readonly screenStates = new Map<string, ScreenState>();
	private statusValue: SessionStatus = 'open';
	private completionValue: FlowCompletion | undefined;
	private failure: string | undefined;

	constructor(private readonly options: OpenFlowOptions) {
		this.doc = readFlowJson(options.flowJson);
		this.flowToken = options.flowToken;
		this.mode = options.mode ?? 'published';
		this.cdn = options.cdn ?? new InMemoryCdn();
	}

	get status(): SessionStatus {
		return this.statusValue;
	}

	get completion(): FlowCompletion | undefined {
		return this.completionValue;
	}

	/** Why the flow could not open (INIT failed), or the message shown when it was disabled. */
	get errorMessage(): string | undefined {
		return this.failure ?? this.stack.at(-1)?.banner;
	}

	get endpoint(): EndpointClient | undefined {
		return this.options.endpoint;
	}

	/** The ids of the screens on the back stack, the current one last. */
	get history(): string[] {
		return this.stack.map((s) => s.screen.id);
	}

	/** Opens the flow: INIT for a data_exchange flow, else the initial screen with its payload. */
	async start(): Promise<void> {
		this.log('opened');
		if ((this.options.flowAction ?? 'navigate') === 'data_exchange') {
			if (!this.options.endpoint) throw new FlowStateError('a data_exchange flow needs an endpoint');
			const result = await this.exchange({ action: 'INIT', flow_token: this.flowToken }, 'INIT');
			if (result.outcome === 'endpoint-error' && this.stack.length === 0) {
				this.failure = result.message;
				if (this.statusValue === 'open') this.statusValue = 'failed';
			}
			return;
		}
		const id = this.options.initialScreen ?? this.doc.screens[0].id;
		this.enter(this.screenById(id), this.options.initialData ?? {});
	}

	// ---- what the user sees ----

	screen(): ScreenView {
		const current = this.current();
		const form = current.form;
		const components = this.render().map((rc) => componentView(rc, form, current));
		const view: ScreenView = {
			id: current.screen.id,
			terminal: current.screen.terminal,
			data: cloneJson(current.data),
			components,
		};
		if (current.screen.title !== undefined) view.title = current.screen.title;
		if (current.screen.success !== undefined) view.success = current.screen.success;
		const footer = components.find((c) => c.type === 'Footer' && c.visible);
		if (footer) view.footer = footer;
		if (current.banner !== undefined) view.errorMessage = current.banner;
		return view;
	}

	/** The visible input with this name on the current screen. */
	field(name: string): ComponentView | undefined {
		return this.screen().components.find((c) => c.name === name && c.visible);
	}

	/** Texts of the visible text components, in order. */
	texts(): string[] {
		return this.screen()
			.components.filter((c) => c.visible && c.text !== undefined)
			.map((c) => c.text as string);
	}

	// ---- what the user does ----

	/** Enters values; pickers take files (`[{fileName, bytes, mimeType?}]`). Runs on-select / on-unselect actions. */
	async fill(values: Record<string, FlowValue>): Promise<FillResult> {
		const result: FillResult = { errors: {}, actions: [] };
		for (const [name, value] of Object.entries(values)) {
			this.assertOpen();
			const current = this.current();
			current.banner = undefined;
			const rc = this.inputNamed(name);
			const before = current.form[name];
			let stored: JsonValue;
			if (valueKind(rc.type) === 'media') {
				if (!isUploadList(value)) throw new FlowInputError(`"${name}" takes files: [{fileName, bytes}]`);
				const problem = pickerProblem(rc.type, rc.props, value);
				if (problem) {
					current.clientErrors[name] = problem;
					result.errors[name] = problem;
					continue;
				}
				const picked = await Promise.all(value.map((file) => pickFile(file, this.cdn)));
				for (const m of picked) this.media.set(m.mediaId, m);
				stored = picked.map(endpointForm);
			} else {
				if (isUploadList(value) && value.length > 0) throw new FlowInputError(`"${name}" does not take files`);
				const json = value as JsonValue;
				if (!valueFits(rc.type, json)) throw new FlowInputError(`"${name}" (${rc.type}) cannot hold ${JSON.stringify(json)}`);
				stored = json;
			}
			current.form[name] = stored;
			current.dismissed.add(name);
			const problem = fieldProblem(rc, stored, false);
			if (problem) {
				current.clientErrors[name] = problem;
				result.errors[name] = problem;
				continue;
			}
			delete current.clientErrors[name];
			for (const action of selectionActions(rc, before, stored)) {
				result.actions.push(await this.run(action));
				if (this.statusValue !== 'open' || this.current() !== current) return result;
			}
		}
		return result;
	}

	/** Presses the Footer: required fields and input rules first, then its on-click-action. */
	async pressFooter(): Promise<ActionResult> {
		this.assertOpen();
		this.current().banner = undefined;
		const rendered = this.render();
		const footer = rendered.find((rc) => rc.type === 'Footer' && rc.visible);
		if (!footer) throw new FlowInputError(`screen ${this.current().screen.id} has no Footer`);
		if (!isEnabled(footer.props)) throw new FlowInputError('the Footer is disabled');
		const errors = this.validateAll(rendered);
		if (Object.keys(errors).length > 0) return { outcome: 'invalid', errors };
		return this.run(this.actionOf(footer.definition['on-click-action'], 'Footer'));
	}

	/** Taps an EmbeddedLink (by its text) or an OptIn's "Read more" (by its name). */
	async pressLink(textOrName: string): Promise<ActionResult> {
		this.assertOpen();
		this.current().banner = undefined;
		const target = this.render().find(
			(rc) =>
				rc.visible &&
				((rc.type === 'EmbeddedLink' && rc.props.text === textOrName) || (rc.type === 'OptIn' && rc.props.name === textOrName)),
		);
		if (!target || target.definition['on-click-action'] === undefined) {
			throw new FlowInputError(`no visible link "${textOrName}" on screen ${this.current().screen.id}`);
		}
		return this.run(this.actionOf(target.definition['on-click-action'], target.type));
	}

	/** The back button: BACK to the endpoint when the screen has refresh_on_back, else the cached previous screen. */
	async goBack(): Promise<ActionResult> {
		this.assertOpen();
		const current = this.current();
		current.banner = undefined;
		if (this.stack.length === 1) {
			this.statusValue = 'closed';
			this.log('closed', current.screen.id);
			return { outcome: 'closed' };
		}
		if (current.screen.refreshOnBack && this.options.endpoint) {
			// flowjson "refresh_on_back": a BACK request for this screen; the answer names the screen to show.
			return this.exchange({ action: 'BACK', screen: current.screen.id, flow_token: this.flowToken }, 'BACK');
		}
		this.stack.pop();
		this.log('back', this.current().screen.id, current.screen.id);
		return { outcome: 'navigated', screen: this.current().screen.id };
	}

	// ---- actions ----

	private actionOf(value: JsonValue | undefined, owner: string): JsonObject {
		if (!isJsonObject(value) || typeof value.name !== 'string') throw new FlowJsonError(`${owner} has no valid action`);
		return value;
	}

	private async run(action: JsonObject): Promise<ActionResult> {
		const name = action.name as string;
		const payload = isJsonObject(action.payload) ? resolveObject(action.payload, this.scope()) : {};
		assertMediaPlacement(name, payload, this.media);
		switch (name) {
			case 'navigate': {
				const next = isJsonObject(action.next) ? action.next.name : undefined;
				if (typeof next !== 'string') throw new FlowJsonError('navigate has no next.name');
				const from = this.current().screen.id;
				if (!routeAllowed(this.doc, from, next)) throw new FlowJsonError(`routing_model does not allow ${from} → ${next}`);
				this.enter(this.screenById(next), payload);
				this.log('navigated', next, from);
				return { outcome: 'navigated', screen: next };
			}
			case 'complete':
				return this.complete(payload, 'complete');
			case 'data_exchange':
				if (!this.options.endpoint) throw new FlowStateError('data_exchange needs an endpoint (none given to openFlow)');
				return this.exchange(
					{ action: 'data_exchange', screen: this.current().screen.id, data: payload, flow_token: this.flowToken },
					'data_exchange',
				);
			case 'update_data': {
				this.requireVersion('6.0', 'update_data');
				const current = this.current();
				Object.assign(current.data, payload);
				this.log('update_data', current.screen.id, payload);
				return { outcome: 'updated', screen: current.screen.id };
			}
			case 'open_url': {
				this.requireVersion('6.0', 'open_url');
				const url = typeof action.url === 'string' ? action.url : '';
				this.log('open_url', this.current().screen.id, url);
				return { outcome: 'opened-url', url };
			}
			default:
				throw new FlowJsonError(`unknown action "${name}"`);
		}
	}

	private async complete(payload: JsonObject, via: 'complete' | 'endpoint'): Promise<ActionResult> {
		if (via === 'complete' && this.options.registerMedia) {
			for (const file of mediaInPayload(payload, this.media)) {
				file.webhookMediaId = await this.options.registerMedia({
					fileName: file.fileName,
					mimeType: file.mimeType,
					bytes: file.bytes,
					sha256: file.sha256,
				});
			}
		}
		const converted = via === 'complete' ? completionPayload(payload, this.media) : { payload, media: [] };
		const response: JsonObject = via === 'complete' ? { flow_token: this.flowToken, ...converted.payload } : converted.payload;
		if (via === 'complete') response.flow_token = this.flowToken;
		const completion: FlowCompletion = {
			responseJson: JSON.stringify(response),
			response,
			completedAt: this.now(),
			flowToken: this.flowToken,
			via,
			screen: this.stack.at(-1)?.screen.id ?? '',
			media: converted.media,
		};
		this.completionValue = completion;
		this.statusValue = 'completed';
		this.log('completed', completion.screen, response);
		return { outcome: 'completed', completion };
	}

	// ---- the endpoint ----

	private context(): RequestContext {
		return { dataApiVersion: this.doc.dataApiVersion, flowJsonVersion: this.doc.version };
	}

	private async exchange(fields: RequestFields, kind: 'INIT' | 'BACK' | 'data_exchange'): Promise<ActionResult> {
		const endpoint = this.options.endpoint as EndpointClient;
		const exchange = await endpoint.send(fields, this.context());
		this.log('endpoint', fields.screen, fields.action, exchange);
		const outcome = exchange.outcome;
		if (outcome.kind === 'flow-token-invalid') {
			const message = outcome.errorMsg ?? GENERIC_ERROR;
			this.showBanner(message);
			this.statusValue = 'disabled';
			this.log('disabled', fields.screen, message);
			return { outcome: 'endpoint-error', message, exchange };
		}
		if (outcome.kind !== 'ok') {
			this.showBanner(GENERIC_ERROR);
			this.log('error', fields.screen, outcome.kind);
			return { outcome: 'endpoint-error', message: GENERIC_ERROR, exchange };
		}
		const answer = outcome.answer as unknown as ScreenAnswer;
		if (answer.screen === 'SUCCESS') {
			const ext = answer.data.extension_message_response as JsonObject;
			return this.complete(ext.params as JsonObject, 'endpoint');
		}
		const target = this.doc.screens.find((s) => s.id === answer.screen);
		const from = this.stack.at(-1)?.screen.id;
		if (!target || (kind === 'data_exchange' && from !== undefined && !routeAllowed(this.doc, from, answer.screen))) {
			const message = target ? `transition ${from} → ${answer.screen} not in routing_model` : `screen ${answer.screen} not found`;
			await endpoint.notifyError(
				{ action: fields.action, flow_token: this.flowToken, screen: fields.screen, error: 'invalid-screen-transition', errorMessage: message },
				this.context(),
			);
			this.showBanner(GENERIC_ERROR);
			this.log('error', fields.screen, message);
			return { outcome: 'endpoint-error', message: GENERIC_ERROR, exchange };
		}
		return this.applyAnswer(target, answer.data, kind);
	}

	/** An answer for the current screen refreshes it; another screen is shown (BACK: popped back to, if on the stack). */
	private applyAnswer(target: FlowScreen, data: JsonObject, kind: 'INIT' | 'BACK' | 'data_exchange'): ActionResult {
		const banner = typeof data.error_message === 'string' && data.error_message !== '' ? data.error_message : undefined;
		const current = this.stack.at(-1);
		if (kind === 'data_exchange' && current && current.screen.id === target.id) {
			Object.assign(current.data, data);
			current.dismissed.clear();
			current.banner = banner;
			return { outcome: 'updated', screen: target.id };
		}
		const from = current?.screen.id;
		const backIndex = kind === 'BACK' ? this.stack.findIndex((s) => s.screen.id === target.id) : -1;
		if (backIndex >= 0) {
			this.stack.splice(backIndex + 1);
			const shown = this.current();
			shown.data = { ...data };
			this.screenStates.set(target.id, { data: shown.data, form: shown.form });
			shown.dismissed.clear();
			shown.banner = banner;
			this.log('back', target.id, from ?? null);
		} else {
			this.enter(target, data);
			this.current().banner = banner;
			this.log('navigated', target.id, from ?? null);
		}
		return { outcome: 'navigated', screen: target.id };
	}

	// ---- screens and state ----

	private enter(screen: FlowScreen, data: JsonObject): void {
		// Without an endpoint, the declared __example__ values stand in for data nobody sends (flowjson "Screen Data
		// Declaration"); what the message or navigate payload carries wins.
		const base = this.options.endpoint ? {} : exampleData(screen.dataSchema);
		const active: ActiveScreen = {
			screen,
			data: { ...cloneJson(base), ...cloneJson(data) },
			form: {},
			clientErrors: {},
			dismissed: new Set(),
		};
		this.stack.push(active);
		this.screenStates.set(screen.id, { data: active.data, form: active.form });
		for (const rc of this.render()) {
			const name = rc.props.name;
			if (typeof name !== 'string' || !valueKind(rc.type)) continue;
			const init = rc.props['init-value'] ?? rc.formInitValues?.[name];
			if (init !== undefined && valueFits(rc.type, init)) active.form[name] = init;
		}
	}

	private current(): ActiveScreen {
		const top = this.stack.at(-1);
		if (!top) throw new FlowStateError(`the flow has no screen (${this.failure ?? this.statusValue})`);
		return top;
	}

	private screenById(id: string): FlowScreen {
		const screen = this.doc.screens.find((s) => s.id === id);
		if (!screen) throw new FlowJsonError(`no screen "${id}" in the Flow JSON`);
		return screen;
	}

	private scope(): BindingScope {
		const current = this.current();
		return {
			data: current.data,
			form: current.form,
			screen: (id) => (id === current.screen.id ? current : this.screenStates.get(id)),
		};
	}

	private render(): RenderedComponent[] {
		return renderLayout(this.current().screen.children, this.scope());
	}

	private inputNamed(name: string): RenderedComponent {
		const rendered = this.render().filter((rc) => rc.props.name === name && valueKind(rc.type));
		const rc = rendered.find((r) => r.visible) ?? rendered[0];
		const screenId = this.current().screen.id;
		if (!rc) throw new FlowInputError(`no input "${name}" on screen ${screenId}`);
		if (!rc.visible) throw new FlowInputError(`input "${name}" is not visible on screen ${screenId}`);
		if (!isEnabled(rc.props)) throw new FlowInputError(`input "${name}" is disabled on screen ${screenId}`);
		return rc;
	}

	private validateAll(rendered: RenderedComponent[]): Record<string, string> {
		const current = this.current();
		const errors: Record<string, string> = {};
		for (const rc of rendered) {
			const name = rc.props.name;
			if (!rc.visible || typeof name !== 'string' || !valueKind(rc.type)) continue;
			const problem = current.clientErrors[name] ?? fieldProblem(rc, current.form[name], true);
			if (problem) errors[name] = problem;
		}
		Object.assign(current.clientErrors, errors);
		return errors;
	}

	private showBanner(message: string): void {
		const top = this.stack.at(-1);
		if (top) top.banner = message;
		else this.failure = message;
	}

	private requireVersion(min: string, feature: string): void {
		if (!versionAtLeast(this.doc.version, min)) throw new FlowJsonError(`${feature} needs Flow JSON ${min}+ (this is ${this.doc.version})`);
	}

	private assertOpen(): void {
		if (this.statusValue !== 'open') throw new FlowStateError(`the flow is ${this.statusValue}`);
	}

	private now(): Date {
		return this.options.now ? this.options.now() : new Date();
	}

	private log(type: FlowEvent['type'], screen?: string, detail?: JsonValue | null, exchange?: EndpointExchange): void {
		const event: FlowEvent = { at: this.now(), type };
		if (screen !== undefined) event.screen = screen;
		if (detail !== undefined && detail !== null) event.detail = detail;
		if (exchange) event.exchange = exchange;
		this.events.push(event);
	}
}

/** Opens a flow as the app does when the user taps the message's CTA. */
export async function openFlow(options: OpenFlowOptions): Promise<FlowSession> {
	const session = new FlowSession(options);
	await session.start();
	return session;
}

export { FlowInputError, FlowStateError, GENERIC_ERROR };
export type { ActionResult, FillResult, FlowCompletion, FlowEvent, FlowValue, OpenFlowOptions, SessionStatus };
