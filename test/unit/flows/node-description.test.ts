// What the editor shows for the Flow and Encryption Key resources: the Flow picker, and which credentials are required.
import type { INodeProperties } from 'n8n-workflow';
import { WhatsAppFlows } from '../../../nodes/WhatsAppFlows/WhatsAppFlows.node';

const node = new WhatsAppFlows();
const { credentials = [], properties } = node.description;

function shownFor(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
}

it('offers the Flow picker (list via searchFlows, or an ID) on every operation that acts on one Flow', () => {
	for (const operation of ['updateJson', 'updateMetadata', 'publish', 'deprecate', 'delete', 'get', 'metrics']) {
		const picker = shownFor('flow', operation).find((p) => p.name === 'flowId');
		expect(picker).toMatchObject({ type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(picker?.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(picker?.modes?.[0].typeOptions?.searchListMethod).toBe('searchFlows');
	}
	expect(Object.keys(node.methods.listSearch)).toContain('searchFlows');
});

it('requires the Cloud API credential for both resources; the private key credential is shown for Encryption Key but optional', () => {
	const cloud = credentials.find((c) => c.name === 'whatsAppFlowsCloudApi');
	expect(cloud?.required).toBe(true);
	expect(cloud?.displayOptions?.show?.resource).toEqual(expect.arrayContaining(['flow', 'encryptionKey']));
	const key = credentials.find((c) => c.name === 'whatsAppFlowsPrivateKeyApi');
	expect(key).toMatchObject({ required: false, testedBy: 'testPrivateKey', displayOptions: { show: { resource: ['encryptionKey'] } } });
});

it('never takes a passphrase or private key as a node parameter', () => {
	const keyParameters = properties.filter((p) => p.displayOptions?.show?.resource?.includes('encryptionKey'));
	expect(keyParameters.filter((p) => p.typeOptions?.password)).toEqual([]);
	expect(keyParameters.find((p) => p.name === 'passphrase')?.type).toBe('options');
	expect(keyParameters.map((p) => p.name)).not.toContain('privateKey');
});
