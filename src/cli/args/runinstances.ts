import { PyDict, isDict, pyShortTypeName, type PyValue } from './py';

/**
 * The AWS CLI's request-time rules for `ec2 run-instances` (before-parameter-build):
 * MinCount and MaxCount default to 1 (customizations/ec2/addcount.py), and when
 * `--secondary-private-ip-*` or `--associate-public-ip-address` built a network interface,
 * the subnet, security groups, private and IPv6 addresses move into it, since EC2 refuses them
 * both at the top and in an interface (customizations/ec2/runinstances.py).
 */
export function runInstancesParams(params: PyDict): { ok: true } | { ok: false; message: string } {
  const entries = params.entries;
  if (!entries.has('MaxCount')) entries.set('MaxCount', 1n);
  if (!entries.has('MinCount')) entries.set('MinCount', 1n);
  const interfaces = entries.get('NetworkInterfaces');
  if (interfaces === undefined || typeof interfaces === 'string') return { ok: true };
  // `params['NetworkInterfaces'][0]` on a value from --cli-input-json that is not a list.
  if (isDict(interfaces)) return { ok: false, message: '0' };
  if (!Array.isArray(interfaces)) return { ok: false, message: `'${pyShortTypeName(interfaces)}' object is not subscriptable` };
  const first = interfaces[0];
  if (first === undefined) return { ok: false, message: 'list index out of range' };
  if (!isDict(first)) return { ok: true };
  const simple = ['PrivateIpAddresses', 'SecondaryPrivateIpAddressCount', 'AssociatePublicIpAddress'];
  if (!simple.some((k) => first.entries.has(k))) return { ok: true };
  const move = (from: string, to: string, wrap: (v: PyValue) => PyValue = (v) => v) => {
    if (!entries.has(from)) return;
    first.entries.set(to, wrap(entries.get(from) ?? null));
    entries.delete(from);
  };
  move('SubnetId', 'SubnetId');
  move('SecurityGroupIds', 'Groups');
  move('PrivateIpAddress', 'PrivateIpAddresses', (v) => [new PyDict(new Map<string, PyValue>([['PrivateIpAddress', v], ['Primary', true]]))]);
  move('Ipv6AddressCount', 'Ipv6AddressCount');
  move('Ipv6Addresses', 'Ipv6Addresses');
  move('EnablePrimaryIpv6', 'PrimaryIpv6');
  return { ok: true };
}
