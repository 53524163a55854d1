import { OTP_TYPES, TEMPLATE_LIMITS as L, type TemplateCategory } from './limits';
import { isRecord, textLength, type TemplateProblems } from './problems';
import { templateVariables } from './variables';

const MTC = 'message-templates/components';
const AUTH = 'authentication-templates';

/** The BUTTONS component's buttons (MTC, AUTH, FLOW: see limits.ts). */
export function checkButtons(buttons: unknown, path: string, category: TemplateCategory, problems: TemplateProblems): void {
	if (!Array.isArray(buttons) || buttons.length === 0) {
		problems.error(path, 'A BUTTONS component needs at least one button');
		return;
	}
	if (buttons.length > L.buttonsMax) problems.error(path, `At most ${L.buttonsMax} buttons (it has ${buttons.length}) (${MTC})`);
	const types = buttons.map((button) => (isRecord(button) ? String(button.type ?? '').toUpperCase() : ''));

	if (category === 'AUTHENTICATION') {
		if (buttons.length !== 1 || types[0] !== 'OTP') problems.error(path, `An AUTHENTICATION template has exactly one button, of type OTP (${AUTH})`);
	} else if (types.includes('OTP')) {
		problems.error(path, `OTP buttons are for AUTHENTICATION templates only (${AUTH})`);
	}

	const count = (type: string) => types.filter((t) => t === type).length;
	const limits: Array<[string, number, string]> = [
		['QUICK_REPLY', L.quickReplyMax, 'quick reply'],
		['URL', L.urlButtonsMax, 'URL'],
		['PHONE_NUMBER', L.phoneButtonsMax, 'phone number'],
		['COPY_CODE', L.copyCodeButtonsMax, 'copy code'],
	];
	for (const [type, max, label] of limits) {
		if (count(type) > max) problems.error(path, `At most ${max} ${label} button${max === 1 ? '' : 's'} (it has ${count(type)}) (${MTC})`);
	}
	// MTC: quick replies and the other buttons form two groups; interleaving them is refused.
	const firstQuickReply = types.indexOf('QUICK_REPLY');
	const lastQuickReply = types.lastIndexOf('QUICK_REPLY');
	if (firstQuickReply >= 0 && types.slice(firstQuickReply, lastQuickReply + 1).some((t) => t !== 'QUICK_REPLY')) {
		problems.error(path, `Quick reply buttons must be grouped together, before or after the other buttons (${MTC})`);
	}

	buttons.forEach((button, index) => {
		const at = `${path}[${index}]`;
		if (!isRecord(button)) {
			problems.error(at, 'A button must be an object');
			return;
		}
		checkButton(button, types[index], at, problems);
	});
}

function checkButton(button: Record<string, unknown>, type: string, at: string, problems: TemplateProblems): void {
	if (type === 'OTP') {
		checkOtpButton(button, at, problems);
		return;
	}
	// MTC: a copy code button's label is WhatsApp's own ("Copy offer code").
	checkLabel(button.text, `${at}.text`, type !== 'COPY_CODE', problems);
	if (type === 'URL') checkUrlButton(button, at, problems);
	else if (type === 'PHONE_NUMBER') {
		const phone = typeof button.phone_number === 'string' ? button.phone_number : '';
		if (phone === '') problems.error(`${at}.phone_number`, 'A phone number button needs phone_number');
		else if (textLength(phone) > L.phoneNumberMax) problems.error(`${at}.phone_number`, `At most ${L.phoneNumberMax} characters (${MTC})`);
	} else if (type === 'COPY_CODE') {
		const example = typeof button.example === 'string' ? button.example : Array.isArray(button.example) ? String(button.example[0] ?? '') : '';
		if (example === '') problems.error(`${at}.example`, 'A copy code button needs an example code');
		else if (textLength(example) > L.copyCodeExampleMax) problems.error(`${at}.example`, `The example code may have at most ${L.copyCodeExampleMax} characters (${MTC})`);
	} else if (type === 'FLOW') checkFlowButton(button, at, problems);
}

function checkLabel(text: unknown, at: string, required: boolean, problems: TemplateProblems): void {
	if (typeof text !== 'string' || text === '') {
		if (required) problems.error(at, 'The button needs a label');
		return;
	}
	if (textLength(text) > L.buttonTextMax) problems.error(at, `At most ${L.buttonTextMax} characters (it has ${textLength(text)}) (${MTC})`);
	if (templateVariables(text).positional.length + templateVariables(text).named.length > 0) problems.error(at, `Button labels cannot hold variables (${MTC})`);
}

