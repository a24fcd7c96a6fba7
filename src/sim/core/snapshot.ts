import * as v from 'valibot';
import { err, ok, type Result } from './result';
import { newTable, SCHEMA_VERSION, type SimState, type Tables } from './state';

/**
 * Validation of a state that comes from outside (IndexedDB, an imported scenario, a share link,
 * the headless runner's --state file): every table and record checked against the shapes in
 * `state.ts`, so a damaged or foreign file is refused with a reason instead of corrupting the lab.
 * A compile-time check below keeps these schemas and the record types in step.
 */
const str = v.string();
const num = v.pipe(v.number(), v.finite());
const tag = v.strictObject({ Key: str, Value: str });
const tags = v.array(tag);
const table = <T extends v.GenericSchema>(row: T) => v.record(v.string(), row);

const timing = v.strictObject({
  instanceStartSeconds: num,
  instanceStopSeconds: num,
  instanceTerminateSeconds: num,
  terminatedRetentionSeconds: num,
  associationSeconds: num,
  profilePropagationSeconds: num,
  credentialLifetimeSeconds: num,
  credentialRefreshSeconds: num,
});

const account = v.strictObject({
  accountId: v.pipe(str, v.regex(/^\d{12}$/)),
  region: str,
  availabilityZone: str,
  userName: str,
  userId: str,
  timing,
  quotas: v.strictObject({ rolesPerAccount: num, instanceProfilesPerAccount: num }),
});

const role = v.strictObject({
  Path: str,
  RoleName: str,
  RoleId: str,
  Arn: str,
  CreateDate: str,
  AssumeRolePolicyDocument: str,
  Description: v.optional(str),
  MaxSessionDuration: num,
  Tags: tags,
  RoleLastUsed: v.strictObject({ LastUsedDate: v.optional(str), Region: v.optional(str) }),
  inlinePolicies: v.record(v.string(), str),
  attachedPolicyArns: v.array(str),
});

const instanceProfile = v.strictObject({
  Path: str,
  InstanceProfileName: str,
  InstanceProfileId: str,
  Arn: str,
  CreateDate: str,
  Tags: tags,
  roleName: v.nullable(str),
  createdBy: v.picklist(['api', 'console']),
  visibleToEc2At: num,
  roleVisibleToEc2At: num,
});

const policy = v.strictObject({
  PolicyName: str,
  PolicyId: str,
  Arn: str,
  Path: str,
  DefaultVersionId: str,
  Description: v.optional(str),
  CreateDate: str,
  UpdateDate: str,
  Tags: tags,
  versions: v.array(v.strictObject({ VersionId: str, Document: str, IsDefaultVersion: v.boolean(), CreateDate: str })),
});

const instanceStateName = v.picklist(['pending', 'running', 'shutting-down', 'terminated', 'stopping', 'stopped']);
const enabled = v.picklist(['enabled', 'disabled']);

const instance = v.strictObject({
  InstanceId: str,
  ReservationId: str,
  ImageId: str,
  InstanceType: str,
  KeyName: v.optional(str),
  LaunchTime: str,
  AmiLaunchIndex: num,
  ClientToken: str,
  SubnetId: str,
  VpcId: str,
  PrivateIpAddress: str,
  PublicIpAddress: v.optional(str),
  SecurityGroups: v.array(v.strictObject({ GroupId: str, GroupName: str })),
  Tags: tags,
  State: v.strictObject({ Code: num, Name: instanceStateName }),
  StateTransitionReason: str,
  StateReason: v.optional(v.strictObject({ Code: str, Message: str })),
  MetadataOptions: v.strictObject({
    HttpTokens: v.picklist(['optional', 'required']),
    HttpPutResponseHopLimit: num,
    HttpEndpoint: enabled,
    HttpProtocolIpv6: enabled,
    InstanceMetadataTags: enabled,
  }),
  associationId: v.nullable(str),
});

