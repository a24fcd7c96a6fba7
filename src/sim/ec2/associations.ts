import type {
  AssociateIamInstanceProfileRequest,
  AssociateIamInstanceProfileResult,
  DescribeIamInstanceProfileAssociationsRequest,
  DescribeIamInstanceProfileAssociationsResult,
  DisassociateIamInstanceProfileRequest,
  DisassociateIamInstanceProfileResult,
  IamInstanceProfileAssociation,
  ReplaceIamInstanceProfileAssociationRequest,
  ReplaceIamInstanceProfileAssociationResult,
} from '../models/ec2.types';
import { put, remove } from '../core/changes';
import { ec2Id, uniqueId } from '../core/ids';
import { defineOperation, done, fail, type OpEnv, type OpResult } from '../core/operation';
import type { AssociationRecord, InstanceProfileRecord, InstanceRecord } from '../core/state';
import { isoSeconds } from '../core/time';
import { schedule, scheduleKey } from '../clock';
import { ec2Errors } from './errors';
import { compileFilters, type FilterSchema } from './filters';
import { findAssociation, findInstance, instanceArn } from './lookup';
import { paginate } from './paging';
import { passRoleFor, profileRef, resolveProfile } from './profiles';

/**
 * IAM instance profile associations: how a profile is attached to, swapped on and detached
 * from an existing instance. An instance has at most one live association, and
 * `InstanceRecord.associationId` always names it. States move over the clock:
 * `associating → associated` after `timing.associationSeconds`, and `disassociating → gone`.
 * None of these operations has a DryRun member.
 */

/**
 * The association as EC2 prints it. [BEL] The model has `Timestamp`, but AWS's documented
 * answers (and the seed transcripts) do not show it, so it is kept in the state only.
 */
export const associationView = (a: AssociationRecord): IamInstanceProfileAssociation => ({
  AssociationId: a.AssociationId,
  InstanceId: a.InstanceId,
  IamInstanceProfile: { Arn: a.IamInstanceProfile.Arn, Id: a.IamInstanceProfile.Id },
  State: a.State,
});

const associationFilters: FilterSchema<AssociationRecord> = {
  fields: {
    'instance-id': (a) => a.InstanceId,
    state: (a) => a.State,
  },
};

/** A new `associating` association of `profile` with `instance`, and the changes that record it. */
function associate(env: OpEnv, instance: InstanceRecord, profile: InstanceProfileRecord) {
  const association: AssociationRecord = {
    AssociationId: uniqueId(() => ec2Id(env.random, 'iip-assoc'), (id) => env.state.tables.associations[id] !== undefined),
    InstanceId: instance.InstanceId,
    IamInstanceProfile: profileRef(profile),
    State: 'associating',
    Timestamp: isoSeconds(env.now),
  };
  const at = env.now + env.state.account.timing.associationSeconds * 1000;
  const changes = [
    put('associations', association.AssociationId, association),
    put('instances', instance.InstanceId, { ...instance, associationId: association.AssociationId }),
    schedule({ kind: 'association-state', at, associationId: association.AssociationId, to: 'associated' }),
  ];
  return { association, changes };
}

const associationResource = (env: OpEnv, associationId: string): string =>
  instanceArn(env, env.state.tables.associations[associationId]?.InstanceId ?? '*');

export const associateIamInstanceProfile = defineOperation({
  service: 'ec2',
  name: 'AssociateIamInstanceProfile',
  resource: (input: AssociateIamInstanceProfileRequest, env) => instanceArn(env, input.InstanceId),
  extraPermissions: (input, env) => passRoleFor(env, input.IamInstanceProfile),
  handler(input: AssociateIamInstanceProfileRequest, env): OpResult<AssociateIamInstanceProfileResult> {
    const found = findInstance(env, input.InstanceId);
    if (!found.ok) return fail(found.error);
    const instance = found.value;
    const profile = resolveProfile(env, input.IamInstanceProfile);
    if (!profile.ok) return fail(profile.error);
    if (instance.State.Name !== 'running' && instance.State.Name !== 'stopped') return fail(ec2Errors.notRunningOrStopped(instance.InstanceId));
    if (instance.associationId) return fail(ec2Errors.existingAssociation(instance.InstanceId));
    const { association, changes } = associate(env, instance, profile.value);
    return done({ IamInstanceProfileAssociation: associationView(association) }, changes);
  },
});