function checkUrlButton(button: Record<string, unknown>, at: string, problems: TemplateProblems): void {
	const url = typeof button.url === 'string' ? button.url : '';
	if (!/^https?:\/\/\S+$/i.test(url)) {
		problems.error(`${at}.url`, 'A URL button needs an http(s) URL');
		return;
	}
	if (textLength(url) > L.urlMax) problems.error(`${at}.url`, `At most ${L.urlMax} characters (${MTC})`);
	const { positional, named, malformed } = templateVariables(url);
	const variables = positional.length + named.length + malformed.length;
	if (variables > 1) problems.error(`${at}.url`, `A URL holds at most one variable (${MTC})`);
	if (variables === 1 && !/\}\}$/.test(url)) problems.error(`${at}.url`, `The URL's variable must come at its end (${MTC})`);
	if (variables === 1 && !(Array.isArray(button.example) && typeof button.example[0] === 'string' && button.example[0] !== '')) {
		problems.error(`${at}.example`, `A URL with a variable needs an example URL (${MTC})`);
	}
}

function checkFlowButton(button: Record<string, unknown>, at: string, problems: TemplateProblems): void {
	const FLOW = 'flows/guides/sendingaflow';
	const sources = ['flow_id', 'flow_name', 'flow_json'].filter((key) => button[key] !== undefined && button[key] !== '');
	if (sources.length !== 1) problems.error(at, `A FLOW button names its Flow by exactly one of flow_id, flow_name or flow_json (${FLOW})`);
	const action = button.flow_action === undefined ? 'navigate' : String(button.flow_action).toLowerCase();
	if (action !== 'navigate' && action !== 'data_exchange') problems.error(`${at}.flow_action`, `Must be navigate or data_exchange (${FLOW})`);
	if (action === 'navigate' && (typeof button.navigate_screen !== 'string' || button.navigate_screen === '')) {
		problems.error(`${at}.navigate_screen`, `The first screen is required when flow_action is navigate (${FLOW})`);
	}
	if (typeof button.navigate_screen === 'string' && button.navigate_screen !== '' && !/^[A-Za-z_]+$/.test(button.navigate_screen)) {
		problems.error(`${at}.navigate_screen`, 'A screen id has only letters and underscores (flows/reference/flowjson)');
	}
}

function checkOtpButton(button: Record<string, unknown>, at: string, problems: TemplateProblems): void {
	const otpType = String(button.otp_type ?? '').toUpperCase();
	if (!(OTP_TYPES as readonly string[]).includes(otpType)) {
		problems.error(`${at}.otp_type`, `Must be one of ${OTP_TYPES.join(', ')} (${AUTH})`);
		return;
	}
	checkLabel(button.text, `${at}.text`, false, problems);
	checkLabel(button.autofill_text, `${at}.autofill_text`, false, problems);
	if (otpType === 'COPY_CODE') return;
	const apps = button.supported_apps;
	if (!Array.isArray(apps) || apps.length === 0) {
		problems.error(`${at}.supported_apps`, `${otpType} buttons name the Android apps that receive the code: supported_apps [{package_name, signature_hash}] (${AUTH})`);
	} else {
		if (apps.length > L.supportedAppsMax) problems.error(`${at}.supported_apps`, `At most ${L.supportedAppsMax} apps (${AUTH})`);
		apps.forEach((app, i) => checkSupportedApp(app, `${at}.supported_apps[${i}]`, problems));
	}
	if (otpType === 'ZERO_TAP' && button.zero_tap_terms_accepted !== true) {
		problems.error(`${at}.zero_tap_terms_accepted`, `Zero-tap needs zero_tap_terms_accepted: true (you accept Meta's zero-tap terms) (${AUTH})`);
	}
}

function checkSupportedApp(app: unknown, at: string, problems: TemplateProblems): void {
	const packageName = isRecord(app) && typeof app.package_name === 'string' ? app.package_name : '';
	const signatureHash = isRecord(app) && typeof app.signature_hash === 'string' ? app.signature_hash : '';
	// AUTH: at least two segments separated by dots, each starting with a letter; letters, digits and underscores.
	if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/.test(packageName) || packageName.length > L.packageNameMax) {
		problems.error(`${at}.package_name`, `An Android package name such as com.example.app, at most ${L.packageNameMax} characters (${AUTH})`);
	}
	if (!new RegExp(`^[A-Za-z0-9+/=]{${L.signatureHashLength}}$`).test(signatureHash)) {
		problems.error(`${at}.signature_hash`, `The app signing key hash: exactly ${L.signatureHashLength} characters of letters, digits, +, / and = (${AUTH})`);
	}
}
