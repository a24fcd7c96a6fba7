/**
 * The whole simulated account as one plain, JSON-serializable snapshot.
 * Resources live in tables keyed by their natural id (lower-cased where AWS compares names
 * case-insensitively), so look-ups stay O(1) with thousands of resources.
 * Fields spelled as AWS spells them hold AWS's data; camelCase fields are the simulator's bookkeeping.
 */
export const SCHEMA_VERSION = 1;

export interface Tag {
  Key: string;
  Value: string;
}

/** Simulated delays, in seconds. Short by default so lessons stay fluid; a scenario may change them. */
export interface Timing {
  /** pending → running after a launch or a start. */
  instanceStartSeconds: number;
  /** stopping → stopped. */
  instanceStopSeconds: number;
  /** shutting-down → terminated. */
  instanceTerminateSeconds: number;
  /** How long a terminated instance stays visible. */
  terminatedRetentionSeconds: number;
  /** associating → associated, and disassociating → gone. */
  associationSeconds: number;
  /** How long a new profile, or a role just added to one, is unknown to EC2 (0 turns propagation off). */
  profilePropagationSeconds: number;
  /** Lifetime of the temporary credentials the metadata service hands out. */
  credentialLifetimeSeconds: number;
  /** How often the metadata service issues fresh credentials (well before the old ones expire). */
  credentialRefreshSeconds: number;
}

export const DEFAULT_TIMING: Timing = {
  instanceStartSeconds: 5,
  instanceStopSeconds: 5,
  instanceTerminateSeconds: 5,
  terminatedRetentionSeconds: 3600,
  associationSeconds: 3,
  profilePropagationSeconds: 0,
  credentialLifetimeSeconds: 6 * 3600,
  credentialRefreshSeconds: 3600,
};

/** Account quotas AWS lets you raise; a scenario or a benchmark may raise them too. */
export interface Quotas {
  rolesPerAccount: number;
  instanceProfilesPerAccount: number;
}

export const DEFAULT_QUOTAS: Quotas = { rolesPerAccount: 1000, instanceProfilesPerAccount: 1000 };

export interface AccountSettings {
  accountId: string;
  region: string;
  availabilityZone: string;
  /** The learner: an IAM user with full rights. */
  userName: string;
  userId: string;
  timing: Timing;
  quotas: Quotas;
}

export interface RoleRecord {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: string;
  /** The trust policy exactly as submitted. */
  AssumeRolePolicyDocument: string;
  Description?: string;
  MaxSessionDuration: number;
  Tags: Tag[];
  RoleLastUsed: { LastUsedDate?: string; Region?: string };
  /** Inline policies by name, each document as submitted, in the order they were put. */
  inlinePolicies: Record<string, string>;
  /** ARNs of attached managed policies (AWS managed or customer managed), in attachment order. */
  attachedPolicyArns: string[];
}

export interface InstanceProfileRecord {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: string;
  Tags: Tag[];
  /** The RoleName of the profile's only role, or null when empty. */
  roleName: string | null;
  /** Who made it: the console makes a same-named profile silently for an EC2 role. */
  createdBy: 'api' | 'console';
  /** Epoch ms from which EC2 can see the profile (propagation). */
  visibleToEc2At: number;
  /** Epoch ms from which EC2 sees the profile's current role (propagation). */
  roleVisibleToEc2At: number;
}

export interface PolicyVersionRecord {
  VersionId: string;
  Document: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}

/** A customer managed policy. AWS managed policies come from the built-in catalogue, not the state. */
export interface ManagedPolicyRecord {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  Description?: string;
  CreateDate: string;
  UpdateDate: string;
  Tags: Tag[];
  versions: PolicyVersionRecord[];
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface InstanceRecord {
  InstanceId: string;
  ReservationId: string;
  ImageId: string;
  InstanceType: string;
  KeyName?: string;
  LaunchTime: string;
  AmiLaunchIndex: number;
  ClientToken: string;
  SubnetId: string;
  VpcId: string;
  PrivateIpAddress: string;
  PublicIpAddress?: string;
  SecurityGroups: { GroupId: string; GroupName: string }[];
  Tags: Tag[];
  State: { Code: number; Name: InstanceStateName };
  StateTransitionReason: string;
  StateReason?: { Code: string; Message: string };
  MetadataOptions: {
    HttpTokens: 'optional' | 'required';
    HttpPutResponseHopLimit: number;
    HttpEndpoint: 'enabled' | 'disabled';
    HttpProtocolIpv6: 'enabled' | 'disabled';
    InstanceMetadataTags: 'enabled' | 'disabled';
  };
  /** The instance's one live profile association, if any. */
  associationId: string | null;
}

export type AssociationStateName = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export interface AssociationRecord {
  AssociationId: string;
  InstanceId: string;
  /** As AWS keeps it: the profile's ARN and id at association time (the profile may be deleted later). */
  IamInstanceProfile: { Arn: string; Id: string };
  State: AssociationStateName;
  Timestamp: string;
}

/** A state change that happens by itself once the simulated clock reaches `at`. */
export type ScheduledTransition =
  | { kind: 'instance-state'; at: number; instanceId: string; to: InstanceStateName }
  | { kind: 'instance-expire'; at: number; instanceId: string }
  | { kind: 'association-state'; at: number; associationId: string; to: 'associated' | 'disassociated' };

export interface Tables {
  roles: Record<string, RoleRecord>;
  instanceProfiles: Record<string, InstanceProfileRecord>;
  policies: Record<string, ManagedPolicyRecord>;
  instances: Record<string, InstanceRecord>;
  associations: Record<string, AssociationRecord>;
  schedule: Record<string, ScheduledTransition>;
}

export type TableName = keyof Tables;
export type Row<T extends TableName> = Tables[T][string];

export interface SimState {
  schemaVersion: typeof SCHEMA_VERSION;
  account: AccountSettings;
  tables: Tables;
}

export const DEFAULT_ACCOUNT: AccountSettings = {
  accountId: '123456789012',
  region: 'us-east-1',
  availabilityZone: 'us-east-1a',
  userName: 'learner',
  userId: 'AIDAQLEARNEREXAMPLE01',
  timing: DEFAULT_TIMING,
  quotas: DEFAULT_QUOTAS,
};

export function emptyState(account: Partial<AccountSettings> = {}): SimState {
  return {
    schemaVersion: SCHEMA_VERSION,
    account: { ...DEFAULT_ACCOUNT, ...account, timing: { ...DEFAULT_TIMING, ...account.timing }, quotas: { ...DEFAULT_QUOTAS, ...account.quotas } },
    tables: { roles: newTable(), instanceProfiles: newTable(), policies: newTable(), instances: newTable(), associations: newTable(), schedule: newTable() },
  };
}

/**
 * Tables have no prototype: role and profile names such as `constructor` or `__proto__` are valid
 * in IAM, and must be plain keys, never Object's own properties.
 */
export function newTable<T>(rows: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, rows);
}

/** A table row or record entry, never an inherited property. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Table key for names AWS treats as unique regardless of case. */
export const nameKey = (name: string): string => name.toLowerCase();
