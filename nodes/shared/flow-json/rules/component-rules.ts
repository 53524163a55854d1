// Rules between a component and its neighbours: Footer captions, TextInput patterns, unique input names, Forms,
// If / Switch branches, NavigationList and RichText placement (flows/reference/components, flowjson "Forms";
// error-codes "Naming Errors", "Optional Form", "IF Component Errors", "Switch Component Errors").
import { CHIPS_IN_BRANCHES_SINCE, IF_BRANCH_COMPONENTS, SWITCH_CASE_COMPONENTS } from '../components';
import { supports, type RuleContext } from '../context';
import { DOC } from '../docs';
import { countAlongOnePath, isInputType, isObject, type ComponentVisit, type JsonObject, type ScreenModel } from '../model';
import { childPointer } from '../pointer';
import { isDynamic } from '../values';

const isFooter = (node: JsonObject): boolean => node.type === 'Footer';
const PATTERN_INPUT_TYPES = ['text', 'number', 'password', 'passcode'];

function checkFooter(ctx: RuleContext, visit: ComponentVisit): void {
	const { node, pointer } = visit;
	const has = (key: string) => node[key] !== undefined;
	if (has('center-caption') && (has('left-caption') || has('right-caption'))) {
		ctx.report.error('footer.captions', childPointer(pointer, 'center-caption'), 'A Footer takes either "center-caption" or "left-caption" with "right-caption", not all of them.', DOC.footer, 'key');
	} else if (has('left-caption') !== has('right-caption')) {
		const [present, missing] = has('left-caption') ? ['left-caption', 'right-caption'] : ['right-caption', 'left-caption'];
		ctx.report.error('footer.captions', childPointer(pointer, present), `Footer should have property ${missing} when property ${present} is present.`, DOC.footer, 'key');
	}
}

function checkTextInput(ctx: RuleContext, visit: ComponentVisit): void {
	const { node, pointer } = visit;
	if (node.pattern === undefined) return;
	if (node['helper-text'] === undefined) {
		ctx.report.error('text-input.pattern', childPointer(pointer, 'pattern'), 'A TextInput with "pattern" needs "helper-text" to tell the user the expected format.', DOC.textEntry, 'key');
	}
	const inputType = node['input-type'] ?? 'text';
	if (typeof inputType === 'string' && !isDynamic(inputType) && !PATTERN_INPUT_TYPES.includes(inputType)) {
		ctx.report.error('text-input.pattern', childPointer(pointer, 'pattern'), `"pattern" works only with input-type ${PATTERN_INPUT_TYPES.join(', ')}, not "${inputType}".`, DOC.textEntry, 'key');
	}
}

function checkIf(ctx: RuleContext, visit: ComponentVisit): void {
	const { node, pointer, ifDepth } = visit;
	const { report } = ctx;
	const condition = node.condition;
	if (typeof condition === 'string') {
		if (condition.trim() === '') report.error('if.condition', childPointer(pointer, 'condition'), "Expected property 'condition' to contain at least one operand.", DOC.if);
		else if (!condition.includes('${')) {
			report.error('if.condition', childPointer(pointer, 'condition'), 'The If condition must use at least one dynamic value (${data…} or ${form…}); literals alone always give the same result.', DOC.if);
		}
	}
	if (Array.isArray(node.then) && node.then.length === 0) report.error('if.then-empty', childPointer(pointer, 'then'), 'Expected array to contain at least one component.', DOC.if);
	const limit = ctx.limits.counts.ifNesting;
	if (ifDepth + 1 > limit.value) report.error('if.nesting', pointer, `If components may be nested at most ${limit.value} deep.`, limit.doc);

	const thenFooters = countAlongOnePath(node.then, isFooter);
	const elseFooters = countAlongOnePath(node.else, isFooter);
	if (thenFooters > 0 || elseFooters > 0) {
		if (ifDepth > 0) report.error('if.footer-nested', pointer, 'A Footer can be inside an If only at the first level, not inside a nested If.', DOC.if);
		if (node.else === undefined) {
			report.error('if.footer-branches', pointer, "Missing Footer inside one of the 'If' component branches. Branch 'else' should exist and contain one Footer.", DOC.if);
		} else if (thenFooters === 0 || elseFooters === 0) {
			report.error('if.footer-branches', childPointer(pointer, thenFooters === 0 ? 'then' : 'else'), "Footer component must be present in all branches of 'If' component if it exists in any one branch.", DOC.if);
		}
	}
	checkBranchTypes(ctx, node.then, childPointer(pointer, 'then'), IF_BRANCH_COMPONENTS, 'If', DOC.if);
	checkBranchTypes(ctx, node.else, childPointer(pointer, 'else'), IF_BRANCH_COMPONENTS, 'If', DOC.if);
}

