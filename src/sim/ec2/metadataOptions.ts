import type { ModifyInstanceMetadataOptionsRequest, ModifyInstanceMetadataOptionsResult } from '../models/ec2.types';
import { put } from '../core/changes';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import type { InstanceRecord } from '../core/state';
import { ec2Errors } from './errors';
import { metadataOptionsView } from './instanceView';
import { findInstance, instanceArn } from './lookup';

/**
 * ModifyInstanceMetadataOptions: IMDSv2 (`HttpTokens`), the PUT hop limit and the endpoint switch.
 * Options not named keep their value. The answer reports the options as `pending`, as EC2 does
 * while it applies them; the metadata service uses the new values at once.
 */
export const modifyInstanceMetadataOptions = defineOperation({
  service: 'ec2',
  name: 'ModifyInstanceMetadataOptions',
  resource: (input: ModifyInstanceMetadataOptionsRequest, env) => instanceArn(env, input.InstanceId),
  handler(input: ModifyInstanceMetadataOptionsRequest, env): OpResult<ModifyInstanceMetadataOptionsResult> {
    const found = findInstance(env, input.InstanceId);
    if (!found.ok) return fail(found.error);
    const instance = found.value;
    const hopLimit = input.HttpPutResponseHopLimit;
    if (hopLimit !== undefined && (hopLimit < 1 || hopLimit > 64)) return fail(ec2Errors.hopLimitOutOfRange(hopLimit));
    if (instance.State.Name === 'shutting-down' || instance.State.Name === 'terminated') return fail(ec2Errors.cannotModify(instance.InstanceId));
    if (input.DryRun) return fail(ec2Errors.dryRun());
    const current = instance.MetadataOptions;
    const next: InstanceRecord = {
      ...instance,
      MetadataOptions: {
        HttpTokens: input.HttpTokens ?? current.HttpTokens,
        HttpPutResponseHopLimit: hopLimit ?? current.HttpPutResponseHopLimit,
        HttpEndpoint: input.HttpEndpoint ?? current.HttpEndpoint,
        HttpProtocolIpv6: input.HttpProtocolIpv6 ?? current.HttpProtocolIpv6,
        InstanceMetadataTags: input.InstanceMetadataTags ?? current.InstanceMetadataTags,
      },
    };
    return done({ InstanceId: instance.InstanceId, InstanceMetadataOptions: metadataOptionsView(next, 'pending') }, [put('instances', instance.InstanceId, next)]);
  },
});
