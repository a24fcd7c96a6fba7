import type { Instance, InstanceMetadataOptionsResponse, InstanceStateChange, Reservation } from '../models/ec2.types';
import type { AccountSettings, AssociationRecord, InstanceRecord, SimState } from '../core/state';
import { privateDnsName, publicDnsName } from './network';

/**
 * Instances as EC2 prints them, keys in the CLI ≥ 2.18 order (the service model's member
 * order, aws-behaviour.md §4.1). Volumes and network interfaces are not modelled, so
 * `BlockDeviceMappings` and `NetworkInterfaces` are left out rather than invented.
 */

type InstanceStateName = InstanceRecord['State']['Name'];

// A stopped or pending instance has released its public address; a terminated one has no network at all.
const HAS_PUBLIC_ADDRESS: ReadonlySet<InstanceStateName> = new Set(['running', 'stopping', 'shutting-down']);

/** The public address as EC2 shows it: only while the instance holds one. */
export const visiblePublicIp = (instance: InstanceRecord): string | undefined =>
  instance.PublicIpAddress !== undefined && HAS_PUBLIC_ADDRESS.has(instance.State.Name) ? instance.PublicIpAddress : undefined;

export function metadataOptionsView(instance: InstanceRecord, state: 'pending' | 'applied'): InstanceMetadataOptionsResponse {
  const options = instance.MetadataOptions;
  return {
    State: state,
    HttpTokens: options.HttpTokens,
    HttpPutResponseHopLimit: options.HttpPutResponseHopLimit,
    HttpEndpoint: options.HttpEndpoint,
    HttpProtocolIpv6: options.HttpProtocolIpv6,
    InstanceMetadataTags: options.InstanceMetadataTags,
  };
}

export const associationOf = (instance: InstanceRecord, state: SimState): AssociationRecord | undefined =>
  instance.associationId ? state.tables.associations[instance.associationId] : undefined;

/**
 * One instance, with the profile association it has (looked up by the caller, since RunInstances
 * renders associations it has not committed yet). `metadataState` is `pending` in RunInstances'
 * answer (the options are not applied yet) and `applied` afterwards.
 */
export function instanceView(
  instance: InstanceRecord,
  account: AccountSettings,
  association: AssociationRecord | undefined,
  metadataState: 'pending' | 'applied' = 'applied',
): Instance {
  const { region, availabilityZone } = account;
  const terminated = instance.State.Name === 'terminated';
  const publicIp = visiblePublicIp(instance);
  // Built by assignment rather than conditional spreads: describe-instances renders thousands of these.
  const view: Instance = { Architecture: 'x86_64' };
  if (instance.ClientToken) view.ClientToken = instance.ClientToken;
  view.EbsOptimized = false;
  view.EnaSupport = true;
  view.Hypervisor = 'xen';
  if (association) view.IamInstanceProfile = { Arn: association.IamInstanceProfile.Arn, Id: association.IamInstanceProfile.Id };
  view.RootDeviceName = '/dev/xvda';
  view.RootDeviceType = 'ebs';
  view.SecurityGroups = terminated ? [] : instance.SecurityGroups.map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName }));
  view.SourceDestCheck = true;
  if (instance.StateReason) view.StateReason = { Code: instance.StateReason.Code, Message: instance.StateReason.Message };
  if (instance.Tags.length) view.Tags = instance.Tags.map((t) => ({ Key: t.Key, Value: t.Value }));
  view.VirtualizationType = 'hvm';
  view.HibernationOptions = { Configured: false };
  view.MetadataOptions = metadataOptionsView(instance, metadataState);
  view.EnclaveOptions = { Enabled: false };
  view.PlatformDetails = 'Linux/UNIX';
  view.UsageOperation = 'RunInstances';
  view.UsageOperationUpdateTime = instance.LaunchTime;
  view.InstanceId = instance.InstanceId;
  view.ImageId = instance.ImageId;
  view.State = { Code: instance.State.Code, Name: instance.State.Name };
  view.PrivateDnsName = terminated ? '' : privateDnsName(region, instance.PrivateIpAddress);
  view.PublicDnsName = publicIp ? publicDnsName(region, publicIp) : '';
  view.StateTransitionReason = instance.StateTransitionReason;
  if (instance.KeyName !== undefined) view.KeyName = instance.KeyName;
  view.AmiLaunchIndex = instance.AmiLaunchIndex;
  view.ProductCodes = [];
  view.InstanceType = instance.InstanceType as Instance['InstanceType'];
  view.LaunchTime = instance.LaunchTime;
  view.Placement = { GroupName: '', Tenancy: 'default', AvailabilityZone: availabilityZone };
  view.Monitoring = { State: 'disabled' };
  if (!terminated) {
    view.SubnetId = instance.SubnetId;
    view.VpcId = instance.VpcId;
    view.PrivateIpAddress = instance.PrivateIpAddress;
  }
  if (publicIp) view.PublicIpAddress = publicIp;
  return view;
}

/** Instances grouped by reservation, in the order each reservation first appears. */
export function reservationsOf(instances: readonly InstanceRecord[], state: SimState): Reservation[] {
  const byId = new Map<string, Reservation & { Instances: Instance[] }>();
  for (const instance of instances) {
    let reservation = byId.get(instance.ReservationId);
    if (!reservation) {
      reservation = { ReservationId: instance.ReservationId, OwnerId: state.account.accountId, Groups: [], Instances: [] };
      byId.set(instance.ReservationId, reservation);
    }
    reservation.Instances.push(instanceView(instance, state.account, associationOf(instance, state)));
  }
  return [...byId.values()];
}

export const stateChange = (instanceId: string, previous: InstanceRecord['State'], current: InstanceRecord['State']): InstanceStateChange => ({
  InstanceId: instanceId,
  CurrentState: { Code: current.Code, Name: current.Name },
  PreviousState: { Code: previous.Code, Name: previous.Name },
});
