import type { AppliedChange } from './changes';
import { nameKey, type SimState, type TableName } from './state';

/**
 * Derived look-ups that keep large accounts fast: row counts, keys in sorted order, the profiles
 * that hold each role, and profiles by id. They are not part of the snapshot: they are built from
 * the tables the first time they are needed and then kept current by `commit`, the only writer.
 */
interface Indexes {
  counts: Map<TableName, number>;
  sorted: Map<TableName, string[]>;
  /** role key → keys of the profiles holding it */
  profilesByRole: Map<string, Set<string>>;
  /** InstanceProfileId → profile key */
  profileById: Map<string, string>;
  /** RunInstances ClientToken → the instances that launch made (idempotent retries). */
  instancesByClientToken: Map<string, Set<string>>;
  /** Scheduled transitions ordered by time, then key: settling looks only at the front. */
  scheduleQueue: { at: number; key: string }[];
}

const cache = new WeakMap<SimState, Indexes>();

function build(state: SimState): Indexes {
  const indexes: Indexes = { counts: new Map(), sorted: new Map(), profilesByRole: new Map(), profileById: new Map(), instancesByClientToken: new Map(), scheduleQueue: [] };
  for (const table of Object.keys(state.tables) as TableName[]) indexes.counts.set(table, Object.keys(state.tables[table]).length);
  for (const [key, profile] of Object.entries(state.tables.instanceProfiles)) {
    indexes.profileById.set(profile.InstanceProfileId, key);
    if (profile.roleName !== null) linkProfile(indexes, nameKey(profile.roleName), key);
  }
  for (const [key, instance] of Object.entries(state.tables.instances)) if (instance.ClientToken) addToSet(indexes.instancesByClientToken, instance.ClientToken, key);
  indexes.scheduleQueue = Object.entries(state.tables.schedule)
    .map(([key, t]) => ({ at: t.at, key }))
    .sort(compareQueued);
  return indexes;
}

const compareQueued = (a: { at: number; key: string }, b: { at: number; key: string }): number => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function queuePosition(queue: readonly { at: number; key: string }[], entry: { at: number; key: string }): number {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareQueued(queue[mid] as { at: number; key: string }, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexesOf(state: SimState): Indexes {
  let indexes = cache.get(state);
  if (!indexes) {
    indexes = build(state);
    cache.set(state, indexes);
  }
  return indexes;
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFromSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set && set.size === 0) map.delete(key);
}

const linkProfile = (indexes: Indexes, roleKey: string, profileKey: string): void => addToSet(indexes.profilesByRole, roleKey, profileKey);
const unlinkProfile = (indexes: Indexes, roleKey: string, profileKey: string): void => removeFromSet(indexes.profilesByRole, roleKey, profileKey);

/** The first position in `sorted` whose key is greater than `key` (or equal, with `inclusive`). */
export function lowerBound(sorted: readonly string[], key: string, inclusive = true): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid] ?? '';
    if (at < key || (!inclusive && at === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keeps the indexes of `state` current after `commit` applied changes (no-op until first used). */
export function updateIndexes(state: SimState, applied: readonly AppliedChange[]): void {
  const indexes = cache.get(state);
  if (!indexes) return;
  for (const change of applied) {
    const created = change.before === undefined && change.after !== undefined;
    const deleted = change.before !== undefined && change.after === undefined;
    if (created || deleted) {
      indexes.counts.set(change.table, (indexes.counts.get(change.table) ?? 0) + (created ? 1 : -1));
      const sorted = indexes.sorted.get(change.table);
      if (sorted) {
        const at = lowerBound(sorted, change.key);
        if (created && sorted[at] !== change.key) sorted.splice(at, 0, change.key);
        if (deleted && sorted[at] === change.key) sorted.splice(at, 1);
      }
    }
    if (change.table === 'schedule') {
      const queue = indexes.scheduleQueue;
      if (change.before) {
        const entry = { at: change.before.at, key: change.key };
        const at = queuePosition(queue, entry);
        if (queue[at]?.key === change.key) queue.splice(at, 1);
      }
      if (change.after) {
        const entry = { at: change.after.at, key: change.key };
        queue.splice(queuePosition(queue, entry), 0, entry);
      }
    }
    if (change.table === 'instances') {
      if (change.before?.ClientToken) removeFromSet(indexes.instancesByClientToken, change.before.ClientToken, change.key);
      if (change.after?.ClientToken) addToSet(indexes.instancesByClientToken, change.after.ClientToken, change.key);
    }
    if (change.table === 'instanceProfiles') {
      const before = change.before;
      const after = change.after;
      if (before) {
        indexes.profileById.delete(before.InstanceProfileId);
        if (before.roleName !== null) unlinkProfile(indexes, nameKey(before.roleName), change.key);
      }
      if (after) {
        indexes.profileById.set(after.InstanceProfileId, change.key);
        if (after.roleName !== null) linkProfile(indexes, nameKey(after.roleName), change.key);
      }
    }
  }
}

/** How many rows a table has, in O(1). */
export const rowCount = (state: SimState, table: TableName): number => indexesOf(state).counts.get(table) ?? 0;

/** A table's keys in ascending order (do not modify the array). Role and profile keys are lower-cased names, so this is name order ignoring case. */
export function sortedKeys(state: SimState, table: TableName): readonly string[] {
  const indexes = indexesOf(state);
  let sorted = indexes.sorted.get(table);
  if (!sorted) {
    sorted = Object.keys(state.tables[table]).sort();
    indexes.sorted.set(table, sorted);
  }
  return sorted;
}

/** Keys of the instance profiles that hold the role, in O(1). */
export const profileKeysForRole = (state: SimState, roleName: string): ReadonlySet<string> => indexesOf(state).profilesByRole.get(nameKey(roleName)) ?? new Set();

/** The key of the profile with this InstanceProfileId, in O(1). */
export const profileKeyById = (state: SimState, id: string): string | undefined => indexesOf(state).profileById.get(id);

/** Keys of the scheduled transitions due by `now`, earliest first. */
export function dueScheduleKeys(state: SimState, now: number): string[] {
  const queue = indexesOf(state).scheduleQueue;
  const due: string[] = [];
  for (const entry of queue) {
    if (entry.at > now) break;
    due.push(entry.key);
  }
  return due;
}

/** Ids of the instances a RunInstances call with this ClientToken made, in O(1). */
export const instanceIdsByClientToken = (state: SimState, clientToken: string): ReadonlySet<string> =>
  indexesOf(state).instancesByClientToken.get(clientToken) ?? new Set();
