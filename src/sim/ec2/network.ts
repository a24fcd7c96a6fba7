import type { RandomSource } from '../core/random';
import type { AccountSettings } from '../core/state';

/**
 * The account's default network, which every AWS account has without asking: a default VPC,
 * a default subnet in the account's availability zone and a `default` security group.
 * VPCs, subnets and groups are not modelled as resources, so their ids are derived from the
 * account and the name: the same account always sees the same ids.
 */

// FNV-1a, 32 bits: enough spread for a few ids, and no dependency.
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** 17 hex digits, as EC2's long ids have, derived from `text`. */
function derivedHex(text: string): string {
  const a = fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0');
  const b = fnv1a(text, 0x2f6b1d3a).toString(16).padStart(8, '0');
  return `0${a}${b}`;
}

export const defaultVpcId = (account: AccountSettings): string => `vpc-${derivedHex(`${account.accountId}:${account.region}:default-vpc`)}`;

export const defaultSubnetId = (account: AccountSettings): string => `subnet-${derivedHex(`${account.accountId}:${account.availabilityZone}:default-subnet`)}`;

export const DEFAULT_GROUP_NAME = 'default';

export const securityGroupId = (account: AccountSettings, groupName: string): string =>
  `sg-${derivedHex(`${account.accountId}:${account.region}:group:${groupName}`)}`;

const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);

/** EC2 ids: a prefix and 8 (legacy) or 17 hex digits. */
export const ID_PATTERNS = {
  instance: idPattern('i'),
  image: idPattern('ami'),
  subnet: idPattern('subnet'),
  securityGroup: idPattern('sg'),
} as const;

/**
 * A private address in the default subnet. Default subnets are the /20 blocks of 172.31.0.0/16,
 * one per zone in order (a → 172.31.0.0/20, b → 172.31.16.0/20 …); AWS reserves each subnet's
 * first four addresses and its last.
 */
export function privateIpAddress(account: AccountSettings, random: RandomSource): string {
  const zoneIndex = Math.max(0, account.availabilityZone.charCodeAt(account.availabilityZone.length - 1) - 'a'.charCodeAt(0)) % 16;
  const third = zoneIndex * 16 + (random.nextUint32() % 16);
  const fourth = 4 + (random.nextUint32() % 250);
  return `172.31.${third}.${fourth}`;
}

/** A public address from the range EC2 hands out in us-east-1 (54.160.0.0/11 and nearby). */
export function publicIpAddress(random: RandomSource): string {
  return `54.${160 + (random.nextUint32() % 64)}.${random.nextUint32() % 256}.${1 + (random.nextUint32() % 254)}`;
}

const dashed = (ip: string): string => ip.replaceAll('.', '-');

/** us-east-1 keeps its historical DNS suffixes; other regions name themselves. */
export const privateDnsName = (region: string, ip: string): string =>
  region === 'us-east-1' ? `ip-${dashed(ip)}.ec2.internal` : `ip-${dashed(ip)}.${region}.compute.internal`;

export const publicDnsName = (region: string, ip: string): string =>
  region === 'us-east-1' ? `ec2-${dashed(ip)}.compute-1.amazonaws.com` : `ec2-${dashed(ip)}.${region}.compute.amazonaws.com`;
