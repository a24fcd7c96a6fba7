import { randomChars, type RandomSource } from '../core/random';
import { secretAccessKey, temporaryAccessKeyId } from '../core/ids';
import { base64Decode, base64Encode, checksum } from './encoding';

/**
 * Temporary credentials, as AssumeRole and the metadata service hand them out. The session
 * token is stateless: it carries the session's account, role, session name and expiry, so the
 * CLI can tell from `AWS_SESSION_TOKEN` alone whose session signs a request.
 */
export interface SessionClaims {
  accountId: string;
  roleName: string;
  sessionName: string;
  /** Epoch milliseconds, at a whole second. */
  expiresAt: number;
}

export interface TemporaryCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

// Real session tokens open with the same few bytes of a binary header; the rest is opaque.
const TOKEN_PREFIX = 'IQoJb3JpZ2luX2Vj';
const FILLER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FILLER_LENGTH = 300;

export function sessionToken(claims: SessionClaims, random: RandomSource): string {
  const payload = [claims.accountId, claims.roleName, claims.sessionName, Math.floor(claims.expiresAt / 1000)].join('|');
  return TOKEN_PREFIX + base64Encode(`${payload}|${checksum(payload)}\n${randomChars(random, FILLER, FILLER_LENGTH)}`);
}

/** The claims a session token carries, or undefined for a token this simulator did not issue. */
export function decodeSessionToken(token: string): SessionClaims | undefined {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const decoded = base64Decode(token.slice(TOKEN_PREFIX.length));
  const line = decoded?.split('\n')[0];
  const fields = line?.split('|');
  if (!fields || fields.length !== 5) return undefined;
  const [accountId = '', roleName = '', sessionName = '', expires = '', check = ''] = fields;
  if (check !== checksum(fields.slice(0, 4).join('|')) || !/^\d+$/.test(expires)) return undefined;
  return { accountId, roleName, sessionName, expiresAt: Number(expires) * 1000 };
}

/** A fresh set of temporary credentials for a role session. */
export function temporaryCredentials(claims: SessionClaims, random: RandomSource): TemporaryCredentials {
  return {
    AccessKeyId: temporaryAccessKeyId(random),
    SecretAccessKey: secretAccessKey(random),
    SessionToken: sessionToken(claims, random),
    expiresAt: claims.expiresAt,
  };
}