function checkSwitch(ctx: RuleContext, visit: ComponentVisit): void {
	const { node, pointer } = visit;
	if (!isObject(node.cases)) return;
	const cases = Object.entries(node.cases);
	if (cases.length === 0) {
		ctx.report.error('switch.cases-empty', childPointer(pointer, 'cases'), 'A Switch needs at least one case.', DOC.switch);
		return;
	}
	const withFooter = cases.filter(([, branch]) => countAlongOnePath(branch, isFooter) > 0);
	if (withFooter.length > 0 && withFooter.length < cases.length) {
		const missing = cases.find(([, branch]) => countAlongOnePath(branch, isFooter) === 0)![0];
		ctx.report.error('switch.footer-branches', childPointer(childPointer(pointer, 'cases'), missing), 'Footer component must be present in all switch cases if it exists in any one case.', DOC.switch);
	}
	for (const [name, branch] of cases) checkBranchTypes(ctx, branch, childPointer(childPointer(pointer, 'cases'), name), SWITCH_CASE_COMPONENTS, 'Switch', DOC.switch);
}

function checkBranchTypes(ctx: RuleContext, branch: unknown, pointer: string, allowed: readonly string[], owner: string, doc: string): void {
	if (!Array.isArray(branch)) return;
	branch.forEach((child, k) => {
		if (!isObject(child) || typeof child.type !== 'string') return;
		const ok = allowed.includes(child.type) || (child.type === 'ChipsSelector' && supports(ctx, CHIPS_IN_BRANCHES_SINCE));
		if (!ok) ctx.report.error('branch.component-not-allowed', childPointer(childPointer(pointer, k), 'type'), `${child.type} is not allowed inside ${owner}.`, doc);
	});
}

function checkNavigationList(ctx: RuleContext, screen: ScreenModel, visit: ComponentVisit): void {
	const { node, pointer } = visit;
	const { report } = ctx;
	if (screen.terminal) report.error('navigation-list.terminal', pointer, 'A NavigationList cannot be used on a terminal screen.', DOC.navigationList);
	const others = screen.components.filter((c) => c.type !== 'NavigationList');
	if (others.length > 0) report.error('navigation-list.alone', others[0].pointer, 'NavigationList components cannot be combined with any other component on a screen.', DOC.navigationList);
	const items = Array.isArray(node['list-items']) ? node['list-items'] : [];
	const itemsPointer = childPointer(pointer, 'list-items');
	const badged = items.map((item, k) => ({ item, k })).filter(({ item }) => isObject(item) && item.badge !== undefined);
	if (badged.length > 1) report.error('navigation-list.badges', childPointer(childPointer(itemsPointer, badged[1].k), 'badge'), 'Only one item of a NavigationList may have a badge.', DOC.navigationList);
	const itemActions = items.filter((item) => isObject(item) && item['on-click-action'] !== undefined).length;
	if (node['on-click-action'] !== undefined && itemActions > 0) {
		report.error('navigation-list.action', childPointer(pointer, 'on-click-action'), 'Define on-click-action on the NavigationList or on its items, not both.', DOC.navigationList, 'key');
	} else if (node['on-click-action'] === undefined && items.length > 0 && itemActions < items.length) {
		report.error('navigation-list.action', pointer, 'A NavigationList needs an on-click-action, on the component or on every item.', DOC.navigationList);
	}
	items.forEach((item, k) => {
		if (!isObject(item)) return;
		const at = childPointer(itemsPointer, k);
		if (!isObject(item['main-content'])) report.error('navigation-list.item', at, 'Each NavigationList item needs a "main-content" object with a title.', DOC.navigationList);
		if (item.end !== undefined && node['media-size'] === 'large') {
			report.error('navigation-list.item', childPointer(at, 'end'), 'The "end" add-on cannot be used with media-size "large".', DOC.navigationList, 'key');
		}
	});
}

