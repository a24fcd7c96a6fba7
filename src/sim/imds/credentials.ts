import { assumedRoleArn } from '../core/arn';
import { exhaustive } from '../core/assert';
import { nameKey, type AssociationRecord, type InstanceProfileRecord, type InstanceRecord, type RoleRecord, type SimState, type Timing, own } from '../core/state';
import { findProfileById } from '../iam/instanceProfiles';

import { EC2_SERVICE, trustAllows } from '../iam/trust';
import { derivedRandom } from '../sts/encoding';
import { temporaryCredentials, type TemporaryCredentials } from '../sts/credentials';

/**
 * What an instance sees of its IAM role, derived from the state and the clock alone.
 *
 * Credentials come in windows: a new set is issued every `credentialRefreshSeconds` from the
 * moment the profile was associated (or the instance last started), and each set lives
 * `credentialLifetimeSeconds`, so fresh keys appear long before the old ones expire. A set is
 * a pure function of the instance, the association and the window: asking twice gives the same
 * keys, and nothing is stored.
 *
 * A role added to a profile that is already associated shows up only at the next refresh,
 * which is AWS's "up to one hour" (recommended instead: replace the association). A removed
 * role disappears at once [BEL: AWS keeps serving the old credentials until the refresh, which
 * the state does not remember].
 */
export type InstanceIam =
  /** No association, or one still `associating` or already `disassociating`: no `iam/` at all. */
  | { kind: 'none' }
  /** The associated profile was deleted (a re-created one of the same name is another profile). */
  | { kind: 'profile-not-found'; association: AssociationRecord; window: CredentialWindow }
  /** The profile is empty, or its role is not visible to the instance yet. */
  | { kind: 'no-role'; association: AssociationRecord; profile: InstanceProfileRecord; window: CredentialWindow }
  /** The role; `trusted` is whether its trust policy lets EC2 assume it (no credentials otherwise). */
  | { kind: 'role'; association: AssociationRecord; profile: InstanceProfileRecord; role: RoleRecord; trusted: boolean; window: CredentialWindow };

export interface CredentialWindow {
  /** Epoch ms when the current set was issued (the documents' LastUpdated). */
  issuedAt: number;
  /** Epoch ms when the current set expires. */
  expiresAt: number;
  /** Counts refreshes since the association: part of what the keys derive from. */
  index: number;
}

/** AWS issues new credentials at least five minutes before the old ones expire, whatever a scenario sets. */
const MIN_OVERLAP_MS = 5 * 60 * 1000;

function refreshMs(timing: Timing): number {
  const lifetime = timing.credentialLifetimeSeconds * 1000;
  return Math.max(1000, Math.min(timing.credentialRefreshSeconds * 1000, lifetime - MIN_OVERLAP_MS));
}

export function credentialWindow(state: SimState, instance: InstanceRecord, association: AssociationRecord, now: number): CredentialWindow {
  const { timing } = state.account;
  // Credentials are first issued on association and again whenever the instance starts.
  const base = Math.max(Date.parse(association.Timestamp), Date.parse(instance.LaunchTime));
  const refresh = refreshMs(timing);
  const index = Math.max(0, Math.floor((now - base) / refresh));
  const issuedAt = base + index * refresh;
  return { issuedAt, expiresAt: issuedAt + timing.credentialLifetimeSeconds * 1000, index };
}

/** The instance's live association: only once it is `associated` does the metadata service serve `iam/`. */
export function liveAssociation(state: SimState, instance: InstanceRecord): AssociationRecord | undefined {
  const association = instance.associationId ? own(state.tables.associations, instance.associationId) : undefined;
  return association?.State === 'associated' ? association : undefined;
}

export function instanceIam(state: SimState, instance: InstanceRecord, now: number): InstanceIam {
  const association = liveAssociation(state, instance);
  if (!association) return { kind: 'none' };
  const window = credentialWindow(state, instance, association, now);
  const profile = findProfileById(state, association.IamInstanceProfile.Id);
  if (!profile) return { kind: 'profile-not-found', association, window };
  const role = profile.roleName === null ? undefined : own(state.tables.roles, nameKey(profile.roleName));
  if (!role || profile.roleVisibleToEc2At > window.issuedAt) return { kind: 'no-role', association, profile, window };
  return { kind: 'role', association, profile, role, trusted: trustAllows(role, EC2_SERVICE), window };
}

/** The credentials the metadata service hands out for the current window. */
export function instanceCredentials(state: SimState, instance: InstanceRecord, iam: Extract<InstanceIam, { kind: 'role' }>): TemporaryCredentials {
  const { association, role, window } = iam;
  const random = derivedRandom(`imds-credentials|${instance.InstanceId}|${association.AssociationId}|${role.RoleId}|${window.index}`);
  const claims = { accountId: state.account.accountId, roleName: role.RoleName, sessionName: instance.InstanceId, expiresAt: window.expiresAt };
  return temporaryCredentials(claims, random);
}

/**
 * Who the instance's software signs requests as, or why it has no credentials. The CLI uses it
 * to run `aws` inside an instance; the session name is the instance id, as on AWS.
 */
export type InstanceRoleSession =
  | { ok: true; roleName: string; sessionName: string; arn: string; credentials: TemporaryCredentials }
  | { ok: false; reason: InstanceRoleSessionUnavailable };

export type InstanceRoleSessionUnavailable =
  | 'no-instance'
  | 'not-running'
  | 'metadata-disabled'
  | 'no-profile'
  | 'profile-not-found'
  | 'no-role'
  | 'trust-denied';

export function instanceRoleSession(state: SimState, instanceId: string, now: number): InstanceRoleSession {
  const instance = own(state.tables.instances, instanceId);
  if (!instance) return { ok: false, reason: 'no-instance' };
  if (instance.State.Name !== 'running') return { ok: false, reason: 'not-running' };
  if (instance.MetadataOptions.HttpEndpoint === 'disabled') return { ok: false, reason: 'metadata-disabled' };
  const iam = instanceIam(state, instance, now);
  switch (iam.kind) {
    case 'none':
      return { ok: false, reason: 'no-profile' };
    case 'profile-not-found':
    case 'no-role':
      return { ok: false, reason: iam.kind };
    case 'role':
      if (!iam.trusted) return { ok: false, reason: 'trust-denied' };
      return {
        ok: true,
        roleName: iam.role.RoleName,
        sessionName: instance.InstanceId,
        arn: assumedRoleArn(state.account.accountId, iam.role.RoleName, instance.InstanceId),
        credentials: instanceCredentials(state, instance, iam),
      };
    default:
      return exhaustive(iam);
  }
}
