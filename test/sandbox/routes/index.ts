// The Graph route table. Add a row per simulated endpoint.
import { getApp } from './apps';
import { getBusinessPublicKey, setBusinessPublicKey } from './encryption';
import { listFlowAssets, uploadFlowJson } from './flow-assets';
import { deprecateFlowRoute, publishFlowRoute } from './flow-lifecycle';
import { createFlow, deleteFlow, getFlow, listFlows, updateFlowMetadata } from './flows';
import { deleteMedia, getMedia, uploadMedia } from './media';
import { sendMessage, sendMessagePut } from './messages';
import { getPhoneNumber, updatePhoneNumber } from './phone-numbers';
import { registerPhoneNumber, requestCode, verifyCode } from './registration';
import { listSubscribedApps, subscribeApp, unsubscribeApp } from './subscribed-apps';
import { createTemplate, deleteTemplate, getTemplate, listTemplates } from './templates';
import { createOrUpdateQrCode, deleteQrCode, getQrCode, listQrCodes } from './qr-codes';
import { defineRoute, type AnyGraphRoute } from './types';

export const GRAPH_ROUTES: readonly AnyGraphRoute[] = [
	defineRoute(getPhoneNumber),
	defineRoute(updatePhoneNumber),
	defineRoute(requestCode),
	defineRoute(verifyCode),
	defineRoute(registerPhoneNumber),
	defineRoute(sendMessage),
	defineRoute(sendMessagePut),
	defineRoute(getApp),
	defineRoute(setBusinessPublicKey),
	defineRoute(getBusinessPublicKey),
	defineRoute(createFlow),
	defineRoute(listFlows),
	defineRoute(getFlow),
	defineRoute(updateFlowMetadata),
	defineRoute(deleteFlow),
	defineRoute(uploadFlowJson),
	defineRoute(listFlowAssets),
	defineRoute(publishFlowRoute),
	defineRoute(deprecateFlowRoute),
	defineRoute(uploadMedia),
	defineRoute(getMedia),
	defineRoute(deleteMedia),
	defineRoute(subscribeApp),
	defineRoute(listSubscribedApps),
	defineRoute(unsubscribeApp),
	defineRoute(createTemplate),
	defineRoute(listTemplates),
	defineRoute(deleteTemplate),
	defineRoute(getTemplate),
	defineRoute(createOrUpdateQrCode),
	defineRoute(listQrCodes),
	defineRoute(getQrCode),
	defineRoute(deleteQrCode),
];
