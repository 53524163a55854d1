// Screen data models: JSON Schema with a mandatory __example__ on each top-level field (flows/reference/flowjson
// "Declaring screen properties"; error-codes "Screen Data Model Errors": INVALID_SCREEN_DATA).
import type { RuleContext } from '../context';
import { DOC } from '../docs';
import { isObject } from '../model';
import { childPointer } from '../pointer';

const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array'];

function exampleMatches(type: string, example: unknown): boolean {
	switch (type) {
		case 'array':
			return Array.isArray(example);
		case 'object':
			return isObject(example);
		case 'integer':
			return typeof example === 'number' && Number.isInteger(example);
		default:
			return typeof example === type;
	}
}

function checkSchema(ctx: RuleContext, schema: unknown, pointer: string, topLevel: boolean): void {
	const { report } = ctx;
	if (!isObject(schema)) {
		report.error('data.schema', pointer, 'A data model field must be a JSON Schema object such as {"type": "string", "__example__": "…"}.', DOC.dynamicProperties);
		return;
	}
	const type = schema.type;
	if (type === undefined) report.error('data.type', pointer, "Missing the definition of property 'type'.", DOC.errors);
	else if (typeof type !== 'string') report.error('data.type', childPointer(pointer, 'type'), "Expected the property 'type' to be of type string.", DOC.errors);
	else if (!SCHEMA_TYPES.includes(type)) report.error('data.type', childPointer(pointer, 'type'), `Unknown data type "${type}": use ${SCHEMA_TYPES.join(', ')}.`, DOC.dynamicProperties);

	if (type === 'array') {
		if (schema.items === undefined) report.error('data.items', pointer, "Missing the schema for property 'items' in array.", DOC.errors);
		else if (typeof schema.items !== 'boolean' && !isObject(schema.items)) report.error('data.items', childPointer(pointer, 'items'), "Expected the property 'items' to be of type boolean or object.", DOC.errors);
		else if (isObject(schema.items)) checkSchema(ctx, schema.items, childPointer(pointer, 'items'), false);
	}
	if (type === 'object' && isObject(schema.properties)) {
		for (const [key, sub] of Object.entries(schema.properties)) {
			if (key === '__example__') {
				report.error('data.example-nested', childPointer(childPointer(pointer, 'properties'), key), "Property '__example__' is allowed only as a top level property of data model.", DOC.errors, 'key');
			} else checkSchema(ctx, sub, childPointer(childPointer(pointer, 'properties'), key), false);
		}
	}
	if (!topLevel) {
		if (schema.__example__ !== undefined) report.error('data.example-nested', childPointer(pointer, '__example__'), "Property '__example__' is allowed only as a top level property of data model.", DOC.errors, 'key');
		return;
	}
	if (schema.__example__ === undefined) {
		report.error('data.example-missing', pointer, 'Each data model field needs an "__example__" value (Meta: "This field is mandatory"; the preview uses it).', DOC.dynamicProperties);
	} else if (typeof type === 'string' && SCHEMA_TYPES.includes(type) && !exampleMatches(type, schema.__example__)) {
		report.error('data.example-type', childPointer(pointer, '__example__'), `Invalid data model schema. Expected property '__example__' to be of type ${type}.`, DOC.errors);
	}
}

export function checkDataModels(ctx: RuleContext): void {
	for (const screen of ctx.screens) {
		if (screen.data === undefined) continue;
		for (const [key, schema] of Object.entries(screen.data)) checkSchema(ctx, schema, childPointer(childPointer(screen.pointer, 'data'), key), true);
	}
}
