import type { DescribeInstancesRequest, DescribeInstancesResult } from '../models/ec2.types';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import type { InstanceRecord, SimState } from '../core/state';
import { ec2Errors } from './errors';
import { compileFilters, type FilterSchema } from './filters';
import { associationOf, reservationsOf, visiblePublicIp } from './instanceView';
import { findInstances } from './lookup';
import { privateDnsName, publicDnsName } from './network';
import { paginate } from './paging';

/** DescribeInstances' filters (a useful subset of EC2's, with its names). */
function instanceFilters(state: SimState): FilterSchema<InstanceRecord> {
  const { account } = state;
  const live = (i: InstanceRecord): boolean => i.State.Name !== 'terminated';
  const profile = (i: InstanceRecord) => associationOf(i, state)?.IamInstanceProfile;
  return {
    fields: {
      'instance-id': (i) => i.InstanceId,
      'instance-state-name': (i) => i.State.Name,
      'instance-state-code': (i) => String(i.State.Code),
      'instance-type': (i) => i.InstanceType,
      'image-id': (i) => i.ImageId,
      'key-name': (i) => i.KeyName,
      'iam-instance-profile.arn': (i) => profile(i)?.Arn,
      'iam-instance-profile.id': (i) => profile(i)?.Id,
      'reservation-id': (i) => i.ReservationId,
      'owner-id': () => account.accountId,
      'availability-zone': () => account.availabilityZone,
      'subnet-id': (i) => (live(i) ? i.SubnetId : undefined),
      'vpc-id': (i) => (live(i) ? i.VpcId : undefined),
      'private-ip-address': (i) => (live(i) ? i.PrivateIpAddress : undefined),
      'private-dns-name': (i) => (live(i) ? privateDnsName(account.region, i.PrivateIpAddress) : undefined),
      'ip-address': (i) => visiblePublicIp(i),
      'dns-name': (i) => {
        const ip = visiblePublicIp(i);
        return ip === undefined ? undefined : publicDnsName(account.region, ip);
      },
      'instance.group-id': (i) => (live(i) ? i.SecurityGroups.map((g) => g.GroupId) : undefined),
      'instance.group-name': (i) => (live(i) ? i.SecurityGroups.map((g) => g.GroupName) : undefined),
      'launch-time': (i) => i.LaunchTime,
      'ami-launch-index': (i) => String(i.AmiLaunchIndex),
      'client-token': (i) => i.ClientToken || undefined,
      'metadata-options.http-tokens': (i) => i.MetadataOptions.HttpTokens,
      'metadata-options.http-endpoint': (i) => i.MetadataOptions.HttpEndpoint,
      'metadata-options.http-put-response-hop-limit': (i) => String(i.MetadataOptions.HttpPutResponseHopLimit),
    },
    tags: (i) => i.Tags,
  };
}

function candidates(env: OpEnv, input: DescribeInstancesRequest) {
  return input.InstanceIds?.length ? findInstances(env, input.InstanceIds) : { ok: true as const, value: Object.values(env.state.tables.instances) };
}

/**
 * Instances grouped by reservation. A page holds at most MaxResults instances, so one
 * reservation may span two pages, as in EC2. Terminated instances stay listed until the clock
 * expires them (`timing.terminatedRetentionSeconds`). Describe actions authorize on `*`.
 */
export const describeInstances = defineOperation({
  service: 'ec2',
  name: 'DescribeInstances',
  handler(input: DescribeInstancesRequest, env): OpResult<DescribeInstancesResult> {
    const max = input.MaxResults;
    if (max !== undefined && input.InstanceIds?.length) return fail(ec2Errors.idsWithMaxResults());
    if (max !== undefined && max < 5) return fail(ec2Errors.maxResultsTooSmall(max));
    if (max !== undefined && max > 1000) return fail(ec2Errors.maxResultsTooLarge(max));
    const matches = compileFilters(input.Filters, instanceFilters(env.state));
    if (!matches.ok) return fail(matches.error);
    const found = candidates(env, input);
    if (!found.ok) return fail(found.error);
    if (input.DryRun) return fail(ec2Errors.dryRun());
    const page = paginate(found.value.filter(matches.value), (i) => i.InstanceId, max, input.NextToken);
    if (!page.ok) return fail(page.error);
    const { items, nextToken } = page.value;
    return done({ ...(nextToken ? { NextToken: nextToken } : {}), Reservations: reservationsOf(items, env.state) });
  },
});
