import type { ConsoleAction, SimState } from '../sim';
import { need } from './conditions';
import { lookups } from './lookups';
import type { LessonAction, Missing, ShellLocation } from './types';

/**
 * Fills in an action's placeholders from the state just before it runs, so "show me" types real
 * ids (`i-0…`, `iip-assoc-…`) the learner can read, and works whichever way the learner made
 * the instance. `skip`: the action is not needed where the terminal is (an `exit` outside any
 * instance, an `ssh` from inside one).
 */
export type Resolved = { kind: 'run'; action: LessonAction } | { kind: 'skip' } | { kind: 'missing'; missing: Missing };

const PLACEHOLDER = /\{\{(instance|association|account)(?::([^}]+))?\}\}/g;

export function resolveAction(state: SimState, location: ShellLocation, action: LessonAction): Resolved {
  if (action.kind === 'command' && action.only !== undefined && (action.only === 'local') !== (location.type === 'local')) return { kind: 'skip' };
  const find = lookups(state);
  let problem: Missing | undefined;
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (whole, kind: string, name = '') => {
      if (kind === 'account') return state.account.accountId;
      const instance = find.instance(name);
      if (!instance) {
        problem ??= need('missing.instanceMissing', { name });
        return whole;
      }
      if (kind === 'instance') return instance.InstanceId;
      const association = find.association(instance);
      if (!association) problem ??= need('missing.instanceHasNoProfile', { name });
      return association?.AssociationId ?? whole;
    });
  const filled: LessonAction = action.kind === 'command' ? { ...action, line: fill(action.line) } : { kind: 'console', action: mapStrings(action.action, fill) };
  return problem ? { kind: 'missing', missing: problem } : { kind: 'run', action: filled };
}

/** A console action with every string passed through `fill` (ids sit in strings and string lists). */
function mapStrings(action: ConsoleAction, fill: (text: string) => string): ConsoleAction {
  const map = (value: unknown): unknown => {
    if (typeof value === 'string') return fill(value);
    if (Array.isArray(value)) return value.map(map);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v)]));
    return value;
  };
  return map(action) as ConsoleAction;
}
