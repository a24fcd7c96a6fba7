import type { RoleRecord, SimState, Tag } from '../../../sim';
import { AWS_MANAGED_POLICIES } from '../../../sim/iam/awsManagedPolicies';

/**
 * What the IAM console pages show, derived from the published account. Tables are keyed by
 * lower-cased names that the learner chooses (`constructor` is a valid role name), so they are
 * read with `Object.values` and `Object.hasOwn` only.
 */

/** A principal from a trust policy, as the roles list names it ("AWS Service: ec2"). */
export type TrustedEntity =
  | { kind: 'service'; name: string }
  | { kind: 'account'; id: string }
  | { kind: 'arn'; arn: string }
  | { kind: 'federated'; name: string }
  | { kind: 'everyone' };

export interface RoleRow {
  roleName: string;
  arn: string;
  createDate: string;
  trusted: TrustedEntity[];
}

export interface AttachedPolicyView {
  arn: string;
  name: string;
  type: 'aws' | 'customer';
  description?: string;
}

export interface RoleView {
  roleName: string;
  arn: string;
  path: string;
  createDate: string;
  description?: string;
  maxSessionDuration: number;
  lastUsed?: string;
  /** Shown only when the role sits in a profile (F22): the console lists them under the role ARN. */
  instanceProfileArns: string[];
  managedPolicies: AttachedPolicyView[];
  inlinePolicyNames: string[];
  /** The trust policy formatted for reading (4-space JSON), or as stored when it is not JSON. */
  trustPolicy: string;
  tags: Tag[];
}

const nameKey = (name: string): string => name.toLowerCase();

const ownRow = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** A stored policy document: JSON as submitted, or URL-encoded JSON as some tools send it. */
export function parseDocument(text: string): unknown {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // Not this form; try the next.
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The principals the trust policy's Allow statements name, each once, in the policy's order. */
export function trustedEntities(document: string): TrustedEntity[] {
  const parsed = parseDocument(document);
  if (!isObject(parsed)) return [];
  const found = new Map<string, TrustedEntity>();
  const add = (entity: TrustedEntity) => found.set(JSON.stringify(entity), entity);
  for (const statement of asList(parsed.Statement)) {
    if (!isObject(statement) || statement.Effect !== 'Allow') continue;
    const principal = statement.Principal;
    if (principal === '*') add({ kind: 'everyone' });
    if (!isObject(principal)) continue;
    for (const service of asList(principal.Service)) if (typeof service === 'string') add({ kind: 'service', name: service.replace(/\.amazonaws\.com(\.cn)?$/, '') });
    for (const aws of asList(principal.AWS)) {
      if (typeof aws !== 'string') continue;
      if (aws === '*') add({ kind: 'everyone' });
      else if (/^\d{12}$/.test(aws)) add({ kind: 'account', id: aws });
      else if (/^arn:[\w-]+:iam::\d{12}:root$/.test(aws)) add({ kind: 'account', id: aws.split(':')[4] ?? aws });
      else add({ kind: 'arn', arn: aws });
    }
    for (const federated of asList(principal.Federated)) if (typeof federated === 'string') add({ kind: 'federated', name: federated });
  }
  return [...found.values()];
}

/** The roles list, in ListRoles order (by lower-cased name), filtered by the search box. */
export function roleRows(sim: SimState, search = ''): RoleRow[] {
  const needle = search.trim().toLowerCase();
  const rows = Object.entries(sim.tables.roles)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, role]) => ({ roleName: role.RoleName, arn: role.Arn, createDate: role.CreateDate, trusted: trustedEntities(role.AssumeRolePolicyDocument) }));
  if (!needle) return rows;
  return rows.filter((row) => row.roleName.toLowerCase().includes(needle) || row.trusted.some((t) => entityText(t).toLowerCase().includes(needle)));
}

const entityText = (entity: TrustedEntity): string => {
  switch (entity.kind) {
    case 'service':
    case 'federated':
      return entity.name;
    case 'account':
      return entity.id;
    case 'arn':
      return entity.arn;
    case 'everyone':
      return '*';
  }
};

