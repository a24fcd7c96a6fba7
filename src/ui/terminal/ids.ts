import type { SimState } from '../../sim';
import { exhaustive } from '../lib/exhaustive';

/**
 * Resource ids and ARNs the terminal makes clickable, and the graph node each one selects.
 * Graph node ids are `role:NAME`, `profile:NAME` and `instance:ID`. Names and ARNs map
 * directly; unique ids (AROA…, AIPA…) and association ids are looked up in the current state,
 * so an id from old output that no longer exists selects nothing.
 */
export type IdRef =
  | { kind: 'role'; name: string }
  | { kind: 'profile'; name: string }
  | { kind: 'instance'; id: string }
  | { kind: 'roleId'; id: string }
  | { kind: 'profileId'; id: string }
  | { kind: 'association'; id: string };

const PATH = String.raw`(?:[\w+=,.@-]+/)*`;
// IAM names may contain `.` and `,` but do not end with one here: a sentence's full stop is not part of an ARN.
const NAME = String.raw`[\w+=,.@-]*[\w+=@-]`;
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => IdRef][] = [
  [new RegExp(String.raw`arn:aws:iam::\d{12}:role/${PATH}(${NAME})`, 'y'), (m) => ({ kind: 'role', name: m[1] ?? '' })],
  [new RegExp(String.raw`arn:aws:iam::\d{12}:instance-profile/${PATH}(${NAME})`, 'y'), (m) => ({ kind: 'profile', name: m[1] ?? '' })],
  [new RegExp(String.raw`arn:aws:sts::\d{12}:assumed-role/(${NAME})/${NAME}`, 'y'), (m) => ({ kind: 'role', name: m[1] ?? '' })],
  [/arn:aws:ec2:[a-z0-9-]+:\d{12}:instance\/(i-[0-9a-f]{8,17})/y, (m) => ({ kind: 'instance', id: m[1] ?? '' })],
  [/iip-assoc-[0-9a-f]{17}/y, (m) => ({ kind: 'association', id: m[0] })],
  [/i-[0-9a-f]{17}|i-[0-9a-f]{8}/y, (m) => ({ kind: 'instance', id: m[0] })],
  [/AROA[A-Z0-9]{17}/y, (m) => ({ kind: 'roleId', id: m[0] })],
  [/AIPA[A-Z0-9]{17}/y, (m) => ({ kind: 'profileId', id: m[0] })],
];

/** Where an id may start: `a`, `r`, `i`, `A` not preceded by a word character or a hyphen. */
const CANDIDATE = /(?<![\w-])(?=arn:|iip-|i-|AROA|AIPA)/g;
const ENDS_WORD = /[\w-]/;

export interface IdMatch {
  start: number;
  end: number;
  ref: IdRef;
}

/** Every id in `text`, left to right, never overlapping. */
export function findIds(text: string): IdMatch[] {
  const found: IdMatch[] = [];
  let from = 0;
  for (const candidate of text.matchAll(CANDIDATE)) {
    const start = candidate.index;
    if (start < from) continue;
    for (const [pattern, toRef] of PATTERNS) {
      pattern.lastIndex = start;
      const m = pattern.exec(text);
      if (!m) continue;
      const end = start + m[0].length;
      if (ENDS_WORD.test(text[end] ?? '')) continue;
      found.push({ start, end, ref: toRef(m) });
      from = end;
      break;
    }
  }
  return found;
}

/** The graph node an id selects in `sim`, or undefined when nothing in the lab has it. */
export function nodeIdFor(ref: IdRef, sim: SimState | undefined): string | undefined {
  switch (ref.kind) {
    case 'role':
      return `role:${ref.name}`;
    case 'profile':
      return `profile:${ref.name}`;
    case 'instance':
      return `instance:${ref.id}`;
    case 'roleId': {
      const role = sim && Object.values(sim.tables.roles).find((r) => r.RoleId === ref.id);
      return role ? `role:${role.RoleName}` : undefined;
    }
    case 'profileId': {
      const profile = sim && Object.values(sim.tables.instanceProfiles).find((p) => p.InstanceProfileId === ref.id);
      return profile ? `profile:${profile.InstanceProfileName}` : undefined;
    }
    case 'association': {
      const association = sim && Object.hasOwn(sim.tables.associations, ref.id) ? sim.tables.associations[ref.id] : undefined;
      return association ? `instance:${association.InstanceId}` : undefined;
    }
    default:
      return exhaustive(ref);
  }
}
