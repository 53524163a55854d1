// Forms to Flows: n8n-free conversion of Typeform / Google Forms / HubSpot / generic form definitions into Flow
// JSON, and of completed flows back into the source's shape.
export { convertFormToFlow, detectFormSource, readFormDefinition, FORM_SOURCES, type ConvertOptions, type ConvertedForm } from './convert';
export { mapFlowResponse, defaultTarget, type MappedResponse, type ResponseTarget } from './map-response';
export type { FieldMap, FieldMapEntry, FieldMapOption } from './field-map';
export type { FormDefinition, FormSource } from './model';
