import type { ResourceModule } from '../types';
import { createFlowOperation } from './create.operation';
import { deleteFlowOperation } from './delete.operation';
import { deployFlowOperation } from './deploy.operation';
import { deprecateFlowOperation } from './deprecate.operation';
import { getFlowOperation } from './get.operation';
import { listFlowsOperation } from './list.operation';
import { flowMetricsOperation } from './metrics.operation';
import { publishFlowOperation } from './publish.operation';
import { updateFlowJsonOperation } from './updateJson.operation';
import { updateFlowMetadataOperation } from './updateMetadata.operation';
import { validateFlowOperation } from './validate.operation';

export const flowResource: ResourceModule = {
	name: 'Flow',
	value: 'flow',
	credentials: ['whatsAppFlowsCloudApi'],
	defaultOperation: 'deploy',
	operations: {
		create: createFlowOperation,
		delete: deleteFlowOperation,
		deploy: deployFlowOperation,
		deprecate: deprecateFlowOperation,
		get: getFlowOperation,
		list: listFlowsOperation,
		metrics: flowMetricsOperation,
		publish: publishFlowOperation,
		updateJson: updateFlowJsonOperation,
		updateMetadata: updateFlowMetadataOperation,
		validate: validateFlowOperation,
	},
};
