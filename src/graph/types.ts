import type { TrustDecision } from '../sim/iam/trust';
import type { AssociationStateName, InstanceStateName, Tag } from '../sim/core/state';

/**
 * The live graph: what the learner has built, derived from the simulator state by a pure
 * function. Every node and edge has a stable id built from AWS's own identifiers, so the UI can
 * key components, keep positions and highlight changes across commands.
 */
export interface Graph {
  /** Ordered by kind (`NODE_KINDS`), then by id ignoring case. */
  nodes: GraphNode[];
  /** Ordered by kind (`EDGE_KINDS`), then by id. */
  edges: GraphEdge[];
  /** Ordered by id. */
  warnings: GraphWarning[];
}

// ---- Nodes ---------------------------------------------------------------------------------

/** Node kinds in display order: the order the graph lists them and the filters offer them. */
export const NODE_KINDS = ['principal', 'role', 'managed-policy', 'inline-policy', 'instance-profile', 'deleted-profile', 'instance'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The element of a trust policy's `Principal` that names it. `"Principal": "*"` is read as `{ "AWS": "*" }`, which IAM treats the same. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** Someone a role's trust policy names: a service, an account, a user or role ARN, a federation provider. */
export interface PrincipalNode {
  kind: 'principal';
  id: string;
  principalType: PrincipalType;
  /** As written in the policy; service names lower-cased, as IAM compares them. */
  value: string;
}

export interface RoleNode {
  kind: 'role';
  id: string;
  name: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: string;
  description?: string;
  /** The trust policy as submitted. */
  trustPolicy: string;
  /** What the role's trust policy says to `ec2.amazonaws.com` (the simulator's own evaluation). */
  ec2Trust: TrustDecision['effect'];
  tags: Tag[];
}

/** A managed policy attached to a role, or a customer managed policy of the account (attached or not). */
export interface ManagedPolicyNode {
  kind: 'managed-policy';
  id: string;
  name: string;
  arn: string;
  path: string;
  awsManaged: boolean;
  /** Null only for a policy the simulator does not know (never made by the simulator itself). */
  policyId: string | null;
  defaultVersionId: string | null;
  /** The default version's document. */
  document: string | null;
  tags: Tag[];
}

export interface InlinePolicyNode {
  kind: 'inline-policy';
  id: string;
  roleName: string;
  name: string;
  document: string;
}

export interface InstanceProfileNode {
  kind: 'instance-profile';
  id: string;
  name: string;
  profileId: string;
  arn: string;
  path: string;
  createDate: string;
  /** `console`: made silently by the IAM console with an EC2 role (fact F3). */
  createdBy: 'api' | 'console';
  /** The role inside, or null when the profile is empty. */
  roleName: string | null;
  tags: Tag[];
}

/**
 * A profile that no longer exists but that an instance's association still refers to: EC2 keeps
 * the profile's ARN and id, so the graph points the association at this marker instead of
 * dropping the edge. A profile re-created with the same name has a new id, so it is not this one.
 */
export interface DeletedProfileNode {
  kind: 'deleted-profile';
  id: string;
  /** The name at the end of the ARN the association kept. */
  name: string;
  profileId: string;
  arn: string;
}

export interface InstanceNode {
  kind: 'instance';
  id: string;
  instanceId: string;
  /** The `Name` tag's value, or null when the instance has none. */
  name: string | null;
  state: InstanceStateName;
  instanceType: string;
  imageId: string;
  launchTime: string;
  tags: Tag[];
}

export type GraphNode = PrincipalNode | RoleNode | ManagedPolicyNode | InlinePolicyNode | InstanceProfileNode | DeletedProfileNode | InstanceNode;

// ---- Edges ---------------------------------------------------------------------------------

export const EDGE_KINDS = ['may-assume', 'has-managed-policy', 'has-inline-policy', 'contains-role', 'uses-profile'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

/**
 * What a trust policy decides for one principal (`statement` points at the deciding statement).
 * `not-evaluated`: federated and canonical-user principals, which the simulator's trust evaluation
 * does not model.
 */
export type TrustEdgeDecision = TrustDecision | { effect: 'not-evaluated' };

/** principal → role: the principal is named in the role's trust policy. */
export interface MayAssumeEdge {
  kind: 'may-assume';
  id: string;
  source: string;
  target: string;
  decision: TrustEdgeDecision;
}

/** role → managed policy. */
export interface HasManagedPolicyEdge {
  kind: 'has-managed-policy';
  id: string;
  source: string;
  target: string;
}

/** role → inline policy. */
export interface HasInlinePolicyEdge {
  kind: 'has-inline-policy';
  id: string;
  source: string;
  target: string;
}

/** instance profile → role. */
export interface ContainsRoleEdge {
  kind: 'contains-role';
  id: string;
  source: string;
  target: string;
}

/** instance → instance profile (or the marker of a deleted one): one IAM instance profile association. */
export interface UsesProfileEdge {
  kind: 'uses-profile';
  id: string;
  source: string;
  target: string;
  associationId: string;
  state: AssociationStateName;
}

export type GraphEdge = MayAssumeEdge | HasManagedPolicyEdge | HasInlinePolicyEdge | ContainsRoleEdge | UsesProfileEdge;

// ---- Warnings ------------------------------------------------------------------------------

export const WARNING_CODES = [
  'empty-profile-attached',
  'association-profile-deleted',
  'profile-role-not-trusted-by-ec2',
  'ec2-role-without-profile',
  'same-name-not-linked',
  'role-without-permissions',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

interface Warning<C extends WarningCode, P> {
  /** `code:` followed by the ids it is about: stable across commands. */
  id: string;
  code: C;
  /** The nodes it is drawn on, most specific first. */
  nodeIds: string[];
  edgeIds: string[];
  /** Names for the UI's translated message; no prose here. */
  params: P;
}

/**
 * A place where learners commonly go wrong. The UI words it in the learner's language from `code`
 * and `params`.
 */
export type GraphWarning =
  /** An instance uses a profile with no role in it: it gets no credentials (F4, F5). */
  | Warning<'empty-profile-attached', { instance: string; profile: string }>
  /** An instance's association refers to a profile that was deleted (F10). */
  | Warning<'association-profile-deleted', { instance: string; profile: string; profileArn: string }>
  /** A profile holds a role whose trust policy does not let EC2 assume it (F8). */
  | Warning<'profile-role-not-trusted-by-ec2', { profile: string; role: string; trust: 'deny' | 'no-match' }>
  /** A role EC2 may assume sits in no profile, so no instance can use it (F1, F6). */
  | Warning<'ec2-role-without-profile', { role: string }>
  /** A role and a profile share a name (ignoring case) but the profile does not hold that role (F4). */
  | Warning<'same-name-not-linked', { role: string; profile: string; profileRole: string | null }>
  /** A role in a profile has no permission policy at all (F13). */
  | Warning<'role-without-permissions', { role: string }>;

// ---- Ids -----------------------------------------------------------------------------------

/** Node ids, from AWS's identifiers: names as AWS spells them, ARNs, instance and profile ids. */
export const nodeId = {
  role: (roleName: string): string => `role:${roleName}`,
  profile: (profileName: string): string => `profile:${profileName}`,
  deletedProfile: (profileId: string): string => `deleted-profile:${profileId}`,
  instance: (instanceId: string): string => `instance:${instanceId}`,
  policy: (arn: string): string => `policy:${arn}`,
  inline: (roleName: string, policyName: string): string => `inline:${roleName}/${policyName}`,
  principal: (type: PrincipalType, value: string): string => `principal:${type === 'CanonicalUser' ? 'canonical' : type.toLowerCase()}:${value}`,
};

/** Edge ids: the kind and its two ends, or, for an association, its AWS id. */
export const edgeId = {
  between: (kind: Exclude<EdgeKind, 'uses-profile'>, source: string, target: string): string => `${kind}:${source}->${target}`,
  association: (associationId: string): string => `uses-profile:${associationId}`,
};
