// type "reaction" (cloud-api/reference/messages "Reaction object"; Postman "Send Reply with Reaction Message"):
// {message_id, emoji}; an empty emoji removes the reaction.
import { parameterWrongType, requiredParameter } from '../errors';
import { isRecord } from '../http-io';
import type { MessageValidator } from './types';

export const validateReaction: MessageValidator = (reaction) => {
	if (!isRecord(reaction)) throw requiredParameter('reaction');
	if (typeof reaction.message_id !== 'string' || reaction.message_id === '') throw requiredParameter("reaction['message_id']");
	if (reaction.emoji === undefined) throw requiredParameter("reaction['emoji']");
	if (typeof reaction.emoji !== 'string') throw parameterWrongType("reaction['emoji']", 'string');
	return { object: { message_id: reaction.message_id, emoji: reaction.emoji }, freeForm: true, category: 'service' };
};
