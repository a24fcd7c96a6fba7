import { exhaustive } from '../sim/core/assert';
import { EC2_SERVICE, evaluateTrustDocument, type TrustDecision, type TrustPrincipal } from '../sim/iam/trust';
import { nodeId, type PrincipalType, type TrustEdgeDecision } from './types';

/**
 * Reads who a role's trust policy names. The document was validated when it was stored, but the
 * graph must never throw on a snapshot it is handed, so the JSON is read defensively: a
 * `Principal` may be `"*"`, or an object whose `AWS`, `Service`, `Federated` or `CanonicalUser`
 * members hold a string or a list of strings; anything else is skipped.
 * `NotPrincipal` names who is excluded, not who may assume, so it adds no principal.
 */

export interface NamedPrincipal {
  id: string;
  type: PrincipalType;
  value: string;
}

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

function parse(document: string): unknown {
  try {
    return JSON.parse(document);
  } catch {
    return undefined;
  }
}

function principalsOf(element: unknown): NamedPrincipal[] {
  if (element === '*') return [named('AWS', '*')];
  if (!isObject(element)) return [];
  return PRINCIPAL_TYPES.flatMap((type) => (Object.hasOwn(element, type) ? strings(element[type]).map((value) => named(type, value)) : []));
}

function named(type: PrincipalType, written: string): NamedPrincipal {
  // IAM compares service principals ignoring case; one node per service whatever the spelling.
  const value = type === 'Service' ? written.toLowerCase() : written;
  return { id: nodeId.principal(type, value), type, value };
}

/** Every principal the trust policy's statements name, once each, in document order. */
export function trustPrincipals(document: string): NamedPrincipal[] {
  const parsed = parse(document);
  if (!isObject(parsed)) return [];
  const statements = Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  const found = new Map<string, NamedPrincipal>();
  for (const statement of statements) {
    if (!isObject(statement)) continue;
    for (const principal of principalsOf(statement.Principal)) if (!found.has(principal.id)) found.set(principal.id, principal);
  }
  return [...found.values()];
}

/** The simulator's trust evaluation, or no match for a document it cannot read. */
function evaluate(document: string, principal: TrustPrincipal): TrustDecision {
  try {
    return evaluateTrustDocument(document, principal);
  } catch {
    return { effect: 'no-match' };
  }
}

/** What the trust policy decides for sts:AssumeRole by this principal. */
export function trustDecision(document: string, principal: NamedPrincipal): TrustEdgeDecision {
  switch (principal.type) {
    case 'Service':
      return evaluate(document, { Service: principal.value });
    case 'AWS':
      return evaluate(document, { AWS: principal.value });
    case 'Federated':
    case 'CanonicalUser':
      return { effect: 'not-evaluated' };
    default:
      return exhaustive(principal.type);
  }
}

/** Whether EC2 (for an instance profile) may assume a role with this trust policy. */
export const ec2TrustOf = (document: string): TrustDecision['effect'] => evaluate(document, EC2_SERVICE).effect;
