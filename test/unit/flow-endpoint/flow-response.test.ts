import {
	checkCustomResponse,
	completeResponse,
	fieldErrorsResponse,
	FlowResponseShapeError,
	nextScreenResponse,
	parseJsonParameter,
	readEncryptionContext,
} from '../../../nodes/shared/flow-endpoint/flow-response';

function shapeError(action: () => unknown): string {
	try {
		action();
	} catch (error) {
		expect(error).toBeInstanceOf(FlowResponseShapeError);
		return (error as Error).message;
	}
	throw new Error('expected a FlowResponseShapeError');
}

describe('Next screen', () => {
	it('is {screen, data}', () => {
		expect(nextScreenResponse('APPOINTMENT', { slots: ['10:00'] })).toEqual({ screen: 'APPOINTMENT', data: { slots: ['10:00'] } });
	});

	it('trims the screen id and treats missing data as {}', () => {
		expect(nextScreenResponse(' DETAILS ', undefined)).toEqual({ screen: 'DETAILS', data: {} });
	});

	it.each([
		['empty', ''],
		['with a dash', 'NEXT-SCREEN'],
		['with digits', 'SCREEN_2'],
		['not a string', 42],
	])('refuses a screen id that is %s', (_case, screen) => {
		expect(shapeError(() => nextScreenResponse(screen, {}))).toMatch(/screen id/);
	});

	it('refuses SUCCESS, which belongs to completion', () => {
		expect(shapeError(() => nextScreenResponse('SUCCESS', {}))).toMatch(/Complete the Flow/);
	});

	it.each([
		['an array', [1]],
		['a string', 'x'],
	])('refuses data that is %s', (_case, data) => {
		expect(shapeError(() => nextScreenResponse('A', data))).toMatch(/JSON object/);
	});
});

describe('Errors on the current screen', () => {
	it('puts field errors under error_messages (bound by the Form\'s "error-messages") and the general one under error_message', () => {
		expect(
			fieldErrorsResponse({
				screen: 'DETAILS',
				errorMessage: 'Please check the form',
				fieldErrors: { email: 'Please enter a valid email' },
				data: { name: 'Ayşe' },
			}),
		).toEqual({
			screen: 'DETAILS',
			data: { name: 'Ayşe', error_messages: { email: 'Please enter a valid email' }, error_message: 'Please check the form' },
		});
	});

	it('may carry only field errors, under another data key', () => {
		expect(fieldErrorsResponse({ screen: 'A', fieldErrors: { date: 'Fully booked' }, fieldErrorsKey: 'errors' })).toEqual({
			screen: 'A',
			data: { errors: { date: 'Fully booked' } },
		});
	});

	it('may carry only the general message', () => {
		expect(fieldErrorsResponse({ screen: 'A', errorMessage: 'Try again' })).toEqual({ screen: 'A', data: { error_message: 'Try again' } });
	});

	it('refuses an answer without any error, an empty field name, an empty message, and SUCCESS', () => {
		expect(shapeError(() => fieldErrorsResponse({ screen: 'A' }))).toMatch(/error message, field errors, or both/);
		expect(shapeError(() => fieldErrorsResponse({ screen: 'A', fieldErrors: { ' ': 'x' } }))).toMatch(/no field name/);
		expect(shapeError(() => fieldErrorsResponse({ screen: 'A', fieldErrors: { f: '' } }))).toMatch(/is empty/);
		expect(shapeError(() => fieldErrorsResponse({ screen: 'SUCCESS', errorMessage: 'x' }))).toMatch(/SUCCESS/);
		expect(shapeError(() => fieldErrorsResponse({ screen: 'A', errorMessage: 'x', fieldErrorsKey: 'a-b' }))).toMatch(/data key/);
	});
});

describe('Complete', () => {
	it('answers SUCCESS with extension_message_response.params carrying the request\'s flow_token', () => {
		expect(completeResponse('tok-5', { booking_id: 'B-1' })).toEqual({
			screen: 'SUCCESS',
			data: { extension_message_response: { params: { booking_id: 'B-1', flow_token: 'tok-5' } } },
		});
	});

	it('refuses a request without flow_token and params that name another flow_token', () => {
		expect(shapeError(() => completeResponse(null, {}))).toMatch(/no flow_token/);
		expect(shapeError(() => completeResponse('tok', { flow_token: 'other' }))).toMatch(/must be the request's flow_token/);
	});
});

describe('Custom JSON', () => {
	it('accepts an object with a valid screen, or without a screen', () => {
		expect(checkCustomResponse({ screen: 'A', data: { x: 1 } })).toEqual({ screen: 'A', data: { x: 1 } });
		expect(checkCustomResponse({ data: { x: 1 } })).toEqual({ data: { x: 1 } });
	});

	it('refuses non-objects, bad screen ids, non-object data and SUCCESS without params.flow_token', () => {
		expect(shapeError(() => checkCustomResponse([]))).toMatch(/JSON object/);
		expect(shapeError(() => checkCustomResponse({ screen: 'a b' }))).toMatch(/screen id/);
		expect(shapeError(() => checkCustomResponse({ screen: 'A', data: 'x' }))).toMatch(/JSON object/);
		expect(shapeError(() => checkCustomResponse({ screen: 'SUCCESS', data: {} }))).toMatch(/flow_token/);
	});
});

describe('parameters and the stored encryption context', () => {
	it('parses JSON parameter text, passes objects through and reads empty text as {}', () => {
		expect(parseJsonParameter('{"a":1}', 'X')).toEqual({ a: 1 });
		expect(parseJsonParameter({ a: 1 }, 'X')).toEqual({ a: 1 });
		expect(parseJsonParameter('  ', 'X')).toEqual({});
		expect(shapeError(() => parseJsonParameter('{a:1}', 'Screen Data'))).toBe('Screen Data is not valid JSON');
	});

	it('reads the wrapped key and IV, or the error-notification marker, and nothing else', () => {
		expect(readEncryptionContext({ encryptedAesKey: 'k', initialVector: 'v' })).toEqual({ encryptedAesKey: 'k', initialVector: 'v' });
		expect(readEncryptionContext({ answeredByTrigger: true })).toEqual({ answeredByTrigger: true });
		expect(readEncryptionContext(undefined)).toBeUndefined();
		expect(readEncryptionContext({ encryptedAesKey: 'k' })).toBeUndefined();
		expect(readEncryptionContext({ encryptedAesKey: '', initialVector: 'v' })).toBeUndefined();
	});
});
