import { emptyState, nameKey, own, SCHEMA_VERSION, serviceModels, type ServiceName, type SimState, type TableName } from '../sim';
import { shapeAt } from '../cli/args/unpack';
import type { Workspace } from '../cli/terminal';
import { parseWorkspace } from '../cli/workspace/file';
import type { Positions } from '../graph';
import type { LabMessage } from './protocol';

/**
 * The scenario file: what "Export" writes, "Import" and share links read, and what the browser
 * keeps between visits. A marker and a version around the terminal's workspace, so a file from
 * another program or from a newer IAM Lab is recognised and refused with a reason.
 */
export const SCENARIO_FORMAT = 'iam-lab-scenario';
export const SCENARIO_VERSION = 1;

/** `layout`: where the graph's nodes were (node id → top-left corner); empty when the file has none. */
export type ScenarioRead = { ok: true; workspace: Workspace; layout: Positions } | { ok: false; problem: LabMessage };

/**
 * The scenario as JSON text: compact for storage and links, indented for a file a person may open.
 * With a layout, the graph opens as it was left (a teacher's arranged diagram survives a link).
 */
export function scenarioText(workspace: Workspace | Omit<Workspace, 'sim'>, indent?: number, layout?: Readonly<Positions>): string {
  // The random source's state words are uint32 to the reader, but sfc32 leaves one as a signed
  // int now and then; `>>> 0` is the same word (the source applies it itself when it resumes).
  const random = workspace.random.map((word) => word >>> 0);
  // Sorted, so the same picture always saves as the same text, whatever order the nodes were placed in.
  const ids = layout ? Object.keys(layout).sort() : [];
  const graph = layout && ids.length > 0 ? { layout: Object.fromEntries(ids.map((id) => [id, layout[id]])) } : {};
  return JSON.stringify({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, workspace: { ...workspace, random }, ...graph }, null, indent);
}

/**
 * The scenario as the browser keeps it, in parts: the account's settings, each of its tables, and
 * the rest (shell, clock, random source, layout). A change rewrites only the parts it touched: in
 * a large lab, creating a role rewrites the roles, not every instance. `joinSaved` makes them one
 * scenario text again, the same scenario `scenarioText` gives.
 */
export const TABLE_NAMES: readonly TableName[] = Object.keys(emptyState().tables) as TableName[];
export const SETTINGS_PART = 'settings';
export const tablePart = (table: TableName): string => `table:${table}`;
export const ACCOUNT_PARTS: readonly string[] = [SETTINGS_PART, ...TABLE_NAMES.map(tablePart)];

/** The account's parts as stored: the settings and the given tables (all of them with 'all'). */
export function accountParts(sim: SimState, tables: ReadonlySet<TableName> | 'all'): Record<string, string> {
  const parts: Record<string, string> = {};
  if (tables === 'all') parts[SETTINGS_PART] = JSON.stringify({ schemaVersion: sim.schemaVersion, account: sim.account });
  for (const table of TABLE_NAMES) if (tables === 'all' || tables.has(table)) parts[tablePart(table)] = JSON.stringify(sim.tables[table]);
  return parts;
}

export const savedRest = ({ shell, clock, random }: Workspace, layout?: Readonly<Positions>): string => scenarioText({ shell, clock, random }, undefined, layout);

const WORKSPACE_OPENING = `{"format":"${SCENARIO_FORMAT}","version":${SCENARIO_VERSION},"workspace":{`;

/**
 * One scenario text again from every account part and the rest. Parts that were not written by
 * `accountParts` and `savedRest` come back as text `readScenario` refuses, never as a wrong lab.
 */
export function joinSaved(account: Readonly<Record<string, string>>, rest: string): string {
  const settings = account[SETTINGS_PART] ?? '';
  if (!settings.startsWith('{') || !settings.endsWith('}') || !rest.startsWith(WORKSPACE_OPENING)) return rest;
  const tables = TABLE_NAMES.map((table) => `${JSON.stringify(table)}:${account[tablePart(table)] ?? 'null'}`).join(',');
  const sim = `${settings.slice(0, -1)},"tables":{${tables}}}`;
  return `${WORKSPACE_OPENING}"sim":${sim},${rest.slice(WORKSPACE_OPENING.length)}`;
}

/** A file's `layout` member, checked: every entry a pair of finite coordinates. */
function readLayout(value: unknown): Positions | string {
  if (value === undefined) return Object.create(null) as Positions;
  if (!isRecord(value)) return 'layout is not an object';
  const layout = Object.create(null) as Positions;
  for (const [id, at] of Object.entries(value)) {
    if (!isRecord(at) || Object.keys(at).length !== 2 || !Number.isFinite(at.x) || !Number.isFinite(at.y)) return `layout of ${JSON.stringify(id)} is not a position`;
    layout[id] = { x: at.x as number, y: at.y as number };
  }
  return layout;
}

