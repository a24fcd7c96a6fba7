import type { ConsoleAction, InstanceRecord, SimState } from '../../../sim';

type InstanceStateName = InstanceRecord['State']['Name'];

/**
 * What the EC2 console pages show, derived from the published account (tables read with
 * `Object.values` and `Object.hasOwn` only: their keys are learner-chosen names and ids).
 */

/**
 * The "IAM role" field: EC2 knows the instance's *profile*; the console shows the role inside it
 * (F5), or says the profile is empty. A profile deleted after it was attached no longer resolves.
 */
export type IamRoleCell =
  | { kind: 'none' }
  | { kind: 'role'; roleName: string; profileName: string }
  | { kind: 'emptyProfile'; profileName: string }
  | { kind: 'missingProfile'; profileName: string };

export interface InstanceRow {
  instanceId: string;
  name?: string;
  state: InstanceStateName;
  instanceType: string;
  imageId: string;
  keyName?: string;
  launchTime: string;
  availabilityZone: string;
  privateIp: string;
  publicIp?: string;
  vpcId: string;
  subnetId: string;
  securityGroups: { GroupId: string; GroupName: string }[];
  httpTokens: 'optional' | 'required';
  iamRole: IamRoleCell;
  /** The attached profile's ARN (also while associating or disassociating). */
  instanceProfileArn?: string;
}

export interface ProfileOption {
  name: string;
  arn: string;
  roleName: string | null;
}

const ownRow = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const profileNameOf = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

export function iamRoleCell(sim: SimState, instance: InstanceRecord): IamRoleCell {
  const association = instance.associationId ? ownRow(sim.tables.associations, instance.associationId) : undefined;
  if (!association) return { kind: 'none' };
  const profileName = profileNameOf(association.IamInstanceProfile.Arn);
  const profile = ownRow(sim.tables.instanceProfiles, profileName.toLowerCase());
  if (!profile || profile.InstanceProfileId !== association.IamInstanceProfile.Id) return { kind: 'missingProfile', profileName };
  if (profile.roleName === null) return { kind: 'emptyProfile', profileName: profile.InstanceProfileName };
  const role = ownRow(sim.tables.roles, profile.roleName.toLowerCase());
  return { kind: 'role', roleName: role?.RoleName ?? profile.roleName, profileName: profile.InstanceProfileName };
}

export function instanceRow(sim: SimState, instance: InstanceRecord): InstanceRow {
  const name = instance.Tags.find((t) => t.Key === 'Name')?.Value;
  const association = instance.associationId ? ownRow(sim.tables.associations, instance.associationId) : undefined;
  return {
    instanceId: instance.InstanceId,
    ...(name !== undefined ? { name } : {}),
    state: instance.State.Name,
    instanceType: instance.InstanceType,
    imageId: instance.ImageId,
    ...(instance.KeyName !== undefined ? { keyName: instance.KeyName } : {}),
    launchTime: instance.LaunchTime,
    availabilityZone: sim.account.availabilityZone,
    privateIp: instance.PrivateIpAddress,
    ...(instance.PublicIpAddress !== undefined && instance.State.Name === 'running' ? { publicIp: instance.PublicIpAddress } : {}),
    vpcId: instance.VpcId,
    subnetId: instance.SubnetId,
    securityGroups: instance.State.Name === 'terminated' ? [] : instance.SecurityGroups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName })),
    httpTokens: instance.MetadataOptions.HttpTokens,
    iamRole: iamRoleCell(sim, instance),
    ...(association ? { instanceProfileArn: association.IamInstanceProfile.Arn } : {}),
  };
}

/** Newest launch first, as the console lists a fresh account's instances; ties by id. */
export function instanceRows(sim: SimState, search = ''): InstanceRow[] {
  const needle = search.trim().toLowerCase();
  return Object.values(sim.tables.instances)
    .sort((a, b) => (a.LaunchTime === b.LaunchTime ? (a.InstanceId < b.InstanceId ? -1 : 1) : a.LaunchTime < b.LaunchTime ? 1 : -1))
    .map((instance) => instanceRow(sim, instance))
    .filter((row) => !needle || row.instanceId.includes(needle) || (row.name ?? '').toLowerCase().includes(needle));
}

export function findInstance(sim: SimState, instanceId: string): InstanceRow | undefined {
  const instance = ownRow(sim.tables.instances, instanceId);
  return instance ? instanceRow(sim, instance) : undefined;
}

/** The "IAM instance profile" and "IAM role" dropdowns: every profile by name, empty ones too. */
export function profileOptions(sim: SimState): ProfileOption[] {
  return Object.entries(sim.tables.instanceProfiles)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, p]) => ({ name: p.InstanceProfileName, arn: p.Arn, roleName: p.roleName }));
}

/** A few public images of us-east-1, as the launch wizard's quick start offers them [BEL: ids change as AWS publishes new builds]. */
export const AMI_CHOICES = [
  { id: 'ami-0453ec754f44f9a4a', key: 'al2023' },
  { id: 'ami-0c02fb55956c7d316', key: 'al2' },
  { id: 'ami-0e2c8caa4b6378d8c', key: 'ubuntu2404' },
  { id: 'ami-0583d8c7a9c35822c', key: 'rhel9' },
] as const;

export const INSTANCE_TYPES = ['t2.micro', 't3.micro', 't3.small', 't3.medium', 'm5.large', 'c5.large'] as const;

export interface LaunchForm {
  name: string;
  imageId: string;
  instanceType: string;
  keyName: string;
  /** '' for "Don't include in launch template"-style none. */
  instanceProfileName: string;
  httpTokens: '' | 'optional' | 'required';
}

export const DEFAULT_LAUNCH_FORM: LaunchForm = { name: '', imageId: AMI_CHOICES[0].id, instanceType: 't3.micro', keyName: '', instanceProfileName: '', httpTokens: '' };

/** The launch wizard's form as the console action that sends it; blank fields are left out. */
export function launchAction(form: LaunchForm): Extract<ConsoleAction, { type: 'ec2.launchInstance' }> {
  const name = form.name.trim();
  const keyName = form.keyName.trim();
  return {
    type: 'ec2.launchInstance',
    imageId: form.imageId,
    instanceType: form.instanceType,
    ...(name ? { name } : {}),
    ...(keyName ? { keyName } : {}),
    ...(form.instanceProfileName ? { instanceProfileName: form.instanceProfileName } : {}),
    ...(form.httpTokens ? { httpTokens: form.httpTokens } : {}),
  };
}

/** Which instance-state actions make sense for a selection (the API still has the last word). */
export function stateActions(rows: readonly InstanceRow[]): { start: boolean; stop: boolean; terminate: boolean } {
  return {
    start: rows.some((r) => r.state === 'stopped'),
    stop: rows.some((r) => r.state === 'running' || r.state === 'pending'),
    terminate: rows.some((r) => r.state !== 'terminated' && r.state !== 'shutting-down'),
  };
}
