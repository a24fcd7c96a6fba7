import { dueScheduleKeys, instanceIdsByClientToken, profileKeyById, profileKeysForRole, rowCount, sortedKeys } from '../core/indexes';
import type { SimState, TableName } from '../core/state';

/**
 * The structural promises the simulator keeps after any sequence of requests. Returns the broken
 * ones as readable sentences (empty when all hold), so a failing property says what went wrong.
 */
export function brokenInvariants(state: SimState, isKnownPolicyArn: (arn: string) => boolean): string[] {
  const broken: string[] = [];
  const { roles, instanceProfiles, instances, associations, schedule, policies } = state.tables;

  for (const [key, profile] of Object.entries(instanceProfiles)) {
    if (key !== profile.InstanceProfileName.toLowerCase()) broken.push(`profile ${profile.InstanceProfileName} is filed under ${key}`);
    if (profile.roleName !== null && !roles[profile.roleName.toLowerCase()]) broken.push(`profile ${profile.InstanceProfileName} holds deleted role ${profile.roleName}`);
  }
  for (const [key, role] of Object.entries(roles)) {
    if (key !== role.RoleName.toLowerCase()) broken.push(`role ${role.RoleName} is filed under ${key}`);
    for (const arn of role.attachedPolicyArns) {
      if (!policies[arn] && !isKnownPolicyArn(arn)) broken.push(`role ${role.RoleName} has deleted policy ${arn} attached`);
    }
    if (new Set(role.attachedPolicyArns).size !== role.attachedPolicyArns.length) broken.push(`role ${role.RoleName} has a policy attached twice`);
  }
  const liveByInstance = new Map<string, number>();
  for (const association of Object.values(associations)) {
    const instance = instances[association.InstanceId];
    if (!instance) broken.push(`association ${association.AssociationId} belongs to missing instance ${association.InstanceId}`);
    else if (instance.associationId !== association.AssociationId) broken.push(`association ${association.AssociationId} is not the one instance ${instance.InstanceId} points to`);
    if (association.State !== 'disassociated') liveByInstance.set(association.InstanceId, (liveByInstance.get(association.InstanceId) ?? 0) + 1);
  }
  for (const [instanceId, count] of liveByInstance) if (count > 1) broken.push(`instance ${instanceId} has ${count} live associations`);
  for (const instance of Object.values(instances)) {
    if (instance.associationId && !associations[instance.associationId]) broken.push(`instance ${instance.InstanceId} points to missing association ${instance.associationId}`);
    if (instance.associationId && instance.State.Name === 'terminated') broken.push(`terminated instance ${instance.InstanceId} still has an association`);
  }
  for (const [key, t] of Object.entries(schedule)) {
    const exists = t.kind === 'association-state' ? associations[t.associationId] : instances[t.instanceId];
    if (!exists) broken.push(`scheduled ${key} refers to a resource that is gone`);
  }
  // The derived indexes agree with the tables they are derived from.
  for (const table of Object.keys(state.tables) as TableName[]) {
    const keys = Object.keys(state.tables[table]).sort();
    if (rowCount(state, table) !== keys.length) broken.push(`index counts ${rowCount(state, table)} ${table}, the table has ${keys.length}`);
    if (JSON.stringify(sortedKeys(state, table)) !== JSON.stringify(keys)) broken.push(`sorted index of ${table} differs from the table`);
  }
  for (const role of Object.values(roles)) {
    const holding = Object.entries(instanceProfiles).filter(([, p]) => p.roleName?.toLowerCase() === role.RoleName.toLowerCase()).map(([k]) => k).sort();
    if (JSON.stringify([...profileKeysForRole(state, role.RoleName)].sort()) !== JSON.stringify(holding)) broken.push(`profile index for role ${role.RoleName} differs from the profiles`);
  }
  for (const [key, profile] of Object.entries(instanceProfiles)) {
    if (profileKeyById(state, profile.InstanceProfileId) !== key) broken.push(`id index misses profile ${profile.InstanceProfileName}`);
  }
  for (const instance of Object.values(instances)) {
    if (instance.ClientToken && !instanceIdsByClientToken(state, instance.ClientToken).has(instance.InstanceId)) broken.push(`client-token index misses ${instance.InstanceId}`);
  }
  const queued = Object.entries(schedule)
    .sort(([ka, a], [kb, b]) => a.at - b.at || (ka < kb ? -1 : 1))
    .map(([k]) => k);
  if (JSON.stringify(dueScheduleKeys(state, Number.POSITIVE_INFINITY)) !== JSON.stringify(queued)) broken.push('schedule queue differs from the schedule table');
  return broken;
}
