import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** What an operation returns when its item carries binary data as well (e.g. a decrypted file). */
export class ItemWithBinary {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** One operation: its parameters (shown for its resource and operation) and how it runs. */
export interface OperationModule {
	/** Shown in the operation picker. */
	name: string;
	/** The picker's action text, e.g. "Send a text message". */
	action: string;
	description: INodeProperties[];
	/** Runs one item; the node loops, pairs items and honours continueOnFail. */
	execute?(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | ItemWithBinary>;
	/**
	 * Runs all items at once (broadcasts: pacing and concurrency span items). Must return one output item per input
	 * item, paired, and honour continueOnFail itself.
	 */
	executeAll?(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
	/** With both `execute` and `executeAll`: false runs item by item (a send operation outside broadcast mode). */
	runsAllItems?(this: IExecuteFunctions): boolean;
}

/** One resource of the WhatsApp Flows node: its operations and the credential they use. */
export interface ResourceModule {
	name: string;
	value: string;
	/** The credential types its operations read; each is shown in the node only for the resources that need it. */
	credentials: string[];
	/** Credential types only some operations may use (e.g. the app's flow token secret for a signed flow token). */
	optionalCredentials?: Record<string, string[]>;
	defaultOperation: string;
	operations: Record<string, OperationModule>;
}

export function showFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, resource: [resource], operation: [operation] },
		},
	}));
}
