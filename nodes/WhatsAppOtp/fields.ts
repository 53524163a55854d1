import type { INodeProperties } from 'n8n-workflow';
import { STATE_STORE_OPTIONS } from '../shared/n8n/state-store';
import { CODE_LENGTH } from '../shared/otp';
import { templateLocator } from '../WhatsAppFlows/methods/templateSearch';

const SENDING = ['sendCode', 'resendCode'];
const BY_ID = ['resendCode', 'verifyCode', 'cancel'];

// Defaults are literals for n8n's linter; they are OTP_DEFAULTS (nodes/shared/otp/send-code.ts).
const show = (operation: string[]) => ({ show: { resource: ['verification'], operation } });

export const OTP_OPERATIONS: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['verification'] } },
	options: [
		{ name: 'Cancel', value: 'cancel', action: 'Cancel a verification', description: 'Stop a pending verification; its code no longer works' },
		{
			name: 'Check Inbound Message',
			value: 'checkInbound',
			action: 'Check an inbound message for a link token',
			description: 'Feed it from the WhatsApp Cloud Trigger: approves the number that sent a verification link\'s token',
		},
		{
			name: 'Create Link',
			value: 'createLink',
			action: 'Create a verification link',
			description: 'A wa.me link (and QR code) whose prefilled message carries a one-time token',
		},
		{ name: 'Resend Code', value: 'resendCode', action: 'Resend a verification code', description: 'Send a new code for a pending verification (the old one stops working)' },
		{ name: 'Send Code', value: 'sendCode', action: 'Send a verification code', description: 'Start a verification: send a one-time code with an authentication template' },
		{ name: 'Verify Code', value: 'verifyCode', action: 'Verify a code', description: 'Check the code the user typed; approved or not approved output' },
	],
	default: 'sendCode',
};

const LINK_FIELDS: INodeProperties[] = [
	{
		displayName: 'Expected Number',
		name: 'expectedNumber',
		type: 'string',
		default: '',
		placeholder: '+49 151 23456789',
		displayOptions: show(['createLink']),
		description: 'Only this number may use the link (optional; empty = the number that sends the token is the one verified)',
	},
	{
		displayName: 'Prefilled Text',
		name: 'prefilledText',
		type: 'string',
		default: 'Please verify my number:',
		displayOptions: show(['createLink']),
		description: 'Put before the token in the user\'s message box',
	},
	{
		displayName: 'QR Code',
		name: 'qrCode',
		type: 'boolean',
		default: false,
		displayOptions: show(['createLink']),
		description: 'Whether to add a PNG QR code of the link in the binary field "qr"',
	},
	{
		displayName: 'Message Text',
		name: 'messageText',
		type: 'string',
		default: '={{ $json.message.text }}',
		displayOptions: show(['checkInbound']),
		description: 'The inbound message\'s text (the WhatsApp Cloud Trigger\'s message.text)',
	},
	{
		displayName: 'Sender WhatsApp ID',
		name: 'senderWaId',
		type: 'string',
		default: '={{ $json.waId }}',
		displayOptions: show(['checkInbound']),
		description: 'The wa_id that sent it (the trigger\'s waId): WhatsApp has proven this number',
	},
];

export const OTP_FIELDS: INodeProperties[] = [
	{
		displayName: 'State Store',
		name: 'stateStore',
		type: 'options',
		noDataExpression: true,
		options: STATE_STORE_OPTIONS,
		default: 'dataTable',
		displayOptions: { show: { resource: ['verification'] } },
		description: 'Where verifications are kept. Use the data table in queue mode: attempts must be counted by every process together.',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		required: true,
		placeholder: '+49 151 23456789',
		displayOptions: show(['sendCode']),
		description: 'The WhatsApp number to verify, with its country code',
	},
	templateLocator({
		displayOptions: show(SENDING),
		description: 'An approved AUTHENTICATION template (copy code or one-tap) of the credential\'s WhatsApp Business Account',
		modes: [
			...(templateLocator().modes ?? []),
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'verification_code', hint: 'Its first approved language' },
		],
	}),
	{
		displayName: 'Verification ID',
		name: 'verificationId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'otp_…',
		displayOptions: show(BY_ID),
		description: 'The verification_id that Send Code returned',
	},
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: show(['verifyCode']),
		description: 'The code the user entered, usually an expression such as {{ $JSON.body.code }}',
	},
	{
		displayName: 'Code Length',
		name: 'codeLength',
		type: 'number',
		typeOptions: { minValue: CODE_LENGTH.min, maxValue: CODE_LENGTH.max },
		default: 6,
		displayOptions: show(SENDING),
		description: 'Digits of the code',
	},
	{
		displayName: 'Code Validity (Seconds)',
		name: 'validitySeconds',
		type: 'number',
		// Meta's code_expiration_minutes is 1–90 (business-management-api/authentication-templates).
		typeOptions: { minValue: 5, maxValue: 90 * 60 },
		default: 600,
		displayOptions: show([...SENDING, 'createLink']),
		description: 'How long a code or link works; never longer than the template\'s "expires in N minutes"',
	},
	{
		displayName: 'Limits',
		name: 'limits',
		type: 'collection',
		placeholder: 'Add limit',
		default: {},
		displayOptions: show([...SENDING, 'createLink']),
		options: [
			{
				displayName: 'Max Codes per Number per Hour',
				name: 'perNumberPerHour',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				description: 'New verifications and resends to one number within an hour; 0 = no cap',
			},
			{
				displayName: 'Max Sends per Verification',
				name: 'maxSends',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 5,
			},
			{
				displayName: 'Max Wrong Codes',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 5,
				description: 'Wrong codes a verification accepts before it is locked (max_attempts_reached)',
			},
			{
				displayName: 'Resend Cooldown (Seconds)',
				name: 'cooldownSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
			},
		],
	},
	...LINK_FIELDS,
];
