import { exhaustive } from '../core/assert';
import type { InstanceRecord, SimState } from '../core/state';
import { isoSeconds } from '../core/time';
import { privateDnsName, publicDnsName } from '../ec2/network';
import { derivedRandom } from '../sts/encoding';
import { instanceCredentials, instanceIam, type InstanceIam } from './credentials';
import { imdsJson } from './http';

/**
 * The `meta-data/` tree of one instance, built from the state at `now`. A directory maps entry
 * names to nodes; a leaf is the text served. Only the categories the lessons use are modelled.
 */
export type MetadataNode = string | MetadataDirectory;
export interface MetadataDirectory {
  [name: string]: MetadataNode;
}

// [BEL] the message's exact ending; emulators use a single period.
const NO_ROLE_MESSAGE = 'Instance Profile does not contain a role...';

/** What EC2 answers when the profile's role does not trust ec2.amazonaws.com (note the two spaces). */
const cannotAssume = (roleName: string) =>
  `EC2 cannot assume the role ${roleName}.  Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.`;

/** A locally administered MAC address that stays the same for the instance's life. */
function macAddress(instanceId: string): string {
  const random = derivedRandom(`mac|${instanceId}`);
  const bytes = [0x0e, ...Array.from({ length: 5 }, () => random.nextUint32() & 0xff)];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

function iamDirectory(state: SimState, instance: InstanceRecord, iam: InstanceIam): MetadataDirectory | undefined {
  switch (iam.kind) {
    case 'none':
      return undefined;
    case 'profile-not-found':
      // [BEL] only Code and LastUpdated are documented for a deleted profile.
      return {
        info: imdsJson([['Code', 'InstanceProfileNotFound'], ['LastUpdated', isoSeconds(iam.window.issuedAt)]]),
        'security-credentials': {},
      };
    case 'no-role': {
      const { Arn, Id } = iam.association.IamInstanceProfile;
      return {
        info: imdsJson([['Code', 'Success'], ['Message', NO_ROLE_MESSAGE], ['LastUpdated', isoSeconds(iam.window.issuedAt)], ['InstanceProfileArn', Arn], ['InstanceProfileId', Id]]),
        'security-credentials': {},
      };
    }
    case 'role': {
      const { Arn, Id } = iam.association.IamInstanceProfile;
      const lastUpdated = isoSeconds(iam.window.issuedAt);
      let document: string;
      if (iam.trusted) {
        const credentials = instanceCredentials(state, instance, iam);
        document = imdsJson([
          ['Code', 'Success'],
          ['LastUpdated', lastUpdated],
          ['Type', 'AWS-HMAC'],
          ['AccessKeyId', credentials.AccessKeyId],
          ['SecretAccessKey', credentials.SecretAccessKey],
          ['Token', credentials.SessionToken],
          ['Expiration', isoSeconds(credentials.expiresAt)],
        ]);
      } else {
        document = imdsJson([['Code', 'AssumeRoleUnauthorizedAccess'], ['Message', cannotAssume(iam.role.RoleName)], ['LastUpdated', lastUpdated]]);
      }
      return {
        // [BEL] iam/info is assumed to read Success even when EC2 may not assume the role.
        info: imdsJson([['Code', 'Success'], ['LastUpdated', lastUpdated], ['InstanceProfileArn', Arn], ['InstanceProfileId', Id]]),
        'security-credentials': { [iam.role.RoleName]: document },
      };
    }
    default:
      return exhaustive(iam);
  }
}

export function metadataTree(state: SimState, instance: InstanceRecord, now: number): MetadataDirectory {
  const { region, availabilityZone } = state.account;
  const hostname = privateDnsName(region, instance.PrivateIpAddress);
  const iam = iamDirectory(state, instance, instanceIam(state, instance, now));
  const publicIp = instance.PublicIpAddress;
  return {
    'ami-id': instance.ImageId,
    'ami-launch-index': String(instance.AmiLaunchIndex),
    hostname,
    ...(iam ? { iam } : {}),
    'instance-id': instance.InstanceId,
    'instance-type': instance.InstanceType,
    'local-hostname': hostname,
    'local-ipv4': instance.PrivateIpAddress,
    mac: macAddress(instance.InstanceId),
    placement: { 'availability-zone': availabilityZone, region },
    ...(publicIp ? { 'public-hostname': publicDnsName(region, publicIp), 'public-ipv4': publicIp } : {}),
    'reservation-id': instance.ReservationId,
    'security-groups': instance.SecurityGroups.map((g) => g.GroupName).join('\n'),
    // Instance tags appear only when the instance allows tags in its metadata.
    ...(instance.MetadataOptions.InstanceMetadataTags === 'enabled' ? { tags: { instance: Object.fromEntries(instance.Tags.map((t) => [t.Key, t.Value])) } } : {}),
  };
}

/** A directory listing: one entry per line, sub-directories with a trailing `/`, no final newline. */
export const listing = (directory: MetadataDirectory): string =>
  Object.keys(directory)
    .sort()
    .map((name) => (typeof directory[name] === 'string' ? name : `${name}/`))
    .join('\n');
