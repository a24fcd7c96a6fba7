import type { ServiceDefinition } from '../core/service';
import {
  associateIamInstanceProfile,
  describeIamInstanceProfileAssociations,
  disassociateIamInstanceProfile,
  replaceIamInstanceProfileAssociation,
} from './associations';
import { ec2ValidationError } from './errors';
import { describeInstances } from './instances';
import { runInstances } from './launch';
import { rebootInstances, startInstances, stopInstances, terminateInstances } from './lifecycle';
import { modifyInstanceMetadataOptions } from './metadataOptions';

export const ec2Service: ServiceDefinition = {
  name: 'ec2',
  operations: [
    runInstances,
    describeInstances,
    startInstances,
    stopInstances,
    terminateInstances,
    rebootInstances,
    modifyInstanceMetadataOptions,
    associateIamInstanceProfile,
    describeIamInstanceProfileAssociations,
    replaceIamInstanceProfileAssociation,
    disassociateIamInstanceProfile,
  ],
  validationError: ec2ValidationError,
};
