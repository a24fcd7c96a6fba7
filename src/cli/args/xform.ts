/**
 * botocore's `xform_name(name, '-')`: the CLI's names for operations, parameters and waiters
 * (`DescribeIamInstanceProfileAssociations` → `describe-iam-instance-profile-associations`,
 * `ResourceARNList` → `resource-arn-list`).
 */
// botocore caches these too: the same few hundred names are transformed on every command.
const cache = new Map<string, string>();

export function xformName(name: string, sep = '-'): string {
  const key = `${sep}\u0000${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const result = transform(name, sep);
  cache.set(key, result);
  return result;
}

function transform(name: string, sep: string): string {
  if (name.includes(sep)) return name;
  // A pluralised acronym at the end (ARNs, ACLs) becomes one word: `_arns`.
  const special = /[A-Z]{2,}s$/.exec(name);
  const base = special ? `${name.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}` : name;
  const s1 = base.replace(/(.)([A-Z][a-z]+)/g, `$1${sep}$2`);
  return s1.replace(/([a-z0-9])([A-Z])/g, `$1${sep}$2`).toLowerCase();
}
