import type { AppliedChange, SimEvent } from '../core/changes';
import { exhaustive } from '../core/assert';
import type { AwsError, ServiceName } from '../core/errors';
import type { Ctx } from '../core/operation';
import type { SimState, Tag } from '../core/state';
import { execute, type Outcome } from '../execute';
import { consoleTrustPolicy, SERVICE_USE_CASES, type ServiceUseCase } from './useCases';

/**
 * What a learner does in the simulated AWS console. Each action is a composition of API calls,
 * made in the order the real console makes them, and reports every call so the UI can show
 * what happened under the hood.
 */
export type ConsoleAction =
  | {
      type: 'iam.createServiceRole';
      useCase: ServiceUseCase['id'];
      roleName: string;
      description?: string;
      managedPolicyArns: string[];
      tags: Tag[];
    }
  | { type: 'iam.deleteRole'; roleName: string }
  | {
      type: 'ec2.launchInstance';
      name?: string;
      imageId: string;
      instanceType: string;
      keyName?: string;
      /** The "IAM instance profile" dropdown: a profile name, or none. */
      instanceProfileName?: string;
      httpTokens?: 'optional' | 'required';
    }
  /** Actions › Security › Modify IAM role: a profile name to attach or replace with, or null to detach. */
  | { type: 'ec2.modifyIamRole'; instanceId: string; instanceProfileName: string | null }
  | { type: 'ec2.startInstances' | 'ec2.stopInstances' | 'ec2.terminateInstances'; instanceIds: string[] };

export interface ConsoleApiCall {
  service: ServiceName;
  operation: string;
  params: Record<string, unknown>;
  outcome: Outcome;
}

export interface ConsoleActionResult {
  /** The first error that stopped the action; calls made before it stand, as in the real console. */
  error?: AwsError;
  calls: ConsoleApiCall[];
  events: SimEvent[];
  applied: AppliedChange[];
}

class Session {
  readonly result: ConsoleActionResult = { calls: [], events: [], applied: [] };
  constructor(
    private readonly state: SimState,
    private readonly ctx: Ctx,
  ) {}

  /** Makes one API call; returns its response, or undefined after recording the error that stops the action. */
  call<T = Record<string, unknown>>(service: ServiceName, operation: string, params: Record<string, unknown>): T | undefined {
    const { outcome, events, applied } = execute(this.state, { service, operation, params, origin: 'console' }, this.ctx);
    this.result.calls.push({ service, operation, params, outcome });
    this.result.events.push(...events);
    this.result.applied.push(...applied);
    if (!outcome.ok) {
      this.result.error = outcome.error;
      return undefined;
    }
    return outcome.response as T;
  }
}

export function runConsoleAction(state: SimState, action: ConsoleAction, ctx: Ctx): ConsoleActionResult {
  const session = new Session(state, ctx);
  switch (action.type) {
    case 'iam.createServiceRole':
      createServiceRole(session, action);
      break;
    case 'iam.deleteRole':
      deleteRole(session, action.roleName);
      break;
    case 'ec2.launchInstance':
      launchInstance(session, action);
      break;
    case 'ec2.modifyIamRole':
      modifyIamRole(session, action.instanceId, action.instanceProfileName);
      break;
    case 'ec2.startInstances':
    case 'ec2.stopInstances':
    case 'ec2.terminateInstances': {
      const operation = { 'ec2.startInstances': 'StartInstances', 'ec2.stopInstances': 'StopInstances', 'ec2.terminateInstances': 'TerminateInstances' }[action.type];
      session.call('ec2', operation, { InstanceIds: action.instanceIds });
      break;
    }
    default:
      exhaustive(action);
  }
  return session.result;
}

