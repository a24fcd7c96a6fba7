import type { RunInstancesRequest, Reservation, TagSpecification } from '../models/ec2.types';
import { put, type Change } from '../core/changes';
import type { AwsError } from '../core/errors';
import { ec2Id, uniqueId } from '../core/ids';
import { instanceIdsByClientToken } from '../core/indexes';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import { err, ok, type Result } from '../core/result';
import type { AssociationRecord, InstanceProfileRecord, InstanceRecord, Tag } from '../core/state';
import { isoSeconds } from '../core/time';
import { schedule } from '../clock';
import { ec2Errors } from './errors';
import { instanceView, reservationsOf } from './instanceView';
import { instanceArn } from './lookup';
import {
  DEFAULT_GROUP_NAME,
  ID_PATTERNS,
  defaultSubnetId,
  defaultVpcId,
  privateIpAddress,
  publicIpAddress,
  securityGroupId,
} from './network';
import { namesProfile, passRoleFor, profileRef, resolveProfile } from './profiles';
import { instanceState } from './states';

/** The API's documented default when RunInstances names no type. */
const DEFAULT_INSTANCE_TYPE = 'm1.small';

/** Resource types RunInstances can tag at launch. */
const LAUNCH_TAGGABLE = new Set(['instance', 'volume', 'network-interface', 'spot-instances-request', 'elastic-gpu']);

type Group = InstanceRecord['SecurityGroups'][number];

/** Checks that need nothing but the request itself, in the order EC2 reports them. */
function checkRequest(input: RunInstancesRequest): AwsError | undefined {
  if (input.ImageId === undefined) return ec2Errors.missingParameter('ImageId');
  if (!ID_PATTERNS.image.test(input.ImageId)) return ec2Errors.malformedImageId(input.ImageId);
  if (input.MinCount < 1) return ec2Errors.minCountTooSmall();
  if (input.MaxCount < 1) return ec2Errors.maxCountTooSmall();
  if (input.MinCount > input.MaxCount) return ec2Errors.minCountAboveMax();
  const hopLimit = input.MetadataOptions?.HttpPutResponseHopLimit;
  if (hopLimit !== undefined && (hopLimit < 1 || hopLimit > 64)) return ec2Errors.hopLimitOutOfRange(hopLimit);
  if (input.SubnetId !== undefined && !ID_PATTERNS.subnet.test(input.SubnetId)) return ec2Errors.subnetNotFound(input.SubnetId);
  const untaggable = input.TagSpecifications?.find((s) => s.ResourceType !== undefined && !LAUNCH_TAGGABLE.has(s.ResourceType));
  if (untaggable?.ResourceType) return ec2Errors.notTaggableResourceType(untaggable.ResourceType);
  return undefined;
}

/**
 * Groups by name get their deterministic id; ids must belong to a group EC2 knows (the default
 * group, one named in this request, or one some instance already uses). No group → `default`.
 */
function resolveGroups(env: OpEnv, input: RunInstancesRequest): Result<Group[], AwsError> {
  const { account } = env.state;
  const names = input.SecurityGroups ?? [];
  const ids = input.SecurityGroupIds ?? [];
  if (!names.length && !ids.length) return ok([{ GroupId: securityGroupId(account, DEFAULT_GROUP_NAME), GroupName: DEFAULT_GROUP_NAME }]);
  const byId = new Map<string, Group>();
  for (const name of names) byId.set(securityGroupId(account, name), { GroupId: securityGroupId(account, name), GroupName: name });
  if (ids.length) {
    const known = new Map<string, Group>([[securityGroupId(account, DEFAULT_GROUP_NAME), { GroupId: securityGroupId(account, DEFAULT_GROUP_NAME), GroupName: DEFAULT_GROUP_NAME }], ...byId]);
    for (const instance of Object.values(env.state.tables.instances)) for (const g of instance.SecurityGroups) known.set(g.GroupId, g);
    for (const id of ids) {
      const group = known.get(id);
      if (!group) return err(ec2Errors.securityGroupNotFound(id));
      byId.set(id, { GroupId: group.GroupId, GroupName: group.GroupName });
    }
  }
  return ok([...byId.values()]);
}

/** Tags for the instances; EC2 tag keys are case-sensitive and a repeated key keeps the last value. */
function instanceTags(specs: readonly TagSpecification[] | undefined): Tag[] {
  const tags = new Map<string, string>();
  for (const spec of specs ?? []) {
    if (spec.ResourceType !== 'instance') continue;
    for (const tag of spec.Tags ?? []) if (tag.Key !== undefined) tags.set(tag.Key, tag.Value ?? '');
  }
  return [...tags].map(([Key, Value]) => ({ Key, Value }));
}

/** A retried launch (same ClientToken) answers with the reservation it made the first time. */
function earlierLaunch(env: OpEnv, clientToken: string | undefined): InstanceRecord[] {
  if (!clientToken) return [];
  return [...instanceIdsByClientToken(env.state, clientToken)].flatMap((id) => env.state.tables.instances[id] ?? []);
}

