import type { AssumeRoleRequest, AssumeRoleResponse } from '../models/sts.types';
import { assumedRoleArn } from '../core/arn';
import { defineOperation, done, fail, type OpResult } from '../core/operation';
import { nameKey, type RoleRecord, type SimState, own } from '../core/state';
import { isoSeconds } from '../core/time';

import { evaluateTrust } from '../iam/trust';
import { temporaryCredentials } from './credentials';
import { stsErrors } from './errors';
import { callerArn, callerPrincipal } from './identity';

const DEFAULT_DURATION_SECONDS = 3600;
/** Role chaining (a role session assuming a role) caps the session at one hour, whatever the role allows. */
const CHAINED_MAX_SECONDS = 3600;

// arn:aws:iam::ACCOUNT:role/[path/]NAME
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007E]*\/)?([\w+=,.@-]+)$/;

/** The role a RoleArn names in this account: path and name must match, the name case-insensitively as IAM compares names. */
function roleForArn(state: SimState, account: string, name: string, arn: string): RoleRecord | undefined {
  if (account !== state.account.accountId) return undefined;
  const role = own(state.tables.roles, nameKey(name));
  return role && role.Arn.toLowerCase() === arn.toLowerCase() ? role : undefined;
}

export const assumeRole = defineOperation({
  service: 'sts',
  name: 'AssumeRole',
  resource: (input: AssumeRoleRequest) => input.RoleArn,
  handler(input: AssumeRoleRequest, env): OpResult<AssumeRoleResponse> {
    const { state, caller } = env;
    const parsed = ROLE_ARN.exec(input.RoleArn);
    if (!parsed) return fail(stsErrors.invalidRoleArn());
    const [, account = '', name = ''] = parsed;

    // A role that does not exist is refused exactly like one that does not trust the caller: STS does not reveal which.
    const role = roleForArn(state, account, name, input.RoleArn);
    const decision = role ? evaluateTrust(role, callerPrincipal(state, caller)) : { effect: 'no-match' as const };
    if (!role || decision.effect !== 'allow') {
      return fail(stsErrors.assumeRoleDenied(callerArn(state, caller), input.RoleArn, decision.effect === 'deny' ? 'deny' : 'no-match'));
    }

    const duration = input.DurationSeconds ?? DEFAULT_DURATION_SECONDS;
    if (caller.type === 'assumed-role' && duration > CHAINED_MAX_SECONDS) return fail(stsErrors.durationAboveChainingLimit());
    if (duration > role.MaxSessionDuration) return fail(stsErrors.durationAboveRoleMax());

    const expiresAt = Math.floor(env.now / 1000) * 1000 + duration * 1000;
    const credentials = temporaryCredentials({ accountId: state.account.accountId, roleName: role.RoleName, sessionName: input.RoleSessionName, expiresAt }, env.random);
    return done({
      Credentials: {
        AccessKeyId: credentials.AccessKeyId,
        SecretAccessKey: credentials.SecretAccessKey,
        SessionToken: credentials.SessionToken,
        Expiration: isoSeconds(expiresAt),
      },
      AssumedRoleUser: {
        AssumedRoleId: `${role.RoleId}:${input.RoleSessionName}`,
        Arn: assumedRoleArn(state.account.accountId, role.RoleName, input.RoleSessionName),
      },
    });
  },
});