/** Create role › AWS service › use case › permissions › name: for EC2 the console also makes a same-named profile. */
function createServiceRole(session: Session, action: Extract<ConsoleAction, { type: 'iam.createServiceRole' }>): void {
  const useCase = SERVICE_USE_CASES.find((u) => u.id === action.useCase);
  if (!useCase) throw new Error(`Unknown console use case ${action.useCase}`);
  const created = session.call('iam', 'CreateRole', {
    RoleName: action.roleName,
    AssumeRolePolicyDocument: consoleTrustPolicy(useCase.principal),
    Description: action.description ?? useCase.description,
    MaxSessionDuration: 3600,
    ...(action.tags.length ? { Tags: action.tags } : {}),
  });
  if (!created) return;
  for (const arn of action.managedPolicyArns) {
    if (!session.call('iam', 'AttachRolePolicy', { RoleName: action.roleName, PolicyArn: arn })) return;
  }
  if (!useCase.createsInstanceProfile) return;
  if (!session.call('iam', 'CreateInstanceProfile', { InstanceProfileName: action.roleName })) return;
  session.call('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: action.roleName, RoleName: action.roleName });
}

/** Delete role: the console takes the role out of its profiles and deletes them, detaches and deletes its policies, then deletes the role. */
function deleteRole(session: Session, roleName: string): void {
  const profiles = session.call<{ InstanceProfiles: { InstanceProfileName: string }[] }>('iam', 'ListInstanceProfilesForRole', { RoleName: roleName });
  if (!profiles) return;
  for (const { InstanceProfileName } of profiles.InstanceProfiles) {
    if (!session.call('iam', 'RemoveRoleFromInstanceProfile', { InstanceProfileName, RoleName: roleName })) return;
    if (!session.call('iam', 'DeleteInstanceProfile', { InstanceProfileName })) return;
  }
  const attached = session.call<{ AttachedPolicies: { PolicyArn: string }[] }>('iam', 'ListAttachedRolePolicies', { RoleName: roleName });
  if (!attached) return;
  for (const { PolicyArn } of attached.AttachedPolicies) {
    if (!session.call('iam', 'DetachRolePolicy', { RoleName: roleName, PolicyArn })) return;
  }
  const inline = session.call<{ PolicyNames: string[] }>('iam', 'ListRolePolicies', { RoleName: roleName });
  if (!inline) return;
  for (const PolicyName of inline.PolicyNames) {
    if (!session.call('iam', 'DeleteRolePolicy', { RoleName: roleName, PolicyName })) return;
  }
  session.call('iam', 'DeleteRole', { RoleName: roleName });
}

type ProfileListing = { InstanceProfiles: { InstanceProfileName: string; Arn: string }[] };

/** The launch wizard fills its "IAM instance profile" dropdown from ListInstanceProfiles, and launches with the chosen profile's ARN. */
function launchInstance(session: Session, action: Extract<ConsoleAction, { type: 'ec2.launchInstance' }>): void {
  let profileArn: string | undefined;
  if (action.instanceProfileName !== undefined) {
    const listing = session.call<ProfileListing>('iam', 'ListInstanceProfiles', { MaxItems: 1000 });
    if (!listing) return;
    profileArn = listing.InstanceProfiles.find((p) => p.InstanceProfileName === action.instanceProfileName)?.Arn;
  }
  session.call('ec2', 'RunInstances', {
    ImageId: action.imageId,
    InstanceType: action.instanceType,
    MinCount: 1,
    MaxCount: 1,
    ...(action.keyName ? { KeyName: action.keyName } : {}),
    ...(action.name ? { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: action.name }] }] } : {}),
    ...(action.instanceProfileName !== undefined ? { IamInstanceProfile: profileArn ? { Arn: profileArn } : { Name: action.instanceProfileName } } : {}),
    ...(action.httpTokens ? { MetadataOptions: { HttpTokens: action.httpTokens } } : {}),
  });
}

/** Modify IAM role: associate when the instance has no profile, replace when it has one, disassociate for "No IAM role". */
function modifyIamRole(session: Session, instanceId: string, profileName: string | null): void {
  const current = session.call<{ IamInstanceProfileAssociations: { AssociationId: string; State: string }[] }>('ec2', 'DescribeIamInstanceProfileAssociations', {
    Filters: [{ Name: 'instance-id', Values: [instanceId] }],
  });
  if (!current) return;
  const live = current.IamInstanceProfileAssociations.find((a) => a.State === 'associated' || a.State === 'associating');
  if (profileName === null) {
    if (live) session.call('ec2', 'DisassociateIamInstanceProfile', { AssociationId: live.AssociationId });
    return;
  }
  const listing = session.call<ProfileListing>('iam', 'ListInstanceProfiles', { MaxItems: 1000 });
  if (!listing) return;
  const arn = listing.InstanceProfiles.find((p) => p.InstanceProfileName === profileName)?.Arn;
  const IamInstanceProfile = arn ? { Arn: arn } : { Name: profileName };
  if (live) session.call('ec2', 'ReplaceIamInstanceProfileAssociation', { AssociationId: live.AssociationId, IamInstanceProfile });
  else session.call('ec2', 'AssociateIamInstanceProfile', { InstanceId: instanceId, IamInstanceProfile });
}
