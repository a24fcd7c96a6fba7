import { ec2InstanceArn } from '../core/arn';
import type { AwsError } from '../core/errors';
import type { OpEnv } from '../core/operation';
import { err, ok, type Result } from '../core/result';
import type { AssociationRecord, InstanceRecord } from '../core/state';
import { ec2Errors } from './errors';
import { ID_PATTERNS } from './network';

/**
 * The instances a request names, in request order without repeats; a malformed id fails first,
 * then every id that does not exist is reported at once (`The instance IDs 'a, b' do not exist`).
 */
export function findInstances(env: OpEnv, ids: readonly string[]): Result<InstanceRecord[], AwsError> {
  const unique = [...new Set(ids)];
  const malformed = unique.find((id) => !ID_PATTERNS.instance.test(id));
  if (malformed !== undefined) return err(ec2Errors.malformedInstanceId(malformed));
  const { instances } = env.state.tables;
  const missing = unique.filter((id) => !instances[id]);
  if (missing.length) return err(ec2Errors.instancesNotFound(missing));
  return ok(unique.map((id) => instances[id] as InstanceRecord));
}

export function findInstance(env: OpEnv, id: string): Result<InstanceRecord, AwsError> {
  const found = findInstances(env, [id]);
  return found.ok ? ok(found.value[0] as InstanceRecord) : found;
}

export function findAssociation(env: OpEnv, associationId: string): Result<AssociationRecord, AwsError> {
  const association = env.state.tables.associations[associationId];
  return association ? ok(association) : err(ec2Errors.associationNotFound(associationId));
}

export const instanceArn = (env: OpEnv, instanceId: string): string => ec2InstanceArn(env.state.account.region, env.state.account.accountId, instanceId);

/**
 * The resource an instance action is authorized on: the instance's ARN, or `instance/*` when
 * the request names several (policies scoped to single instances need per-instance checks,
 * which the authorization layer can add from the request).
 */
export const instancesResource = (env: OpEnv, ids: readonly string[] | undefined): string =>
  ids?.length === 1 && ids[0] !== undefined ? instanceArn(env, ids[0]) : instanceArn(env, '*');
