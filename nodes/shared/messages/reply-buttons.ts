import { MessageFieldError, requiredText, unique } from './field-checks';
import { interactiveParts, type InteractiveHeader } from './interactive-parts';
import { REPLY_BUTTON_LIMITS } from './limits';
import type { MessageContent } from './envelope';

export interface ReplyButtonsInput {
	header?: InteractiveHeader;
	body: unknown;
	footer?: unknown;
	/** An empty id takes the title. */
	buttons: Array<{ id?: unknown; title: unknown }>;
}

/** An interactive reply-buttons message (messages/interactive-reply-buttons-messages). */
export function replyButtonsContent(input: ReplyButtonsInput): MessageContent {
	const count = input.buttons.length;
	if (count < REPLY_BUTTON_LIMITS.buttonsMin || count > REPLY_BUTTON_LIMITS.buttonsMax) {
		throw new MessageFieldError(
			'Buttons',
			`Buttons: a reply-buttons message has ${REPLY_BUTTON_LIMITS.buttonsMin} to ${REPLY_BUTTON_LIMITS.buttonsMax} buttons; it has ${count}`,
		);
	}
	const buttons = input.buttons.map((button, index) => {
		const title = requiredText(`Button ${index + 1} Title`, button.title, REPLY_BUTTON_LIMITS.buttonTitle);
		const rawId = typeof button.id === 'string' ? button.id.trim() : button.id === undefined || button.id === null ? '' : String(button.id);
		const id = requiredText(`Button ${index + 1} ID`, rawId === '' ? title : rawId, REPLY_BUTTON_LIMITS.buttonId);
		return { id, title };
	});
	unique('Buttons', buttons.map((b) => b.title), 'Button titles');
	unique('Buttons', buttons.map((b) => b.id), 'Button IDs');
	return {
		type: 'interactive',
		object: {
			type: 'button',
			...interactiveParts(input, { ...REPLY_BUTTON_LIMITS, headerKinds: ['none', 'text', 'image', 'video', 'document'] }),
			action: { buttons: buttons.map((reply) => ({ type: 'reply', reply })) },
		},
	};
}
