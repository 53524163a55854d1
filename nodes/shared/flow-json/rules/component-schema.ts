// Each component's type, version and properties (flows/reference/components; error-codes "Schema Validation
// Errors": MISSING_REQUIRED_TYPE_PROPERTY, INVALID_PROPERTY_VALUE, INVALID_PROPERTY_TYPE, INVALID_ENUM_VALUE).
import { COMPONENTS, DOCUMENT_MIME_TYPES } from '../components';
import { supports, type RuleContext } from '../context';
import { DOC } from '../docs';
import { isObject, type ComponentVisit } from '../model';
import { childPointer } from '../pointer';
import { isDynamic } from '../values';

const BOOLEAN_PROPERTIES = ['visible', 'enabled', 'required', 'markdown', 'strikethrough'];

function checkComponent(ctx: RuleContext, visit: ComponentVisit): void {
	const { report } = ctx;
	const { node, pointer, type } = visit;
	if (node.type === undefined) {
		report.error('component.type-missing', pointer, "Required property 'type' is missing.", DOC.errors);
		return;
	}
	if (type === undefined) {
		report.error('component.type-missing', childPointer(pointer, 'type'), "Property 'type' must be a string.", DOC.errors);
		return;
	}
	const spec = COMPONENTS[type];
	if (spec === undefined) {
		report.error('component.type-unknown', childPointer(pointer, 'type'), `Unknown component type "${type}".`, DOC.components);
		return;
	}
	if (!supports(ctx, spec.since)) {
		report.error('component.unavailable', childPointer(pointer, 'type'), `${type} needs Flow JSON ${spec.since} or later (checked as ${ctx.rulesVersion}).`, spec.doc);
	}
	for (const property of spec.required) {
		if (node[property] === undefined) report.error('component.property-missing', pointer, `${type} needs property "${property}".`, spec.doc);
	}
	for (const [property, since] of Object.entries(spec.requiredSince ?? {})) {
		if (node[property] === undefined && supports(ctx, since)) {
			report.error('component.property-missing', pointer, `${type} needs property "${property}" from Flow JSON ${since} on.`, spec.doc);
		}
	}
	for (const [property, value] of Object.entries(node)) {
		const at = childPointer(pointer, property);
		if (property === 'type') continue;
		if (!spec.properties.includes(property)) {
			// A warning: Meta refuses unknown properties (INVALID_PROPERTY_KEY), but its full schema is not published.
			report.warning('component.unknown-property', at, `${type} has no property "${property}" in Meta's component reference.`, spec.doc, 'key');
			continue;
		}
		const since = spec.propertySince?.[property];
		if (since !== undefined && !supports(ctx, since)) {
			report.error('component.property-unavailable', at, `${type} property "${property}" needs Flow JSON ${since} or later.`, spec.doc, 'key');
		}
		const allowed = spec.enums?.[property];
		if (allowed !== undefined && !isDynamic(value) && !allowed.includes(value as string)) {
			report.error('component.enum', at, `${type} "${property}" must be one of: ${allowed.join(', ')}.`, spec.doc);
		}
		if (BOOLEAN_PROPERTIES.includes(property) && typeof value !== 'boolean' && !isDynamic(value)) {
			report.error('component.property-type', at, `${type} "${property}" must be a boolean or a dynamic "\${data.…}" value, not ${JSON.stringify(value)}.`, spec.doc);
		}
	}
	if (type === 'DocumentPicker' && Array.isArray(node['allowed-mime-types'])) {
		node['allowed-mime-types'].forEach((mime, k) => {
			if (!isDynamic(mime) && !DOCUMENT_MIME_TYPES.includes(mime as string)) {
				report.error('component.enum', childPointer(childPointer(pointer, 'allowed-mime-types'), k), `DocumentPicker does not accept MIME type ${JSON.stringify(mime)}.`, DOC.mediaUpload);
			}
		});
	}
}

export function checkComponentSchemas(ctx: RuleContext): void {
	for (const screen of ctx.screens) {
		checkNonObjects(ctx, screen.children, screen.childrenPointer);
		for (const visit of screen.components) {
			checkComponent(ctx, visit);
			const { node, pointer } = visit;
			if (visit.type === 'Form') checkNonObjects(ctx, node.children, childPointer(pointer, 'children'));
			if (visit.type === 'If') {
				checkNonObjects(ctx, node.then, childPointer(pointer, 'then'));
				checkNonObjects(ctx, node.else, childPointer(pointer, 'else'));
			}
			if (visit.type === 'Switch' && isObject(node.cases)) {
				for (const [name, branch] of Object.entries(node.cases)) checkNonObjects(ctx, branch, childPointer(childPointer(pointer, 'cases'), name));
			}
		}
	}
}

function checkNonObjects(ctx: RuleContext, children: unknown, pointer: string): void {
	if (children === undefined) return;
	if (!Array.isArray(children)) {
		ctx.report.error('component.property-type', pointer, 'Expected an array of components.', DOC.components);
		return;
	}
	children.forEach((child, k) => {
		if (typeof child !== 'object' || child === null || Array.isArray(child)) {
			ctx.report.error('component.not-object', childPointer(pointer, k), 'A component must be an object with a "type".', DOC.components);
		}
	});
}
