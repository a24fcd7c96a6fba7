import { deriveGraph, type GraphWarning } from '../graph';
import { nameKey, own, type SimState } from '../sim';
import type { AssociationRecord, InstanceProfileRecord, InstanceRecord, RoleRecord } from '../sim/core/state';
import { evaluateRole } from '../sim/iam/evaluate';
import { findProfileById, profilesForRole } from '../sim/iam/instanceProfiles';
import { trustAllows } from '../sim/iam/trust';

/**
 * Questions a check asks of the simulator state, answered the way AWS would: names compare
 * without case, an instance is found by its `Name` tag, trust and permissions come from the
 * simulator's own policy evaluation.
 */
export interface Lookups {
  role(name: string): RoleRecord | undefined;
  profile(name: string): InstanceProfileRecord | undefined;
  /** The profiles holding the role, by name. */
  profilesHolding(roleName: string): InstanceProfileRecord[];
  /** The newest instance tagged `Name=name` that is not shutting down or terminated. */
  instance(name: string): InstanceRecord | undefined;
  /** The instance's association while it is `associating` or `associated`. */
  association(instance: InstanceRecord): AssociationRecord | undefined;
  /** The profile the instance's live association points at (undefined when it was deleted). */
  attachedProfile(instance: InstanceRecord): InstanceProfileRecord | undefined;
  /** Whether the role's trust policy lets the service (`ec2.amazonaws.com` …) assume it. */
  trusts(role: RoleRecord, service: string): boolean;
  /** Whether the role's permission policies allow the action on the resource. */
  allows(role: RoleRecord, action: string, resource: string): boolean;
  hasPermissionPolicy(role: RoleRecord): boolean;
  /** The graph's warnings (mistakes it draws), derived once per look-up set. */
  warnings(): readonly GraphWarning[];
}

const GONE = new Set(['shutting-down', 'terminated']);

export function lookups(state: SimState): Lookups {
  let warnings: readonly GraphWarning[] | undefined;
  const association = (instance: InstanceRecord): AssociationRecord | undefined => {
    const found = instance.associationId ? own(state.tables.associations, instance.associationId) : undefined;
    return found && (found.State === 'associating' || found.State === 'associated') ? found : undefined;
  };
  return {
    role: (name) => own(state.tables.roles, nameKey(name)),
    profile: (name) => own(state.tables.instanceProfiles, nameKey(name)),
    profilesHolding: (roleName) => profilesForRole(state, roleName),
    instance(name) {
      let newest: InstanceRecord | undefined;
      for (const instance of Object.values(state.tables.instances)) {
        if (GONE.has(instance.State.Name) || !instance.Tags.some((t) => t.Key === 'Name' && t.Value === name)) continue;
        if (!newest || instance.LaunchTime > newest.LaunchTime || (instance.LaunchTime === newest.LaunchTime && instance.InstanceId > newest.InstanceId)) newest = instance;
      }
      return newest;
    },
    association,
    attachedProfile(instance) {
      const live = association(instance);
      return live ? findProfileById(state, live.IamInstanceProfile.Id) : undefined;
    },
    trusts: (role, service) => trustAllows(role, { Service: service }),
    allows: (role, action, resource) => evaluateRole(state, role, { action, resource }).effect === 'allow',
    hasPermissionPolicy: (role) => role.attachedPolicyArns.length > 0 || Object.keys(role.inlinePolicies).length > 0,
    warnings: () => (warnings ??= deriveGraph(state).warnings),
  };
}
