import { base64Decode, base64Encode, checksum } from '../sts/encoding';

/**
 * IMDSv2 session tokens, kept stateless: a token carries the instance it was issued on and its
 * expiry, with a checksum, so the service verifies it on use without remembering it.
 */
export const MAX_TOKEN_TTL_SECONDS = 21600;

export function issueToken(instanceId: string, ttlSeconds: number, now: number): string {
  const payload = `${instanceId}|${Math.floor(now / 1000) + ttlSeconds}`;
  return base64Encode(`${payload}|${checksum(`imds:${payload}`)}`);
}

/** Valid on this instance until its expiry (a token is dead from its last second on, as on AWS). */
export function tokenValid(token: string, instanceId: string, now: number): boolean {
  const fields = base64Decode(token)?.split('|');
  if (!fields || fields.length !== 3) return false;
  const [id = '', expires = '', check = ''] = fields;
  return check === checksum(`imds:${id}|${expires}`) && id === instanceId && /^\d+$/.test(expires) && Math.floor(now / 1000) < Number(expires);
}

/** A TTL header value AWS accepts: a whole number of seconds from 1 to 21600. */
export function parseTtl(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const ttl = Number(value.trim());
  return ttl >= 1 && ttl <= MAX_TOKEN_TTL_SECONDS ? ttl : undefined;
}
