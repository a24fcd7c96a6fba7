import { parseArn } from '../core/arn';
import type { RoleRecord } from '../core/state';

/**
 * Who asks to assume a role: an AWS service (`ec2.amazonaws.com` for an instance profile), or an
 * AWS principal named by its ARN (a user, a role, an assumed-role session, an account root) or
 * by a bare account id.
 */
export type TrustPrincipal = { Service: string } | { AWS: string };

/**
 * The outcome of a trust policy, in the three states IAM evaluates: an explicit deny wins over
 * any allow; with neither, the request is implicitly denied. `statement` is the index of the
 * statement that decided (and its Sid when it has one), so the UI can point at it.
 */
export type TrustDecision =
  | { effect: 'allow' | 'deny'; statement: number; sid?: string }
  | { effect: 'no-match' };

const ASSUME_ROLE = 'sts:AssumeRole';

type Json = unknown;

const asList = (value: Json): Json[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const strings = (value: Json): string[] => asList(value).filter((v): v is string => typeof v === 'string');
const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** IAM action patterns: case-insensitive, `*` any run of characters, `?` any one character. */
function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/**
 * Every policy value that names this AWS principal. Principal values take no partial wildcards,
 * only a whole `*`; an account (its id or its root ARN) stands for every principal in it; a role
 * ARN also names that role's sessions (the session ARN carries no path, so compare by name).
 */
function awsPrincipalMatches(value: string, principalArn: string): boolean {
  if (value === '*' || value === principalArn) return true;
  const principal = parseArn(principalArn);
  const account = principal?.account ?? principalArn;
  if (value === account || value === `arn:aws:iam::${account}:root`) return true;
  if (principal?.service === 'sts' && principal.resource.startsWith('assumed-role/')) {
    const roleName = principal.resource.split('/')[1];
    const named = parseArn(value);
    return named?.service === 'iam' && named.account === account && named.resource.startsWith('role/') && named.resource.endsWith(`/${roleName}`);
  }
  return false;
}

function principalMatches(element: Json, principal: TrustPrincipal): boolean {
  if (element === '*') return true;
  if (!isObject(element)) return false;
  if (strings(element.AWS).includes('*')) return true;
  if ('Service' in principal) {
    return strings(element.Service).some((s) => s.toLowerCase() === principal.Service.toLowerCase());
  }
  return strings(element.AWS).some((v) => awsPrincipalMatches(v, principal.AWS));
}

function statementMatches(statement: Record<string, Json>, principal: TrustPrincipal, action: string): boolean {
  // Conditions are not modelled: a statement with a Condition never matches. For an Allow this
  // errs towards denying, for a Deny towards allowing; lessons do not rely on either.
  if (statement.Condition !== undefined) return false;
  const principalOk = statement.Principal !== undefined
    ? principalMatches(statement.Principal, principal)
    : statement.NotPrincipal !== undefined && !principalMatches(statement.NotPrincipal, principal);
  if (!principalOk) return false;
  if (statement.Action !== undefined) return strings(statement.Action).some((p) => actionMatches(p, action));
  if (statement.NotAction !== undefined) return !strings(statement.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/** Evaluates a trust policy document (already validated when stored) for one principal and action. */
export function evaluateTrustDocument(document: string, principal: TrustPrincipal, action: string = ASSUME_ROLE): TrustDecision {
  const parsed: Json = JSON.parse(document);
  const statements = isObject(parsed) ? asList(parsed.Statement) : [];
  let allow: TrustDecision | undefined;
  for (const [index, statement] of statements.entries()) {
    if (!isObject(statement) || !statementMatches(statement, principal, action)) continue;
    const decided = { statement: index, ...(typeof statement.Sid === 'string' ? { sid: statement.Sid } : {}) };
    if (statement.Effect === 'Deny') return { effect: 'deny', ...decided };
    if (statement.Effect === 'Allow' && !allow) allow = { effect: 'allow', ...decided };
  }
  return allow ?? { effect: 'no-match' };
}

/** Whether the role's trust policy lets `principal` call sts:AssumeRole on it. */
export const evaluateTrust = (role: RoleRecord, principal: TrustPrincipal): TrustDecision =>
  evaluateTrustDocument(role.AssumeRolePolicyDocument, principal);

export const trustAllows = (role: RoleRecord, principal: TrustPrincipal): boolean => evaluateTrust(role, principal).effect === 'allow';

/** The service principal EC2 uses to assume an instance profile's role. */
export const EC2_SERVICE: TrustPrincipal = { Service: 'ec2.amazonaws.com' };
