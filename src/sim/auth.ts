import { assumedRoleArn } from './core/arn';
import { exhaustive } from './core/assert';
import { put, type Change } from './core/changes';
import { awsError, type AwsError, type ServiceName } from './core/errors';
import type { OpEnv, OperationSpec, Permission } from './core/operation';
import { randomChars, seededRandom } from './core/random';
import { nameKey, type RoleRecord, type SimState } from './core/state';
import { isoSeconds } from './core/time';
import { evaluateRole, type Decision } from './iam/evaluate';

/**
 * Authorization of a request before its handler runs. The learner is an IAM user with full
 * rights; a request signed with a role's session (from inside an instance, or after AssumeRole)
 * is checked against that role's identity-based policies: the operation's own action on its
 * resource, then each further permission the operation needs (such as `iam:PassRole`).
 */

/** The prefix of each service's actions in policies. */
const ACTION_PREFIX: Readonly<Record<ServiceName, string>> = {
  iam: 'iam',
  ec2: 'ec2',
  sts: 'sts',
  resourcegroupstaggingapi: 'tag',
};

// AWS documents that GetCallerIdentity works even when a policy denies it.
const ALWAYS_ALLOWED = new Set(['sts:GetCallerIdentity']);

/** The permissions a request needs: the operation's own action on its resource, then its extras. */
export function requiredPermissions(service: ServiceName, operation: OperationSpec<never, unknown>, input: unknown, env: OpEnv): Permission[] {
  const own: Permission = { action: `${ACTION_PREFIX[service]}:${operation.name}`, resource: operation.resource?.(input as never, env) ?? '*' };
  return [own, ...(operation.extraPermissions?.(input as never, env) ?? [])];
}

/** The error that refuses the request, or undefined when the caller may make it. */
export function authorize(service: ServiceName, operation: OperationSpec<never, unknown>, input: unknown, env: OpEnv): AwsError | undefined {
  const { caller } = env;
  if (caller.type === 'user') return undefined;
  const role = roleOf(env.state, caller.roleName);
  // Once its role is gone, a session's credentials stop working [BEL: the exact failure].
  if (!role) return authErrors.invalidToken(service);
  const callerArn = assumedRoleArn(env.state.account.accountId, role.RoleName, caller.sessionName);
  for (const permission of requiredPermissions(service, operation, input, env)) {
    if (ALWAYS_ALLOWED.has(permission.action)) continue;
    const decision = evaluateRole(env.state, role, permission);
    if (decision.effect !== 'allow') return authErrors.denied(service, { callerArn, ...permission, decision });
  }
  return undefined;
}

/** A successful request by a role's session updates the role's RoleLastUsed. */
export function recordRoleUse(state: SimState, env: OpEnv): Change[] {
  if (env.caller.type !== 'assumed-role') return [];
  const role = roleOf(state, env.caller.roleName);
  const used = { LastUsedDate: isoSeconds(env.now), Region: state.account.region };
  if (!role || (role.RoleLastUsed.LastUsedDate === used.LastUsedDate && role.RoleLastUsed.Region === used.Region)) return [];
  return [put('roles', nameKey(role.RoleName), { ...role, RoleLastUsed: used })];
}

const roleOf = (state: SimState, roleName: string): RoleRecord | undefined => {
  const key = nameKey(roleName);
  return Object.hasOwn(state.tables.roles, key) ? state.tables.roles[key] : undefined;
};

interface Denial {
  callerArn: string;
  action: string;
  resource: string;
  decision: Decision;
}

/** The authorization failures, worded per service as AWS words them. */
const authErrors = {
  denied(service: ServiceName, denial: Denial): AwsError {
    const { callerArn, action, resource, decision } = denial;
    const reason = decision.effect === 'explicit-deny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${action} action`;
    const text = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} ${reason}`;
    switch (service) {
      case 'iam':
      case 'sts':
        return awsError(service, 'AccessDenied', text);
      case 'ec2':
        return awsError(service, 'UnauthorizedOperation', `You are not authorized to perform this operation. ${text}. Encoded authorization failure message: ${encodedFailure(denial)}`);
      case 'resourcegroupstaggingapi':
        return awsError(service, 'AccessDeniedException', text);
      default:
        return exhaustive(service);
    }
  },
  invalidToken(service: ServiceName): AwsError {
    switch (service) {
      case 'iam':
      case 'sts':
        return awsError(service, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
      case 'ec2':
        return awsError(service, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
      case 'resourcegroupstaggingapi':
        return awsError(service, 'UnrecognizedClientException', 'The security token included in the request is invalid.'); // [BEL]
      default:
        return exhaustive(service);
    }
  },
};

const ENCODED_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * EC2's encoded authorization failure message is an encrypted blob only STS can decode. The lab
 * draws an opaque string of similar look from a hash of the failure, so the same failure always
 * reads the same.
 */
function encodedFailure({ callerArn, action, resource, decision }: Denial): string {
  let hash = 0x811c9dc5;
  for (const char of `${callerArn}|${action}|${resource}|${decision.effect}`) {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return randomChars(seededRandom(hash), ENCODED_ALPHABET, 344);
}