function launch(env: OpEnv, input: RunInstancesRequest, groups: Group[], profile: InstanceProfileRecord | undefined): OpResult<Reservation> {
  const { state, now, random } = env;
  const { account } = state;
  const taken = new Set<string>();
  // 64 random bits: a repeat is far less likely than a hardware fault, and checking would cost O(n) per launch.
  const reservationId = ec2Id(random, 'r');
  const subnetId = input.SubnetId ?? defaultSubnetId(account);
  const inDefaultSubnet = subnetId === defaultSubnetId(account);
  const tags = instanceTags(input.TagSpecifications);
  const launchTime = isoSeconds(now);
  const options = input.MetadataOptions ?? {};
  const changes: Change[] = [];
  const created: { instance: InstanceRecord; association: AssociationRecord | undefined }[] = [];

  for (let index = 0; index < input.MaxCount; index++) {
    const instanceId = uniqueId(() => ec2Id(random, 'i'), (id) => taken.has(id) || state.tables.instances[id] !== undefined);
    taken.add(instanceId);
    const association: AssociationRecord | undefined = profile && {
      AssociationId: uniqueId(() => ec2Id(random, 'iip-assoc'), (id) => taken.has(id) || state.tables.associations[id] !== undefined),
      InstanceId: instanceId,
      IamInstanceProfile: profileRef(profile),
      State: 'associating',
      Timestamp: launchTime,
    };
    const instance: InstanceRecord = {
      InstanceId: instanceId,
      ReservationId: reservationId,
      ImageId: input.ImageId ?? '',
      InstanceType: input.InstanceType ?? DEFAULT_INSTANCE_TYPE,
      ...(input.KeyName !== undefined ? { KeyName: input.KeyName } : {}),
      LaunchTime: launchTime,
      AmiLaunchIndex: index,
      ClientToken: input.ClientToken ?? '',
      SubnetId: subnetId,
      VpcId: defaultVpcId(account),
      PrivateIpAddress: privateIpAddress(account, random),
      // Default subnets give instances a public address; others do not unless asked to.
      ...(inDefaultSubnet ? { PublicIpAddress: publicIpAddress(random) } : {}),
      SecurityGroups: groups,
      Tags: tags.map((t) => ({ ...t })),
      State: instanceState('pending'),
      StateTransitionReason: '',
      StateReason: { Code: 'pending', Message: 'pending' },
      MetadataOptions: {
        HttpTokens: options.HttpTokens ?? 'optional',
        HttpPutResponseHopLimit: options.HttpPutResponseHopLimit ?? 1,
        HttpEndpoint: options.HttpEndpoint ?? 'enabled',
        HttpProtocolIpv6: options.HttpProtocolIpv6 ?? 'disabled',
        InstanceMetadataTags: options.InstanceMetadataTags ?? 'disabled',
      },
      associationId: association?.AssociationId ?? null,
    };
    if (association) taken.add(association.AssociationId);
    created.push({ instance, association });
    changes.push(put('instances', instanceId, instance));
    changes.push(schedule({ kind: 'instance-state', at: now + account.timing.instanceStartSeconds * 1000, instanceId, to: 'running' }));
    if (association) {
      changes.push(put('associations', association.AssociationId, association));
      changes.push(schedule({ kind: 'association-state', at: now + account.timing.associationSeconds * 1000, associationId: association.AssociationId, to: 'associated' }));
    }
  }

  return done(
    {
      ReservationId: reservationId,
      OwnerId: account.accountId,
      Groups: [],
      Instances: created.map(({ instance, association }) => instanceView(instance, account, association, 'pending')),
    },
    changes,
  );
}

export const runInstances = defineOperation({
  service: 'ec2',
  name: 'RunInstances',
  resource: (_input: RunInstancesRequest, env) => instanceArn(env, '*'),
  extraPermissions: (input, env) => passRoleFor(env, input.IamInstanceProfile),
  handler(input: RunInstancesRequest, env): OpResult<Reservation> {
    const earlier = earlierLaunch(env, input.ClientToken);
    if (earlier.length && !input.DryRun) {
      const [reservation] = reservationsOf(earlier, env.state);
      if (reservation) return done(reservation);
    }
    const invalid = checkRequest(input);
    if (invalid) return fail(invalid);
    const groups = resolveGroups(env, input);
    if (!groups.ok) return fail(groups.error);
    let profile: InstanceProfileRecord | undefined;
    if (namesProfile(input.IamInstanceProfile)) {
      const resolved = resolveProfile(env, input.IamInstanceProfile);
      if (!resolved.ok) return fail(resolved.error);
      profile = resolved.value;
    }
    // [BEL] A dry run validates the request fully, so "would have succeeded" holds.
    if (input.DryRun) return fail(ec2Errors.dryRun());
    return launch(env, input, groups.value, profile);
  },
});
