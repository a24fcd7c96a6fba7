import type { ServiceName } from './errors';
import { exhaustive } from './assert';
import { updateIndexes } from './indexes';
import type { Row, SimState, TableName } from './state';

/**
 * Operations never touch the state: they return changes as data, and `commit` applies them.
 * A request that fails returns no changes, so it cannot leave anything half-done.
 * `value: undefined` deletes the row.
 */
export type Change = { [T in TableName]: { table: T; key: string; value: Row<T> | undefined } }[TableName];

/** A committed change with the row as it was before: enough to derive events and to undo. */
export type AppliedChange = { [T in TableName]: { table: T; key: string; before: Row<T> | undefined; after: Row<T> | undefined } }[TableName];

export const put = <T extends TableName>(table: T, key: string, value: Row<T>): Change => ({ table, key, value }) as Change;
export const remove = <T extends TableName>(table: T, key: string): Change => ({ table, key, value: undefined }) as Change;

/** Resource types as the graph, the console and the lessons name them. */
export type ResourceType = 'role' | 'instance-profile' | 'policy' | 'instance' | 'iam-instance-profile-association';

export type EventCause =
  | { type: 'request'; service: ServiceName; operation: string }
  | { type: 'clock' };

/** What changed, for highlights in the graph and for lesson checks. */
export interface SimEvent {
  kind: 'created' | 'updated' | 'deleted';
  resource: { type: ResourceType; id: string };
  cause: EventCause;
}

/**
 * Applies changes in order, in place. Tables are large maps: copying one per request would
 * cost O(n), so the state is updated where it stands and each change keeps its `before`,
 * from which `invert` builds the undo.
 */
export function commit(state: SimState, changes: readonly Change[]): AppliedChange[] {
  const applied: AppliedChange[] = [];
  for (const change of changes) {
    const table = state.tables[change.table] as Record<string, Row<TableName>>;
    const before = Object.hasOwn(table, change.key) ? table[change.key] : undefined;
    if (change.value === undefined) delete table[change.key];
    else table[change.key] = change.value;
    applied.push({ table: change.table, key: change.key, before, after: change.value } as AppliedChange);
  }
  updateIndexes(state, applied);
  return applied;
}

/** The changes that undo `applied`, in reverse order. */
export function invert(applied: readonly AppliedChange[]): Change[] {
  return applied.map((a) => ({ table: a.table, key: a.key, value: a.before }) as Change).reverse();
}

function resourceOf(change: AppliedChange): { type: ResourceType; id: string } | undefined {
  switch (change.table) {
    case 'roles':
      return { type: 'role', id: (change.after ?? change.before)?.RoleName ?? change.key };
    case 'instanceProfiles':
      return { type: 'instance-profile', id: (change.after ?? change.before)?.InstanceProfileName ?? change.key };
    case 'policies':
      return { type: 'policy', id: change.key };
    case 'instances':
      return { type: 'instance', id: change.key };
    case 'associations':
      return { type: 'iam-instance-profile-association', id: change.key };
    case 'schedule':
      return undefined;
    default:
      return exhaustive(change);
  }
}

/** One event per changed resource, in the order first changed; several changes to one resource fold into one. */
export function eventsOf(applied: readonly AppliedChange[], cause: EventCause): SimEvent[] {
  const byResource = new Map<string, SimEvent>();
  for (const change of applied) {
    const resource = resourceOf(change);
    if (!resource) continue;
    const kind = change.after === undefined ? 'deleted' : change.before === undefined ? 'created' : 'updated';
    const id = `${resource.type}:${resource.id}`;
    const earlier = byResource.get(id);
    if (!earlier) byResource.set(id, { kind, resource, cause });
    else if (kind === 'deleted') earlier.kind = earlier.kind === 'created' ? 'updated' : 'deleted';
  }
  return [...byResource.values()];
}
