import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from '../models/sts.types';
import { assumedRoleArn, iamArn } from '../core/arn';
import { exhaustive } from '../core/assert';
import { defineOperation, done, fail, type Caller, type OpResult } from '../core/operation';
import { nameKey, type SimState, own } from '../core/state';

import type { TrustPrincipal } from '../iam/trust';
import { stsErrors } from './errors';

/** The ARN AWS names a caller by in responses and in AccessDenied messages. */
export function callerArn(state: SimState, caller: Caller): string {
  const { accountId, userName } = state.account;
  switch (caller.type) {
    case 'user':
      return iamArn(accountId, 'user', '/', userName);
    case 'assumed-role': {
      // The session ARN spells the role name as IAM stores it, and never includes the role's path.
      const role = own(state.tables.roles, nameKey(caller.roleName));
      return assumedRoleArn(accountId, role?.RoleName ?? caller.roleName, caller.sessionName);
    }
    default:
      return exhaustive(caller);
  }
}

/** The caller as a trust policy sees it. */
export const callerPrincipal = (state: SimState, caller: Caller): TrustPrincipal => ({ AWS: callerArn(state, caller) });

/** Needs no permission: AWS answers it even when every other action is denied. */
export const getCallerIdentity = defineOperation({
  service: 'sts',
  name: 'GetCallerIdentity',
  handler(_input: GetCallerIdentityRequest, env): OpResult<GetCallerIdentityResponse> {
    const { caller, state } = env;
    const Account = state.account.accountId;
    if (caller.type === 'user') return done({ UserId: state.account.userId, Account, Arn: callerArn(state, caller) });
    const role = own(state.tables.roles, nameKey(caller.roleName));
    if (!role) return fail(stsErrors.invalidToken());
    return done({ UserId: `${role.RoleId}:${caller.sessionName}`, Account, Arn: callerArn(state, caller) });
  },
});
