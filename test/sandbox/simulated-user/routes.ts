// The sandbox API for simulated users going through flows, under /__sandbox/users/{waId}/…: every step answers the
// FlowStep JSON (step-view.ts). Errors: 400 {error, code: "input"} for what the app's UI does not allow
// (FlowInputError) or a malformed body, 409 {code: "state"} for a finished flow (FlowStateError), 422
// {code: "flow-json"} for a Flow JSON the app refuses at run time, and the SimulatedUserError codes (404 / 409).
import { FlowInputError, FlowJsonError, FlowStateError, type UploadFile } from '../client';
import { endpointForm, pickFile } from '../client/media-picker';
import type { FlowValue } from '../client/session-types';
import { isRecord } from '../http-io';
import { BadRequest, type InspectionRequest, type InspectionRoute } from '../inspection-types';
import { SimulatedUserError } from './errors';
import type { SimulatedUser } from './simulated-user';
import type { FlowStep } from './step-view';

type Answer = { status: number; body: unknown };

async function body(req: InspectionRequest): Promise<Record<string, unknown>> {
	const value = await req.json();
	if (!isRecord(value)) throw new BadRequest('the body must be a JSON object');
	return value;
}

function failure(error: unknown): Answer | undefined {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof SimulatedUserError) return { status: error.httpStatus, body: { error: message, code: error.code } };
	if (error instanceof FlowInputError) return { status: 400, body: { error: message, code: 'input' } };
	if (error instanceof FlowStateError) return { status: 409, body: { error: message, code: 'state' } };
	if (error instanceof FlowJsonError) return { status: 422, body: { error: message, code: 'flow-json' } };
	return undefined;
}

/** A route acting on the user named by the path; known failures become JSON answers. */
function userRoute(
	method: InspectionRoute['method'],
	path: string,
	act: (user: SimulatedUser, req: InspectionRequest) => Promise<FlowStep> | FlowStep,
): InspectionRoute {
	return {
		method,
		path: `/users/:id/flow/${path}`,
		handle: async (req) => {
			const user = req.state.simulatedUsers.get(req.segments[1]);
			try {
				return { status: 200, body: await act(user, req) };
			} catch (error: unknown) {
				const answer = failure(error);
				if (!answer) throw error;
				return answer;
			}
		},
	};
}

function readFiles(value: unknown): UploadFile[] {
	if (!Array.isArray(value)) throw new BadRequest('files must be an array of {fileName, mimeType?, base64}');
	return value.map((f, i) => {
		if (!isRecord(f) || typeof f.fileName !== 'string' || typeof f.base64 !== 'string') {
			throw new BadRequest(`files[${i}] must be {fileName, mimeType?, base64}`);
		}
		const file: UploadFile = { fileName: f.fileName, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) };
		if (typeof f.mimeType === 'string') file.mimeType = f.mimeType;
		return file;
	});
}

export const SIMULATED_USER_ROUTES: readonly InspectionRoute[] = [
	userRoute('POST', 'open-last', async (user, req) => {
		const name = (await body(req)).name;
		if (name !== undefined) {
			if (typeof name !== 'string' || name === '') throw new BadRequest('name must be a non-empty string');
			user.name = name;
		}
		return user.openLastFlow();
	}),
	userRoute('GET', 'screen', (user) => user.view()),
	userRoute('POST', 'fill', async (user, req) => {
		const values = (await body(req)).values;
		if (!isRecord(values)) throw new BadRequest('values must be an object {field: value}');
		return user.fill(values as Record<string, FlowValue>);
	}),
	userRoute('POST', 'select-files', async (user, req) => {
		const b = await body(req);
		if (typeof b.field !== 'string' || b.field === '') throw new BadRequest('field must be the picker\'s name');
		return user.selectFiles(b.field, readFiles(b.files));
	}),
	userRoute('POST', 'press-footer', (user) => user.pressFooter()),
	userRoute('POST', 'back', (user) => user.goBack()),
	{
		// Files as a user picks them, without running a flow: encrypted as WhatsApp does (client/media-crypto.ts), put
		// on the flow-media CDN, answered in the form the endpoint receives them (reference/media_upload). For tests
		// and demos of the receiving side; a flow's own picks go through select-files.
		method: 'POST',
		path: '/flow-media',
		handle: async (req) => {
			const files = readFiles((await body(req)).files);
			const cdn = req.state.simulatedUsers.cdn;
			return { status: 201, body: await Promise.all(files.map(async (file) => endpointForm(await pickFile(file, cdn)))) };
		},
	},
	{
		// What the user received (accepted, not failed), oldest first: the same list as GET /messages?to=.
		method: 'GET',
		path: '/users/:id/messages',
		handle: ({ state, segments }) => ({ status: 200, body: state.messagesTo(segments[1]) }),
	},
];