export const findRole = (sim: SimState, roleName: string): RoleRecord | undefined => ownRow(sim.tables.roles, nameKey(roleName));

export function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export const isAwsManagedArn = (arn: string): boolean => /^arn:[\w-]+:iam::aws:policy\//.test(arn);

const awsManagedByArn = new Map(AWS_MANAGED_POLICIES.map((p) => [p.Arn, p]));

export function attachedPolicy(sim: SimState, arn: string): AttachedPolicyView {
  if (isAwsManagedArn(arn)) {
    const description = awsManagedByArn.get(arn)?.Description;
    return { arn, name: policyName(arn), type: 'aws', ...(description ? { description } : {}) };
  }
  const record = ownRow(sim.tables.policies, arn);
  return { arn, name: record?.PolicyName ?? policyName(arn), type: 'customer', ...(record?.Description ? { description: record.Description } : {}) };
}

/** Pretty JSON as the console shows a policy; text that is not JSON stays as it is. */
export function formatDocument(document: string): string {
  const parsed = parseDocument(document);
  return parsed === undefined ? document : JSON.stringify(parsed, null, 4);
}

export function roleView(sim: SimState, roleName: string): RoleView | undefined {
  const role = findRole(sim, roleName);
  if (!role) return undefined;
  const key = nameKey(role.RoleName);
  const instanceProfileArns = Object.values(sim.tables.instanceProfiles)
    .filter((profile) => profile.roleName !== null && nameKey(profile.roleName) === key)
    .map((profile) => profile.Arn)
    .sort();
  return {
    roleName: role.RoleName,
    arn: role.Arn,
    path: role.Path,
    createDate: role.CreateDate,
    ...(role.Description ? { description: role.Description } : {}),
    maxSessionDuration: role.MaxSessionDuration,
    ...(role.RoleLastUsed.LastUsedDate ? { lastUsed: role.RoleLastUsed.LastUsedDate } : {}),
    instanceProfileArns,
    managedPolicies: role.attachedPolicyArns.map((arn) => attachedPolicy(sim, arn)),
    inlinePolicyNames: Object.keys(role.inlinePolicies),
    trustPolicy: formatDocument(role.AssumeRolePolicyDocument),
    tags: role.Tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

/** A policy the "Add permissions" step offers: the AWS managed catalogue, then the account's own. */
export interface PolicyChoice {
  arn: string;
  name: string;
  type: 'aws' | 'customer';
  description: string;
}

export function policyChoices(sim: SimState): PolicyChoice[] {
  const aws = AWS_MANAGED_POLICIES.map((p) => ({ arn: p.Arn, name: p.PolicyName, type: 'aws' as const, description: p.Description }));
  const customer = Object.values(sim.tables.policies).map((p) => ({ arn: p.Arn, name: p.PolicyName, type: 'customer' as const, description: p.Description ?? '' }));
  return [...aws, ...customer].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || a.arn.localeCompare(b.arn, 'en'));
}

export function searchPolicies(choices: readonly PolicyChoice[], search: string, type: 'all' | 'aws' | 'customer' = 'all'): PolicyChoice[] {
  const needle = search.trim().toLowerCase();
  return choices.filter((c) => (type === 'all' || c.type === type) && (!needle || c.name.toLowerCase().includes(needle) || c.description.toLowerCase().includes(needle)));
}

/** The console's own check of a new role's name, before it calls CreateRole (1–64 of `[\w+=,.@-]`). */
export type RoleNameProblem = 'required' | 'tooLong' | 'characters';

export function roleNameProblem(name: string): RoleNameProblem | undefined {
  if (name.length === 0) return 'required';
  if (name.length > 64) return 'tooLong';
  if (!/^[\w+=,.@-]+$/.test(name)) return 'characters';
  return undefined;
}

/** Tags typed in the wizard: blank rows dropped; keys and values kept exactly as typed. */
export function wizardTags(rows: readonly { key: string; value: string }[]): Tag[] {
  return rows.filter((r) => r.key !== '' || r.value !== '').map((r) => ({ Key: r.key, Value: r.value }));
}