function checkRichText(ctx: RuleContext, screen: ScreenModel, visit: ComponentVisit): void {
	// components "RichText": alone on its screen until 6.2; from 6.3 it may share the screen with a Footer.
	const footerAllowed = supports(ctx, '6.3');
	const other = screen.components.find((c) => c !== visit && !(footerAllowed && c.type === 'Footer'));
	if (other !== undefined) {
		const message = footerAllowed
			? 'RichText can share its screen only with a Footer.'
			: `Until Flow JSON 6.2 RichText must be alone on its screen (checked as ${ctx.rulesVersion}; 6.3 allows a Footer beside it).`;
		ctx.report.error('rich-text.alone', other.pointer, message, DOC.richText);
	}
}

function checkNamesAndForms(ctx: RuleContext, screen: ScreenModel): void {
	const { report } = ctx;
	const seen = new Set<string>();
	for (const visit of screen.components) {
		const name = visit.node.name;
		if (!isInputType(visit.type) || typeof name !== 'string') continue;
		if (seen.has(name)) report.error('component.name-duplicate', childPointer(visit.pointer, 'name'), `Duplicate name found for Form components: ${name}.`, DOC.errors);
		seen.add(name);
	}
	const hasForm = screen.forms.length > 0;
	const outside = screen.components.filter((c) => isInputType(c.type) && !c.inForm);
	if (!supports(ctx, '4.0')) {
		for (const visit of outside) report.error('form.required', visit.pointer, `Before Flow JSON 4.0, ${visit.type} must be inside a Form component.`, DOC.forms);
	} else if (hasForm && outside.length > 0) {
		report.error('form.components-outside', outside[0].pointer, `Component${outside.length > 1 ? 's' : ''} ${outside.map((c) => `'${c.type}'`).join(', ')} not allowed outside Form when Form component is present.`, DOC.errors);
	}
	for (const form of screen.forms) {
		const init = form.node['init-values'];
		if (!isObject(init)) continue;
		for (const key of Object.keys(init)) {
			const input = screen.inputs.get(key);
			if (input?.type === 'PhotoPicker' || input?.type === 'DocumentPicker') {
				report.error('picker.init-values', childPointer(childPointer(form.pointer, 'init-values'), key), `"init-values" should not contain a value for ${input.type} component.`, DOC.mediaUpload, 'key');
			}
		}
	}
}

export function checkComponentRules(ctx: RuleContext): void {
	for (const screen of ctx.screens) {
		checkNamesAndForms(ctx, screen);
		for (const visit of screen.components) {
			if (visit.type === 'Footer') checkFooter(ctx, visit);
			else if (visit.type === 'TextInput') checkTextInput(ctx, visit);
			else if (visit.type === 'If') checkIf(ctx, visit);
			else if (visit.type === 'Switch') checkSwitch(ctx, visit);
			else if (visit.type === 'NavigationList') checkNavigationList(ctx, screen, visit);
			else if (visit.type === 'RichText') checkRichText(ctx, screen, visit);
		}
	}
}