export const describeIamInstanceProfileAssociations = defineOperation({
  service: 'ec2',
  name: 'DescribeIamInstanceProfileAssociations',
  handler(input: DescribeIamInstanceProfileAssociationsRequest, env): OpResult<DescribeIamInstanceProfileAssociationsResult> {
    const matches = compileFilters(input.Filters, associationFilters);
    if (!matches.ok) return fail(matches.error);
    const { associations } = env.state.tables;
    let candidates: AssociationRecord[];
    if (input.AssociationIds?.length) {
      const ids = [...new Set(input.AssociationIds)];
      const missing = ids.find((id) => !associations[id]);
      if (missing !== undefined) return fail(ec2Errors.associationNotFound(missing));
      candidates = ids.map((id) => associations[id] as AssociationRecord);
    } else {
      candidates = Object.values(associations);
    }
    const page = paginate(candidates.filter(matches.value), (a) => a.AssociationId, input.MaxResults, input.NextToken);
    if (!page.ok) return fail(page.error);
    const { items, nextToken } = page.value;
    return done({ IamInstanceProfileAssociations: items.map(associationView), ...(nextToken ? { NextToken: nextToken } : {}) });
  },
});

/**
 * Swaps the profile on a running instance: a NEW association (new id, `associating`) takes
 * the place of the old one, which is gone at once.
 */
export const replaceIamInstanceProfileAssociation = defineOperation({
  service: 'ec2',
  name: 'ReplaceIamInstanceProfileAssociation',
  resource: (input: ReplaceIamInstanceProfileAssociationRequest, env) => associationResource(env, input.AssociationId),
  extraPermissions: (input, env) => passRoleFor(env, input.IamInstanceProfile),
  handler(input: ReplaceIamInstanceProfileAssociationRequest, env): OpResult<ReplaceIamInstanceProfileAssociationResult> {
    const found = findAssociation(env, input.AssociationId);
    // [BEL] An association on its way out can no longer be replaced.
    if (!found.ok || found.value.State === 'disassociating') return fail(ec2Errors.associationNotFound(input.AssociationId));
    const old = found.value;
    const instance = findInstance(env, old.InstanceId);
    if (!instance.ok) return fail(ec2Errors.associationNotFound(input.AssociationId));
    const profile = resolveProfile(env, input.IamInstanceProfile);
    if (!profile.ok) return fail(profile.error);
    // [BEL] The API reference speaks of "the specified running instance" (aws-behaviour.md §4.4).
    if (instance.value.State.Name !== 'running') return fail(ec2Errors.notRunning(old.InstanceId));
    const { association, changes } = associate(env, instance.value, profile.value);
    return done({ IamInstanceProfileAssociation: associationView(association) }, [
      remove('associations', old.AssociationId),
      remove('schedule', scheduleKey('association-state', old.AssociationId)),
      ...changes,
    ]);
  },
});

/** Detaches the profile: the association turns `disassociating`, then the clock removes it. */
export const disassociateIamInstanceProfile = defineOperation({
  service: 'ec2',
  name: 'DisassociateIamInstanceProfile',
  resource: (input: DisassociateIamInstanceProfileRequest, env) => associationResource(env, input.AssociationId),
  handler(input: DisassociateIamInstanceProfileRequest, env): OpResult<DisassociateIamInstanceProfileResult> {
    const found = findAssociation(env, input.AssociationId);
    if (!found.ok) return fail(found.error);
    const association = found.value;
    const instance = env.state.tables.instances[association.InstanceId];
    if (instance && instance.State.Name !== 'running' && instance.State.Name !== 'stopped') return fail(ec2Errors.notRunningOrStopped(instance.InstanceId));
    // [BEL] Repeating the request while it is under way reports the same association again.
    if (association.State === 'disassociating') return done({ IamInstanceProfileAssociation: associationView(association) });
    const next: AssociationRecord = { ...association, State: 'disassociating' };
    const at = env.now + env.state.account.timing.associationSeconds * 1000;
    return done({ IamInstanceProfileAssociation: associationView(next) }, [
      put('associations', association.AssociationId, next),
      schedule({ kind: 'association-state', at, associationId: association.AssociationId, to: 'disassociated' }),
    ]);
  },
});
