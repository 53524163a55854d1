// The numeric limits of the limits table applied to each component: text lengths, list sizes, integer ranges,
// min ≤ max pairs and image sizes (flows/reference/components "Limits and Restrictions"; media_upload;
// error-codes "Min Max Limit Violation Errors").
import type { RuleContext } from '../context';
import { COMPONENTS } from '../components';
import { DOC } from '../docs';
import { isObject, type ComponentVisit } from '../model';
import { childPointer } from '../pointer';
import { base64Bytes, charLength, isDynamic, valuesAt } from '../values';

/** components "Limits and Restrictions": "Empty or Blank value is not accepted". */
const NOT_BLANK: Record<string, string> = { TextHeading: 'text', TextSubheading: 'text', TextBody: 'text', TextCaption: 'text', EmbeddedLink: 'text' };

/** Pairs whose minimum may not exceed their maximum (MIN_VALUE_GREATER_THAN_MAX), with the documented defaults. */
const MIN_MAX: Record<string, [string, string, number | undefined][]> = {
	TextInput: [['min-chars', 'max-chars', 80]],
	CheckboxGroup: [['min-selected-items', 'max-selected-items', undefined]],
	ChipsSelector: [['min-selected-items', 'max-selected-items', undefined]],
	CalendarPicker: [['min-days', 'max-days', undefined]],
	PhotoPicker: [['min-uploaded-photos', 'max-uploaded-photos', 30]],
	DocumentPicker: [['min-uploaded-documents', 'max-uploaded-documents', 30]],
};

function staticNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
	return undefined;
}

function checkTextLengths(ctx: RuleContext, visit: ComponentVisit, type: string): void {
	for (const [path, limit] of Object.entries(ctx.limits.textLength[type] ?? {})) {
		for (const found of valuesAt(visit.node, visit.pointer, path)) {
			// CalendarPicker in range mode takes {"start-date": ..., "end-date": ...} for its texts.
			const texts = isObject(found.value)
				? Object.entries(found.value).map(([k, v]) => ({ value: v, pointer: childPointer(found.pointer, k) }))
				: [found];
			for (const text of texts) {
				if (typeof text.value !== 'string' || isDynamic(text.value)) continue;
				const length = charLength(text.value);
				if (length > limit.value) {
					ctx.report.error('text.too-long', text.pointer, `${type} ${path} is ${length} characters; the limit is ${limit.value}.`, limit.doc);
				}
			}
		}
	}
	const blank = NOT_BLANK[type];
	const value = blank === undefined ? undefined : visit.node[blank];
	if (typeof value === 'string' && value.trim() === '') {
		ctx.report.error('text.blank', childPointer(visit.pointer, blank!), `${type} ${blank} must not be empty or blank.`, COMPONENTS[type].doc);
	}
}

function checkItemCounts(ctx: RuleContext, visit: ComponentVisit, type: string): void {
	for (const [path, limit] of Object.entries(ctx.limits.items[type] ?? {})) {
		const cut = path.lastIndexOf('.');
		const owners = cut < 0 ? [{ value: visit.node as unknown, pointer: visit.pointer }] : valuesAt(visit.node, visit.pointer, path.slice(0, cut));
		const key = path.slice(cut + 1);
		for (const owner of owners) {
			if (!isObject(owner.value) || !Array.isArray(owner.value[key])) continue;
			const count = (owner.value[key] as unknown[]).length;
			let max = limit.max;
			if (type === 'Dropdown' && (owner.value[key] as unknown[]).some((o) => isObject(o) && o.image !== undefined)) max = ctx.limits.dropdownOptionsWithImages;
			const at = childPointer(owner.pointer, key);
			if (count < limit.min.value) ctx.report.error('items.too-few', at, `${type} ${path} has ${count} item(s); at least ${limit.min.value} required.`, limit.min.doc);
			if (count > max.value) ctx.report.error('items.too-many', at, `${type} ${path} has ${count} items; at most ${max.value} allowed.`, max.doc);
		}
	}
}

function checkIntegerRanges(ctx: RuleContext, visit: ComponentVisit, type: string): void {
	for (const [property, limit] of Object.entries(ctx.limits.integerRange[type] ?? {})) {
		const value = visit.node[property];
		if (value === undefined || isDynamic(value)) continue;
		const at = childPointer(visit.pointer, property);
		if (typeof value !== 'number' || !Number.isInteger(value)) {
			ctx.report.error('component.property-type', at, `${type} "${property}" must be an integer.`, limit.min.doc);
		} else if (value < limit.min.value) {
			ctx.report.error('value.out-of-range', at, `The minimum value allowed for property '${property}' is ${limit.min.value}.`, limit.min.doc);
		} else if (value > limit.max.value) {
			ctx.report.error('value.out-of-range', at, `The maximum value allowed for property '${property}' is ${limit.max.value}.`, limit.max.doc);
		}
	}
	for (const [minKey, maxKey, maxDefault] of MIN_MAX[type] ?? []) {
		const min = staticNumber(visit.node[minKey]);
		const max = visit.node[maxKey] === undefined ? maxDefault : staticNumber(visit.node[maxKey]);
		if (min !== undefined && max !== undefined && min > max) {
			const name = typeof visit.node.name === 'string' ? ` ${visit.node.name}` : '';
			ctx.report.error('value.min-greater-than-max', childPointer(visit.pointer, minKey), `"${minKey}" cannot be greater than "${maxKey}" (${max}) for ${type}${name}.`, DOC.errors);
		}
	}
}

function checkImageSizes(ctx: RuleContext, visit: ComponentVisit, type: string): void {
	for (const [path, limit] of Object.entries(ctx.limits.imageKb[type] ?? {})) {
		for (const found of valuesAt(visit.node, visit.pointer, path)) {
			if (typeof found.value !== 'string' || isDynamic(found.value)) continue;
			const kb = base64Bytes(found.value) / 1024;
			if (kb <= limit.value) continue;
			const message = `${type} ${path} is ${Math.ceil(kb)} KB; the ${limit.hard ? 'limit' : 'recommended maximum'} is ${limit.value} KB.`;
			if (limit.hard) ctx.report.error('image.too-large', found.pointer, message, limit.doc);
			else ctx.report.warning('image.too-large', found.pointer, message, limit.doc);
		}
	}
}

export function checkComponentLimits(ctx: RuleContext): void {
	for (const screen of ctx.screens) {
		for (const visit of screen.components) {
			const type = visit.type;
			if (type === undefined || COMPONENTS[type] === undefined) continue;
			checkTextLengths(ctx, visit, type);
			checkItemCounts(ctx, visit, type);
			checkIntegerRanges(ctx, visit, type);
			checkImageSizes(ctx, visit, type);
		}
	}
}
