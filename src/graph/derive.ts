import { lastPathSegment, parseArn } from '../sim/core/arn';
import { nameKey, own, type AssociationRecord, type InstanceProfileRecord, type InstanceRecord, type RoleRecord, type SimState } from '../sim/core/state';
import { findProfileById } from '../sim/iam/instanceProfiles';
import { defaultVersion, findManagedPolicy } from '../sim/iam/managedPolicies';
import { ec2TrustOf, trustDecision, trustPrincipals } from './principals';
import { graphWarnings } from './warnings';
import {
  EDGE_KINDS,
  NODE_KINDS,
  edgeId,
  nodeId,
  type DeletedProfileNode,
  type Graph,
  type GraphEdge,
  type GraphNode,
  type InstanceNode,
  type InstanceProfileNode,
  type ManagedPolicyNode,
  type RoleNode,
} from './types';

/**
 * State → graph. Pure: it reads the state and builds new objects, so a graph derived before a
 * command stays as it was after the command updates the state in place. Same state, same graph,
 * byte for byte.
 */
export function deriveGraph(state: SimState): Graph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addNode = (node: GraphNode): void => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };
  const addEdge = (edge: GraphEdge): void => {
    if (!edges.has(edge.id)) edges.set(edge.id, edge);
  };
  const { roles, instanceProfiles, policies, instances, associations } = state.tables;

  for (const role of Object.values(roles)) {
    const roleId = nodeId.role(role.RoleName);
    addNode(roleNode(role));
    for (const principal of trustPrincipals(role.AssumeRolePolicyDocument)) {
      addNode({ kind: 'principal', id: principal.id, principalType: principal.type, value: principal.value });
      const decision = trustDecision(role.AssumeRolePolicyDocument, principal);
      addEdge({ kind: 'may-assume', id: edgeId.between('may-assume', principal.id, roleId), source: principal.id, target: roleId, decision });
    }
    for (const arn of role.attachedPolicyArns) {
      const policy = managedPolicyNode(state, arn);
      addNode(policy);
      addEdge({ kind: 'has-managed-policy', id: edgeId.between('has-managed-policy', roleId, policy.id), source: roleId, target: policy.id });
    }
    for (const [policyName, document] of Object.entries(role.inlinePolicies)) {
      const id = nodeId.inline(role.RoleName, policyName);
      addNode({ kind: 'inline-policy', id, roleName: role.RoleName, name: policyName, document });
      addEdge({ kind: 'has-inline-policy', id: edgeId.between('has-inline-policy', roleId, id), source: roleId, target: id });
    }
  }
  // Customer managed policies are the learner's own resources: shown even when attached to nothing.
  for (const policy of Object.values(policies)) addNode(managedPolicyNode(state, policy.Arn));

  for (const profile of Object.values(instanceProfiles)) {
    const node = profileNode(profile);
    addNode(node);
    const role = profile.roleName === null ? undefined : own(roles, nameKey(profile.roleName));
    if (role) {
      const roleId = nodeId.role(role.RoleName);
      addEdge({ kind: 'contains-role', id: edgeId.between('contains-role', node.id, roleId), source: node.id, target: roleId });
    }
  }

  for (const instance of Object.values(instances)) addNode(instanceNode(instance));
  for (const association of Object.values(associations)) {
    const instanceId = nodeId.instance(association.InstanceId);
    if (!nodes.has(instanceId)) continue;
    const profile = findProfileById(state, association.IamInstanceProfile.Id);
    let target: string;
    if (profile) target = nodeId.profile(profile.InstanceProfileName);
    else {
      const marker = deletedProfileNode(association);
      addNode(marker);
      target = marker.id;
    }
    addEdge({ kind: 'uses-profile', id: edgeId.association(association.AssociationId), source: instanceId, target, associationId: association.AssociationId, state: association.State });
  }

  const sortedNodes = [...nodes.values()].sort(byKindThenId(NODE_KINDS));
  const sortedEdges = [...edges.values()].sort(byKindThenId(EDGE_KINDS));
  return { nodes: sortedNodes, edges: sortedEdges, warnings: graphWarnings(sortedNodes, sortedEdges) };
}

/** Kind in the given order, then id ignoring case (so `role:app` comes before `role:Web`), then id. */
function byKindThenId<K extends string>(kinds: readonly K[]): (a: { kind: K; id: string }, b: { kind: K; id: string }) => number {
  const rank = new Map(kinds.map((kind, i) => [kind, i]));
  return (a, b) => (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0) || compareIds(a.id, b.id);
}

/** A locale-free, total order on ids. */
export function compareIds(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function roleNode(role: RoleRecord): RoleNode {
  return {
    kind: 'role',
    id: nodeId.role(role.RoleName),
    name: role.RoleName,
    roleId: role.RoleId,
    arn: role.Arn,
    path: role.Path,
    createDate: role.CreateDate,
    ...(role.Description !== undefined ? { description: role.Description } : {}),
    trustPolicy: role.AssumeRolePolicyDocument,
    ec2Trust: ec2TrustOf(role.AssumeRolePolicyDocument),
    tags: role.Tags,
  };
}

function managedPolicyNode(state: SimState, arn: string): ManagedPolicyNode {
  const policy = findManagedPolicy(state, arn);
  if (!policy) {
    // Not reachable through the simulator (attaching checks the policy exists), but a snapshot may say so.
    const parsed = parseArn(arn);
    return {
      kind: 'managed-policy',
      id: nodeId.policy(arn),
      name: parsed ? lastPathSegment(parsed.resource) : arn,
      arn,
      path: '/',
      awsManaged: parsed?.account === 'aws',
      policyId: null,
      defaultVersionId: null,
      document: null,
      tags: [],
    };
  }
  return {
    kind: 'managed-policy',
    id: nodeId.policy(arn),
    name: policy.PolicyName,
    arn,
    path: policy.Path,
    awsManaged: policy.awsManaged,
    policyId: policy.PolicyId,
    defaultVersionId: policy.DefaultVersionId,
    document: defaultVersion(policy)?.Document ?? null,
    tags: policy.Tags,
  };
}

function profileNode(profile: InstanceProfileRecord): InstanceProfileNode {
  return {
    kind: 'instance-profile',
    id: nodeId.profile(profile.InstanceProfileName),
    name: profile.InstanceProfileName,
    profileId: profile.InstanceProfileId,
    arn: profile.Arn,
    path: profile.Path,
    createDate: profile.CreateDate,
    createdBy: profile.createdBy,
    roleName: profile.roleName,
    tags: profile.Tags,
  };
}

function deletedProfileNode(association: AssociationRecord): DeletedProfileNode {
  const { Arn, Id } = association.IamInstanceProfile;
  const parsed = parseArn(Arn);
  return { kind: 'deleted-profile', id: nodeId.deletedProfile(Id), name: parsed ? lastPathSegment(parsed.resource) : Arn, profileId: Id, arn: Arn };
}

function instanceNode(instance: InstanceRecord): InstanceNode {
  return {
    kind: 'instance',
    id: nodeId.instance(instance.InstanceId),
    instanceId: instance.InstanceId,
    name: instance.Tags.find((t) => t.Key === 'Name')?.Value ?? null,
    state: instance.State.Name,
    instanceType: instance.InstanceType,
    imageId: instance.ImageId,
    launchTime: instance.LaunchTime,
    tags: instance.Tags,
  };
}
