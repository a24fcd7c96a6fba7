import { randomChars, type RandomSource } from './random';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const BASE64ISH = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Unique ids as AWS shapes them: a four-letter type prefix and 17 upper-case characters (21 in all). */
export type IamIdPrefix = 'AROA' | 'AIPA' | 'ANPA' | 'AIDA';
export const iamUniqueId = (random: RandomSource, prefix: IamIdPrefix): string => prefix + randomChars(random, UPPER_ALNUM, 17);

/** EC2 resource ids: a prefix and 17 lower-case hex digits. */
export type Ec2IdPrefix = 'i' | 'r' | 'iip-assoc' | 'eni' | 'vol';
export const ec2Id = (random: RandomSource, prefix: Ec2IdPrefix): string => `${prefix}-0${randomChars(random, HEX, 16)}`;

/** Temporary access key ids start with ASIA; 20 characters in all. */
export const temporaryAccessKeyId = (random: RandomSource): string => 'ASIA' + randomChars(random, UPPER_ALNUM, 16);
export const secretAccessKey = (random: RandomSource): string => randomChars(random, BASE64ISH, 40);

/** An RFC 4122 version-4 UUID (the CLI's ClientToken, request ids). */
export function uuid(random: RandomSource): string {
  const hex = randomChars(random, HEX, 32).split('');
  hex[12] = '4';
  hex[16] = HEX[(parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8] ?? '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Draws ids until one is not taken: collisions are astronomically rare, but a simulator must never reuse one. */
export function uniqueId(draw: () => string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = draw();
    if (!taken(id)) return id;
  }
}
