// The Graph route table. Add a row per simulated endpoint.
import { getApp } from './apps';
import { sendMessage } from './messages';
import { getPhoneNumber } from './phone-numbers';
import { defineRoute, type AnyGraphRoute } from './types';

export const GRAPH_ROUTES: readonly AnyGraphRoute[] = [
	defineRoute(getPhoneNumber),
	defineRoute(sendMessage),
	defineRoute(getApp),
];
