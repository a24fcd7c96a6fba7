import type { RoleRecord, SimState } from '../core/state';
import { defaultVersion, findManagedPolicy } from './managedPolicies';
import { parseIdentityPolicy, type NormalizedStatement, type PatternList } from './policyDocument';

/**
 * Identity-based policy evaluation for a role: an explicit Deny anywhere wins, otherwise an
 * Allow anywhere allows, otherwise the request is implicitly denied. Permissions boundaries,
 * session policies, resource policies and SCPs are not modelled.
 *
 * Conditions are not evaluated either: a statement with a `Condition` never matches, neither to
 * allow nor to deny. That keeps AWS managed policies whose grants depend on a condition (such
 * as `iam:PassRole` with `iam:PassedToService`) from granting more than they do in AWS.
 */

/** Where a policy comes from, so the UI can name it. */
export type PolicySource =
  | { type: 'inline'; roleName: string; policyName: string }
  | { type: 'managed'; policyArn: string; policyName: string; versionId: string; awsManaged: boolean };

/** A policy ready to evaluate: its source and its statements. */
export interface EvaluablePolicy {
  source: PolicySource;
  statements: NormalizedStatement[];
}

/** The statement that decided, and the policy it belongs to. */
export interface DecidingStatement {
  source: PolicySource;
  statementIndex: number;
  sid?: string;
}

/**
 * The outcome, in IAM's three states. `allow` and `explicit-deny` carry the deciding statement
 * (for an allow, the first matching Allow; any matching Deny would have won instead).
 */
export type Decision =
  | { effect: 'allow'; decidedBy: DecidingStatement }
  | { effect: 'explicit-deny'; decidedBy: DecidingStatement }
  | { effect: 'implicit-deny' };

export interface AccessRequest {
  /** `service:Operation`, e.g. `iam:CreateRole`. */
  action: string;
  /** The resource's ARN, or `*` for actions without resource-level permissions. */
  resource: string;
}

/** The role's inline policies, then its attached managed policies at their default versions. */
export function rolePolicies(state: SimState, role: RoleRecord): EvaluablePolicy[] {
  const policies: EvaluablePolicy[] = [];
  for (const [policyName, document] of Object.entries(role.inlinePolicies)) {
    policies.push({ source: { type: 'inline', roleName: role.RoleName, policyName }, statements: statementsOf(document) });
  }
  for (const policyArn of role.attachedPolicyArns) {
    const policy = findManagedPolicy(state, policyArn);
    const version = policy && defaultVersion(policy);
    if (!policy || !version) continue;
    policies.push({
      source: { type: 'managed', policyArn, policyName: policy.PolicyName, versionId: version.VersionId, awsManaged: policy.awsManaged },
      statements: statementsOf(version.Document),
    });
  }
  return policies;
}

// Stored documents were checked when they were put; one that no longer parses (an imported
// scenario, a stricter validator) grants nothing rather than failing every request.
function statementsOf(document: string): NormalizedStatement[] {
  const parsed = parseIdentityPolicy(document);
  return parsed.ok ? parsed.value.statements : [];
}

export function evaluate(policies: readonly EvaluablePolicy[], request: AccessRequest): Decision {
  let allow: DecidingStatement | undefined;
  for (const policy of policies) {
    for (const statement of policy.statements) {
      if (!statementMatches(statement, request)) continue;
      const decidedBy: DecidingStatement = { source: policy.source, statementIndex: statement.index, ...(statement.sid !== undefined ? { sid: statement.sid } : {}) };
      if (statement.effect === 'Deny') return { effect: 'explicit-deny', decidedBy };
      allow ??= decidedBy;
    }
  }
  return allow ? { effect: 'allow', decidedBy: allow } : { effect: 'implicit-deny' };
}

export const evaluateRole = (state: SimState, role: RoleRecord, request: AccessRequest): Decision => evaluate(rolePolicies(state, role), request);

function statementMatches(statement: NormalizedStatement, request: AccessRequest): boolean {
  if (statement.hasCondition) return false;
  return listMatches(statement.actions, request.action, true) && (!statement.resources || listMatches(statement.resources, request.resource, false));
}

/** `Action` matches when a pattern does; `NotAction` when none does. Action names ignore case; ARNs do not. */
function listMatches(list: PatternList, value: string, ignoreCase: boolean): boolean {
  const any = list.patterns.some((pattern) => wildcardMatch(pattern, value, ignoreCase));
  return list.not ? !any : any;
}

/** IAM's wildcards: `*` for any run of characters, `?` for any one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  // Greedy matching with backtracking to the last `*`: linear in practice, no regular expressions built.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let resume = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++resume;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