const refuse = (key: LabMessage['key'], values?: LabMessage['values']): ScenarioRead => ({ ok: false, problem: values ? { key, values } : { key } });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a scenario from untrusted text: every table checked, and the tables checked against each other. */
export function readScenario(text: string): ScenarioRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return refuse('import.notJson', { reason: e instanceof Error ? e.message : String(e) });
  }
  if (!isRecord(value) || value.format !== SCENARIO_FORMAT) return refuse('import.notAScenario');
  const { version } = value;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    return refuse('import.newerVersion', { version, supported: SCENARIO_VERSION });
  }
  if (version !== SCENARIO_VERSION) return refuse('import.invalid', { reason: `unknown version ${JSON.stringify(version) ?? 'undefined'}` });
  const extra = Object.keys(value).find((k) => k !== 'format' && k !== 'version' && k !== 'workspace' && k !== 'layout');
  if (extra !== undefined) return refuse('import.invalid', { reason: `unexpected member ${extra}` });
  const { workspace } = value;
  // A newer simulator state inside a current file is still the work of a newer IAM Lab.
  const stateVersion = isRecord(workspace) && isRecord(workspace.sim) ? workspace.sim.schemaVersion : undefined;
  if (typeof stateVersion === 'number' && stateVersion > SCHEMA_VERSION) return refuse('import.newerVersion', { version: stateVersion, supported: SCHEMA_VERSION });
  const parsed = parseWorkspace(JSON.stringify(workspace) ?? 'undefined');
  if (!parsed.ok) return refuse('import.invalid', { reason: `workspace ${parsed.error}` });
  const inconsistency = checkTables(parsed.value.sim);
  if (inconsistency) return refuse('import.invalid', { reason: inconsistency });
  const layout = readLayout(value.layout);
  if (typeof layout === 'string') return refuse('import.invalid', { reason: layout });
  return { ok: true, workspace: parsed.value, layout };
}

/** Whether `value` is a valid `member` of `operation`'s input, by the service model's length and pattern. */
function validName(service: ServiceName, operation: string, member: string, value: string): boolean {
  const model = serviceModels[service];
  const input = shapeAt(model, { shape: model.operations[operation]?.input ?? '' });
  const shape = shapeAt(model, input.members?.[member]);
  const length = [...value].length;
  if ((shape.min !== undefined && length < shape.min) || (shape.max !== undefined && length > shape.max)) return false;
  return shape.pattern === undefined || new RegExp(`^(?:${shape.pattern})$`, 'u').test(value);
}

/**
 * What the record-by-record check cannot see: rows filed under another key, names IAM would never
 * accept (a file edited by hand, or built to smuggle markup into the page), and references to
 * rows that do not exist. The simulator relies on all of these.
 */
function checkTables(sim: SimState): string | undefined {
  const { roles, instanceProfiles, policies, instances, associations } = sim.tables;
  for (const [key, role] of Object.entries(roles)) {
    if (!validName('iam', 'CreateRole', 'RoleName', role.RoleName)) return `role name ${JSON.stringify(role.RoleName)} is not a valid IAM role name`;
    if (key !== nameKey(role.RoleName)) return `role ${role.RoleName} is filed under ${JSON.stringify(key)}`;
    const inline = Object.keys(role.inlinePolicies).find((name) => !validName('iam', 'PutRolePolicy', 'PolicyName', name));
    if (inline !== undefined) return `role ${role.RoleName} has an inline policy named ${JSON.stringify(inline)}, which IAM does not allow`;
  }
  for (const [key, profile] of Object.entries(instanceProfiles)) {
    const name = profile.InstanceProfileName;
    if (!validName('iam', 'CreateInstanceProfile', 'InstanceProfileName', name)) return `instance profile name ${JSON.stringify(name)} is not a valid IAM name`;
    if (key !== nameKey(name)) return `instance profile ${name} is filed under ${JSON.stringify(key)}`;
    if (profile.roleName !== null && !own(roles, nameKey(profile.roleName))) return `instance profile ${name} holds role ${profile.roleName}, which does not exist`;
  }
  for (const [key, policy] of Object.entries(policies)) {
    if (!validName('iam', 'CreatePolicy', 'PolicyName', policy.PolicyName)) return `policy name ${JSON.stringify(policy.PolicyName)} is not a valid IAM name`;
    if (key !== policy.Arn) return `policy ${policy.PolicyName} is filed under ${JSON.stringify(key)}`;
  }
  for (const [key, instance] of Object.entries(instances)) {
    if (key !== instance.InstanceId) return `instance ${instance.InstanceId} is filed under ${JSON.stringify(key)}`;
    if (instance.associationId !== null && !own(associations, instance.associationId)) return `instance ${key} refers to association ${instance.associationId}, which does not exist`;
  }
  for (const [key, association] of Object.entries(associations)) {
    if (key !== association.AssociationId) return `association ${association.AssociationId} is filed under ${JSON.stringify(key)}`;
    if (!own(instances, association.InstanceId)) return `association ${key} is for instance ${association.InstanceId}, which does not exist`;
  }
  return undefined;
}
