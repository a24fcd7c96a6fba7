import { assertExists } from '../core/assert';
import { own } from '../core/state';
import type { SimState } from '../core/state';

import { errorResponse, textResponse, TOKEN_HEADER, TOKEN_TTL_HEADER, type ImdsResponse } from './http';
import { listing, metadataTree, type MetadataNode } from './metadata';
import { issueToken, parseTtl, tokenValid } from './tokens';

/**
 * The instance metadata service at http://169.254.169.254, as seen from inside one instance.
 * Pure and read-only: the answer depends on the state and the clock only, and IMDSv2 tokens are
 * verified from their own content, so nothing is recorded.
 */
export interface ImdsRequest {
  instanceId: string;
  method: string;
  /** The URL path, e.g. `/latest/meta-data/iam/security-credentials/`. A query string is ignored. */
  path: string;
  /** Header names in any case. */
  headers?: Record<string, string>;
}

export type { ImdsResponse } from './http';
export { instanceRoleSession, type InstanceRoleSession, type InstanceRoleSessionUnavailable } from './credentials';

/** Metadata API versions the service lists at `/`; every one of them serves the same tree here. */
const VERSIONS = [
  '1.0', '2007-01-19', '2007-03-01', '2007-08-29', '2007-10-10', '2007-12-15', '2008-02-01', '2008-09-01', '2009-04-04',
  '2011-01-01', '2011-05-01', '2012-01-12', '2014-02-25', '2014-11-05', '2015-10-20', '2016-04-19', '2016-06-30',
  '2016-09-02', '2018-03-28', '2018-08-17', '2018-09-24', '2019-10-01', '2020-10-27', '2021-01-03', '2021-03-23',
  '2021-07-15', '2022-09-24', 'latest',
];

/**
 * Whether the instance has a metadata service to talk to at all: only a running instance does.
 * Callers check this first (a shell on a stopped instance has nothing to connect to).
 */
export function metadataServiceReachable(state: SimState, instanceId: string): boolean {
  return own(state.tables.instances, instanceId)?.State.Name === 'running';
}

export function imdsRequest(state: SimState, request: ImdsRequest, now: number): ImdsResponse {
  const instance = assertExists(own(state.tables.instances, request.instanceId), `instance ${request.instanceId}`);
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const method = request.method.toUpperCase();
  const segments = (request.path.split(/[?#]/)[0] ?? '').split('/').filter((s) => s !== '');
  const [version, category, ...rest] = segments;

  if (instance.MetadataOptions.HttpEndpoint === 'disabled') return errorResponse(403, now);

  const isTokenPath = category === 'api' && rest.length === 1 && rest[0] === 'token';
  if (method === 'PUT') {
    if (!isTokenPath) return errorResponse(405, now); // [BEL]
    // Tokens come only from the `latest` path; a proxied PUT (X-Forwarded-For) is refused outright.
    if (version !== 'latest' || headers['x-forwarded-for'] !== undefined) return errorResponse(403, now);
    const ttl = parseTtl(headers[TOKEN_TTL_HEADER]);
    if (ttl === undefined) return errorResponse(400, now);
    return textResponse(issueToken(instance.InstanceId, ttl, now), now, { [TOKEN_TTL_HEADER]: String(ttl) });
  }
  // [BEL] other methods, and GET on the token path, are answered 405.
  if ((method !== 'GET' && method !== 'HEAD') || isTokenPath) return errorResponse(405, now);

  // A token that is sent must be good, even where IMDSv1 is still allowed.
  const token = headers[TOKEN_HEADER];
  if (token !== undefined ? !tokenValid(token, instance.InstanceId, now) : instance.MetadataOptions.HttpTokens === 'required') {
    return errorResponse(401, now);
  }

  const body = resolve(state, request.instanceId, now, version, category, rest);
  if (body === undefined) return errorResponse(404, now);
  const response = textResponse(body, now);
  return method === 'HEAD' ? { ...response, body: '' } : response;
}

/** The text at a path, or undefined for a 404. Trailing slashes do not matter; an empty directory is not found [BEL]. */
function resolve(state: SimState, instanceId: string, now: number, version: string | undefined, category: string | undefined, rest: string[]): string | undefined {
  if (version === undefined) return VERSIONS.join('\n');
  if (!VERSIONS.includes(version)) return undefined;
  // Only meta-data is modelled: no user data, no dynamic/instance-identity documents.
  if (category === undefined) return 'meta-data';
  if (category !== 'meta-data') return undefined;
  let node: MetadataNode = metadataTree(state, assertExists(own(state.tables.instances, instanceId), 'instance'), now);
  for (const name of rest) {
    if (typeof node === 'string' || !Object.hasOwn(node, name)) return undefined;
    node = node[name] as MetadataNode;
  }
  if (typeof node === 'string') return node;
  return Object.keys(node).length ? listing(node) : undefined;
}
