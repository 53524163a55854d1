// Types shared by the sandbox API's route tables (inspection.ts, inspection-scripting.ts).
import type { SandboxState } from './state';

export interface InspectionRequest {
	state: SandboxState;
	url: URL;
	/** Path segments after /__sandbox. */
	segments: string[];
	json(): Promise<unknown>;
}

export interface InspectionRoute {
	method: 'GET' | 'POST' | 'DELETE';
	/** Path after /__sandbox; ':id' matches one segment. */
	path: string;
	handle(req: InspectionRequest): { status: number; body: unknown } | Promise<{ status: number; body: unknown }>;
}

/** Answered as HTTP 400 {error: message}. */
export class BadRequest extends Error {}

export const OK = { status: 200, body: { ok: true } };