const association = v.strictObject({
  AssociationId: str,
  InstanceId: str,
  IamInstanceProfile: v.strictObject({ Arn: str, Id: str }),
  State: v.picklist(['associating', 'associated', 'disassociating', 'disassociated']),
  Timestamp: str,
});

const transition = v.variant('kind', [
  v.strictObject({ kind: v.literal('instance-state'), at: num, instanceId: str, to: instanceStateName }),
  v.strictObject({ kind: v.literal('instance-expire'), at: num, instanceId: str }),
  v.strictObject({ kind: v.literal('association-state'), at: num, associationId: str, to: v.picklist(['associated', 'disassociated']) }),
]);

const rowSchemas = {
  roles: role,
  instanceProfiles: instanceProfile,
  policies: policy,
  instances: instance,
  associations: association,
  schedule: transition,
};

const tables = v.strictObject({
  roles: table(role),
  instanceProfiles: table(instanceProfile),
  policies: table(policy),
  instances: table(instance),
  associations: table(association),
  schedule: table(transition),
});

// The whole state as one schema, for the compile-time check against the record types only.
const _simStateShape = v.strictObject({ schemaVersion: v.literal(SCHEMA_VERSION), account, tables });
const anyObject = v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'Invalid type: Expected Object');
// valibot's record() skips keys such as `__proto__` and `constructor`, which are valid IAM names,
// so the tables are checked row by row and only the rest of the state goes through the schema.
const stateWithoutTables = v.strictObject({ schemaVersion: v.literal(SCHEMA_VERSION), account, tables: v.strictObject(Object.fromEntries(Object.keys(rowSchemas).map((k) => [k, anyObject]))) });

// If a record type in state.ts changes, this line stops compiling until the schema follows.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesState: Same<v.InferOutput<typeof _simStateShape>, SimState> = true;
void schemaMatchesState;

/** Why a snapshot was refused, for the learner. */
export type SnapshotProblem =
  | { kind: 'not-an-object' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'unknown-version'; version: unknown }
  | { kind: 'invalid'; path: string; message: string };

/** Checks an untrusted value and returns a state with prototype-free tables, or why it cannot be loaded. */
export function parseSimState(value: unknown): Result<SimState, SnapshotProblem> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return err({ kind: 'not-an-object' });
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) return err({ kind: 'newer-version', version });
  if (version !== SCHEMA_VERSION) return err({ kind: 'unknown-version', version });
  const outer = v.safeParse(stateWithoutTables, value);
  if (!outer.success) return err(problemOf(outer.issues[0], []));
  const rebuilt: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(rowSchemas)) {
    const rows = (outer.output.tables as Record<string, Record<string, unknown>>)[name] ?? {};
    const checked = newTable<unknown>();
    for (const key of Object.keys(rows)) {
      const row = v.safeParse(schema, rows[key]);
      if (!row.success) return err(problemOf(row.issues[0], ['tables', name, key]));
      // The input itself, not valibot's copy: its key order is the order AWS prints.
      checked[key] = rows[key];
    }
    rebuilt[name] = checked;
  }
  return ok({ schemaVersion: SCHEMA_VERSION, account: (value as SimState).account, tables: rebuilt as unknown as Tables });
}

function problemOf(issue: v.BaseIssue<unknown>, prefix: string[]): SnapshotProblem {
  const path = [...prefix, ...(issue.path?.map((p) => String(p.key)) ?? [])].join('.');
  return { kind: 'invalid', path, message: issue.message };
}

export function describeSnapshotProblem(problem: SnapshotProblem): string {
  switch (problem.kind) {
    case 'not-an-object':
      return 'not an IAM Lab state (expected a JSON object)';
    case 'newer-version':
      return `made by a newer IAM Lab (state version ${problem.version}; this one reads ${SCHEMA_VERSION})`;
    case 'unknown-version':
      return `not an IAM Lab state (schemaVersion ${JSON.stringify(problem.version)})`;
    case 'invalid':
      return `invalid at ${problem.path || 'the top level'}: ${problem.message}`;
  }
}
