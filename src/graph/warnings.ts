import type { ContainsRoleEdge, GraphEdge, GraphNode, GraphWarning, InstanceNode, InstanceProfileNode, RoleNode, UsesProfileEdge } from './types';

/**
 * The mistakes the graph points at, found from the graph itself, so a warning can only ever
 * name nodes and edges that exist. Trust comes from the simulator's own evaluation, already on
 * each role node (`ec2Trust`).
 */
export function graphWarnings(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphWarning[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const containing = new Map<string, ContainsRoleEdge[]>();
  const withPolicies = new Set<string>();
  for (const edge of edges) {
    if (edge.kind === 'contains-role') push(containing, edge.target, edge);
    if (edge.kind === 'has-managed-policy' || edge.kind === 'has-inline-policy') withPolicies.add(edge.source);
  }
  const warnings: GraphWarning[] = [];

  for (const edge of edges) if (edge.kind === 'uses-profile') warnings.push(...associationWarnings(edge, byId));

  const profilesByName = new Map<string, InstanceProfileNode>();
  for (const node of nodes) if (node.kind === 'instance-profile') profilesByName.set(node.name.toLowerCase(), node);

  for (const role of nodes) {
    if (role.kind !== 'role') continue;
    const inProfiles = containing.get(role.id) ?? [];
    if (role.ec2Trust === 'allow' && inProfiles.length === 0) {
      warnings.push({ id: `ec2-role-without-profile:${role.id}`, code: 'ec2-role-without-profile', nodeIds: [role.id], edgeIds: [], params: { role: role.name } });
    }
    for (const edge of inProfiles) {
      const profile = byId.get(edge.source) as InstanceProfileNode;
      if (role.ec2Trust !== 'allow') {
        warnings.push({
          id: `profile-role-not-trusted-by-ec2:${profile.id}`,
          code: 'profile-role-not-trusted-by-ec2',
          nodeIds: [profile.id, role.id],
          edgeIds: [edge.id],
          params: { profile: profile.name, role: role.name, trust: role.ec2Trust },
        });
      }
    }
    if (inProfiles.length > 0 && !withPolicies.has(role.id)) {
      warnings.push({
        id: `role-without-permissions:${role.id}`,
        code: 'role-without-permissions',
        nodeIds: [role.id, ...inProfiles.map((e) => e.source)],
        edgeIds: inProfiles.map((e) => e.id),
        params: { role: role.name },
      });
    }
    const twin = profilesByName.get(role.name.toLowerCase());
    if (twin && !inProfiles.some((e) => e.source === twin.id)) warnings.push(sameNameNotLinked(role, twin));
  }
  return warnings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Only a live association (associating or associated) is a problem worth drawing: a disassociating one is already being undone. */
function associationWarnings(edge: UsesProfileEdge, byId: ReadonlyMap<string, GraphNode>): GraphWarning[] {
  if (edge.state !== 'associating' && edge.state !== 'associated') return [];
  const instance = byId.get(edge.source) as InstanceNode;
  const target = byId.get(edge.target);
  if (target?.kind === 'deleted-profile') {
    return [{
      id: `association-profile-deleted:${edge.associationId}`,
      code: 'association-profile-deleted',
      nodeIds: [target.id, instance.id],
      edgeIds: [edge.id],
      params: { instance: instance.instanceId, profile: target.name, profileArn: target.arn },
    }];
  }
  if (target?.kind === 'instance-profile' && target.roleName === null) {
    return [{
      id: `empty-profile-attached:${edge.associationId}`,
      code: 'empty-profile-attached',
      nodeIds: [target.id, instance.id],
      edgeIds: [edge.id],
      params: { instance: instance.instanceId, profile: target.name },
    }];
  }
  return [];
}

function sameNameNotLinked(role: RoleNode, profile: InstanceProfileNode): GraphWarning {
  return {
    id: `same-name-not-linked:${role.id}|${profile.id}`,
    code: 'same-name-not-linked',
    nodeIds: [role.id, profile.id],
    edgeIds: [],
    params: { role: role.name, profile: profile.name, profileRole: profile.roleName },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
