import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim, START } from '../__tests__/harness';
import type { InstanceRecord, InstanceStateName } from '../core/state';
import { decodeSessionToken } from '../sts/credentials';
import { imdsRequest, instanceRoleSession, metadataServiceReachable } from './index';

const INSTANCE_ID = 'i-0123456789abcdef0';
const ASSOCIATION_ID = 'iip-assoc-0fedcba9876543210';
const HOUR = 3600;

const NOT_FOUND = `<?xml version="1.0" encoding="iso-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
\t"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
 <head>
  <title>404 - Not Found</title>
 </head>
 <body>
  <h1>404 - Not Found</h1>
 </body>
</html>`;

const UNAUTHORIZED = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
   <head>
      <title>401 - Unauthorized</title>
   </head>
   <body>
      <h1>401 - Unauthorized</h1>
   </body>
</html>`;

function instanceRecord(overrides: Partial<InstanceRecord> = {}, state: InstanceStateName = 'running'): InstanceRecord {
  return {
    InstanceId: INSTANCE_ID,
    ReservationId: 'r-0aaaaaaaaaaaaaaaa',
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 't3.micro',
    LaunchTime: '2026-01-15T09:00:00Z',
    AmiLaunchIndex: 0,
    ClientToken: 'token',
    SubnetId: 'subnet-0bbbbbbbbbbbbbbbb',
    VpcId: 'vpc-0ccccccccccccccccc',
    PrivateIpAddress: '172.31.16.5',
    PublicIpAddress: '3.80.1.2',
    SecurityGroups: [{ GroupId: 'sg-0ddddddddddddddd', GroupName: 'default' }, { GroupId: 'sg-0eeeeeeeeeeeeeee', GroupName: 'web' }],
    Tags: [],
    State: { Code: state === 'running' ? 16 : 80, Name: state },
    StateTransitionReason: '',
    MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled' },
    associationId: null,
    ...overrides,
  };
}

/**
 * A running instance whose profile `web` holds role `s3access` (trusting EC2), associated at
 * START. `trust` replaces the role's trust policy; `profile: false` leaves the instance bare.
 */
function setup(options: { trust?: string; role?: boolean; profile?: boolean; associationState?: 'associating' | 'associated'; instance?: Partial<InstanceRecord> } = {}) {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 's3access', AssumeRolePolicyDocument: options.trust ?? EC2_TRUST });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
  if (options.role !== false) sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 's3access' });
  const profile = sim.state.tables.instanceProfiles.web;
  if (!profile) throw new Error('profile missing');
  const withProfile = options.profile !== false;
  sim.state.tables.instances[INSTANCE_ID] = instanceRecord({ associationId: withProfile ? ASSOCIATION_ID : null, ...options.instance });
  if (withProfile) {
    sim.state.tables.associations[ASSOCIATION_ID] = {
      AssociationId: ASSOCIATION_ID,
      InstanceId: INSTANCE_ID,
      IamInstanceProfile: { Arn: profile.Arn, Id: profile.InstanceProfileId },
      State: options.associationState ?? 'associated',
      Timestamp: '2026-01-15T09:00:00Z',
    };
  }
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => imdsRequest(sim.state, { instanceId: INSTANCE_ID, method, path, headers }, sim.now());
  return { sim, profile, get };
}

const META = '/latest/meta-data/';
const CREDS = `${META}iam/security-credentials/s3access`;

describe('IMDS meta-data', () => {
  it('lists the categories, with iam/ only while a profile is associated', () => {
    const bare = setup({ profile: false });
    const listed = bare.get(META);
    expect(listed.status).toBe(200);
    expect(listed.body).toBe(['ami-id', 'ami-launch-index', 'hostname', 'instance-id', 'instance-type', 'local-hostname', 'local-ipv4', 'mac', 'placement/', 'public-hostname', 'public-ipv4', 'reservation-id', 'security-groups'].join('\n'));
    expect(bare.get(`${META}iam/`).status).toBe(404);
    expect(setup().get(META).body.split('\n')).toContain('iam/');
    expect(setup().get('/latest/meta-data').body).toBe(setup().get(META).body);
  });

  it.each([
    ['ami-id', 'ami-0abcdef1234567890'],
    ['instance-id', INSTANCE_ID],
    ['instance-type', 't3.micro'],
    ['local-ipv4', '172.31.16.5'],
    ['hostname', 'ip-172-31-16-5.ec2.internal'],
    ['local-hostname', 'ip-172-31-16-5.ec2.internal'],
    ['public-ipv4', '3.80.1.2'],
    ['public-hostname', 'ec2-3-80-1-2.compute-1.amazonaws.com'],
    ['reservation-id', 'r-0aaaaaaaaaaaaaaaa'],
    ['security-groups', 'default\nweb'],
    ['placement/', 'availability-zone\nregion'],
    ['placement/availability-zone', 'us-east-1a'],
    ['placement/region', 'us-east-1'],
    ['iam/', 'info\nsecurity-credentials/'],
    ['iam/security-credentials/', 's3access'],
    ['iam/security-credentials', 's3access'],
  ])('serves %s', (path, body) => {
    const res = setup().get(`${META}${path}`);
    expect([res.status, res.body]).toEqual([200, body]);
    expect(res.headers['content-type']).toBe('text/plain');
  });

  it('gives a stable MAC address and leaves out public names without a public IP', () => {
    const { get } = setup({ instance: { PublicIpAddress: undefined } });
    expect(get(`${META}mac`).body).toMatch(/^0e(:[0-9a-f]{2}){5}$/);
    expect(get(`${META}mac`).body).toBe(setup().get(`${META}mac`).body);
    expect(get(META).body).not.toContain('public-ipv4');
  });

  it('serves instance tags only when the instance allows them in its metadata', () => {
    const tags = [{ Key: 'Name', Value: 'web-1' }, { Key: 'team', Value: 'blue' }];
    const hidden = setup({ instance: { Tags: tags } });
    expect(hidden.get(`${META}tags/instance/Name`).status).toBe(404);
    const shown = setup({ instance: { Tags: tags, MetadataOptions: { ...instanceRecord().MetadataOptions, InstanceMetadataTags: 'enabled' } } });
    expect(shown.get(META).body.split('\n')).toContain('tags/');
    expect(shown.get(`${META}tags/instance`).body).toBe('Name\nteam');
    expect(shown.get(`${META}tags/instance/Name`).body).toBe('web-1');
  });

  it('lists the versions at / and meta-data under a version', () => {
    const { get } = setup();
    expect(get('/').body.split('\n')).toEqual(expect.arrayContaining(['1.0', '2021-03-23', 'latest']));
    expect(get('/latest/').body).toBe('meta-data');
    expect(get('/2021-03-23/meta-data/instance-id').body).toBe(INSTANCE_ID);
  });

  it.each(['/latest/meta-data/nope', '/latest/user-data', '/nope/meta-data/', '/latest/meta-data/instance-id/extra', '/latest/meta-data/constructor'])('answers 404 for %s', (path) => {
    const res = setup().get(path);
    expect([res.status, res.body, res.headers['content-type']]).toEqual([404, NOT_FOUND, 'text/html']);
  });

  it('answers HEAD with the headers and no body', () => {
    const res = setup().get(`${META}instance-id`, {}, 'HEAD');
    expect([res.status, res.body, res.headers['content-length']]).toEqual([200, '', String(INSTANCE_ID.length)]);
  });

  it('changes nothing and answers the same twice', () => {
    const { sim, get } = setup();
    const before = JSON.stringify(sim.state);
    expect(get(CREDS)).toEqual(get(CREDS));
    expect(JSON.stringify(sim.state)).toBe(before);
  });
});

describe('IMDS iam/', () => {
  it('serves iam/info in the service JSON style', () => {
    const { get, profile } = setup();
    expect(get(`${META}iam/info`).body).toBe(
      `{\n  "Code" : "Success",\n  "LastUpdated" : "2026-01-15T09:00:00Z",\n  "InstanceProfileArn" : "${profile.Arn}",\n  "InstanceProfileId" : "${profile.InstanceProfileId}"\n}`,
    );
  });

  it('serves the role credentials', () => {
    const { get } = setup();
    const body = get(CREDS).body;
    expect(body).toMatch(/^\{\n {2}"Code" : "Success",\n {2}"LastUpdated" : "2026-01-15T09:00:00Z",\n {2}"Type" : "AWS-HMAC",\n {2}"AccessKeyId" : "ASIA[A-Z2-7]{16}",\n {2}"SecretAccessKey" : "[A-Za-z0-9+/]{40}",\n {2}"Token" : "[^"]+",\n {2}"Expiration" : "2026-01-15T15:00:00Z"\n\}$/);
    const creds = JSON.parse(body) as { Token: string };
    expect(decodeSessionToken(creds.Token)).toEqual({ accountId: '123456789012', roleName: 's3access', sessionName: INSTANCE_ID, expiresAt: START + 6 * HOUR * 1000 });
  });

  it('has no iam/ while the association is still associating', () => {
    expect(setup({ associationState: 'associating' }).get(`${META}iam/info`).status).toBe(404);
  });

  it('says an empty profile has no role, and has no credentials', () => {
    const { get, profile } = setup({ role: false });
    expect(get(`${META}iam/info`).body).toBe(
      `{\n  "Code" : "Success",\n  "Message" : "Instance Profile does not contain a role...",\n  "LastUpdated" : "2026-01-15T09:00:00Z",\n  "InstanceProfileArn" : "${profile.Arn}",\n  "InstanceProfileId" : "${profile.InstanceProfileId}"\n}`,
    );
    expect(get(`${META}iam/security-credentials/`).status).toBe(404);
    expect(get(CREDS).status).toBe(404);
  });

  it('reports a deleted profile, even when one of the same name is made again', () => {
    const { sim, get } = setup({ role: false });
    sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'web' });
    const gone = `{\n  "Code" : "InstanceProfileNotFound",\n  "LastUpdated" : "2026-01-15T09:00:00Z"\n}`;
    expect(get(`${META}iam/info`).body).toBe(gone);
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
    expect(get(`${META}iam/info`).body).toBe(gone);
    expect(get(`${META}iam/security-credentials/`).status).toBe(404);
  });

  it('refuses credentials for a role that does not trust EC2', () => {
    const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const { get } = setup({ trust: lambdaTrust });
    expect(get(`${META}iam/security-credentials/`).body).toBe('s3access');
    expect(get(CREDS).body).toBe(
      '{\n  "Code" : "AssumeRoleUnauthorizedAccess",\n  "Message" : "EC2 cannot assume the role s3access.  Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html.",\n  "LastUpdated" : "2026-01-15T09:00:00Z"\n}',
    );
    expect(JSON.parse(get(`${META}iam/info`).body)).toMatchObject({ Code: 'Success' });
  });
});

describe('IMDS credential rotation', () => {
  const creds = (get: ReturnType<typeof setup>['get']) => JSON.parse(get(CREDS).body) as { AccessKeyId: string; SecretAccessKey: string; LastUpdated: string; Expiration: string };

  it('issues new keys every refresh period, long before the old ones expire', () => {
    const { sim, get } = setup();
    const first = creds(get);
    sim.advance(HOUR - 1);
    expect(creds(get)).toEqual(first);
    sim.advance(1);
    const second = creds(get);
    expect(second.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(second.SecretAccessKey).not.toBe(first.SecretAccessKey);
    expect([second.LastUpdated, second.Expiration]).toEqual(['2026-01-15T10:00:00Z', '2026-01-15T16:00:00Z']);
    // The first set is still valid for five more hours when the second appears.
    expect(Date.parse(first.Expiration) - sim.now()).toBe(5 * HOUR * 1000);
    sim.advance(25 * HOUR);
    expect(creds(get).LastUpdated).toBe('2026-01-16T11:00:00Z');
  });

  it('keeps new keys at least five minutes ahead of expiry whatever the timing', () => {
    const { sim, get } = setup();
    sim.state.account.timing = { ...sim.state.account.timing, credentialLifetimeSeconds: HOUR, credentialRefreshSeconds: HOUR };
    const first = creds(get);
    sim.advance(HOUR - 5 * 60);
    const second = creds(get);
    expect(second.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(Date.parse(first.Expiration) - sim.now()).toBe(5 * 60 * 1000);
  });

  it('starts a new set when the instance starts again', () => {
    const { sim, get } = setup();
    sim.advance(90 * 60);
    const before = creds(get);
    const instance = sim.state.tables.instances[INSTANCE_ID] as InstanceRecord;
    sim.state.tables.instances[INSTANCE_ID] = { ...instance, LaunchTime: '2026-01-15T10:20:00Z' };
    const after = creds(get);
    expect(after.AccessKeyId).not.toBe(before.AccessKeyId);
    expect(after.LastUpdated).toBe('2026-01-15T10:20:00Z');
  });

  it('shows a role added to an associated profile only at the next refresh', () => {
    const { sim, get } = setup({ role: false });
    sim.advance(10 * 60);
    sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 's3access' });
    expect(get(`${META}iam/security-credentials/`).status).toBe(404);
    expect(instanceRoleSession(sim.state, INSTANCE_ID, sim.now())).toEqual({ ok: false, reason: 'no-role' });
    sim.advance(50 * 60);
    expect(get(`${META}iam/security-credentials/`).body).toBe('s3access');
  });
});

describe('IMDSv2', () => {
  const put = (get: ReturnType<typeof setup>['get'], headers: Record<string, string>, path = '/latest/api/token') => get(path, headers, 'PUT');

  it('issues a token that the GET requests then carry', () => {
    const { get } = setup({ instance: { MetadataOptions: { ...instanceRecord().MetadataOptions, HttpTokens: 'required' } } });
    const token = put(get, { 'X-aws-ec2-metadata-token-ttl-seconds': '21600' });
    expect(token.status).toBe(200);
    expect(token.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('21600');
    expect(token.body).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const res = get(`${META}instance-id`, { 'X-aws-ec2-metadata-token': token.body });
    expect([res.status, res.body]).toEqual([200, INSTANCE_ID]);
  });

  it.each([
    ['no TTL', {}, '/latest/api/token', 400],
    ['a TTL of 0', { 'x-aws-ec2-metadata-token-ttl-seconds': '0' }, '/latest/api/token', 400],
    ['a TTL over 21600', { 'x-aws-ec2-metadata-token-ttl-seconds': '21601' }, '/latest/api/token', 400],
    ['a TTL that is not a number', { 'x-aws-ec2-metadata-token-ttl-seconds': 'abc' }, '/latest/api/token', 400],
    ['X-Forwarded-For', { 'x-aws-ec2-metadata-token-ttl-seconds': '60', 'X-Forwarded-For': '10.0.0.1' }, '/latest/api/token', 403],
    ['a versioned path', { 'x-aws-ec2-metadata-token-ttl-seconds': '60' }, '/2021-03-23/api/token', 403],
    ['a metadata path', { 'x-aws-ec2-metadata-token-ttl-seconds': '60' }, META, 405],
  ])('refuses a PUT with %s', (_name, headers, path, status) => {
    expect(put(setup().get, headers, path).status).toBe(status);
  });

  it('answers 400 with the Bad Request page', () => {
    const res = put(setup().get, {});
    expect(res.body).toContain('<title>400 - Bad Request</title>');
    expect(res.headers['content-type']).toBe('text/html');
  });

  it('requires a valid, unexpired token from this instance when HttpTokens=required', () => {
    const { sim, get } = setup({ instance: { MetadataOptions: { ...instanceRecord().MetadataOptions, HttpTokens: 'required' } } });
    const noToken = get(`${META}instance-id`);
    expect([noToken.status, noToken.body, noToken.headers['content-type']]).toEqual([401, UNAUTHORIZED, 'text/html']);
    expect(get(`${META}instance-id`, { 'x-aws-ec2-metadata-token': 'made-up' }).status).toBe(401);
    const token = put(get, { 'x-aws-ec2-metadata-token-ttl-seconds': '60' }).body;
    sim.state.tables.instances['i-0fffffffffffffff0'] = instanceRecord({ InstanceId: 'i-0fffffffffffffff0' });
    const elsewhere = imdsRequest(sim.state, { instanceId: 'i-0fffffffffffffff0', method: 'GET', path: META, headers: { 'x-aws-ec2-metadata-token': token } }, sim.now());
    expect(elsewhere.status).toBe(401);
    sim.advance(59);
    expect(get(`${META}instance-id`, { 'x-aws-ec2-metadata-token': token }).status).toBe(200);
    sim.advance(1);
    expect(get(`${META}instance-id`, { 'x-aws-ec2-metadata-token': token }).status).toBe(401);
  });

  it('serves IMDSv1 when tokens are optional, but still refuses a bad token', () => {
    const { get } = setup();
    expect(get(CREDS).status).toBe(200);
    expect(get(CREDS, { 'x-aws-ec2-metadata-token': 'made-up' }).status).toBe(401);
  });

  it('answers 403 to everything when the endpoint is disabled', () => {
    const { get } = setup({ instance: { MetadataOptions: { ...instanceRecord().MetadataOptions, HttpEndpoint: 'disabled' } } });
    expect(get(META).status).toBe(403);
    expect(put(get, { 'x-aws-ec2-metadata-token-ttl-seconds': '60' }).status).toBe(403);
  });

  it('answers 405 to other methods', () => {
    const { get } = setup();
    expect(get(META, {}, 'POST').status).toBe(405);
    expect(get('/latest/api/token').status).toBe(405);
  });
});

describe('instance sessions', () => {
  it('names the role and the instance as the session, with the metadata credentials', () => {
    const { sim, get } = setup();
    const session = instanceRoleSession(sim.state, INSTANCE_ID, sim.now());
    expect(session).toMatchObject({ ok: true, roleName: 's3access', sessionName: INSTANCE_ID, arn: `arn:aws:sts::123456789012:assumed-role/s3access/${INSTANCE_ID}` });
    const served = JSON.parse(get(CREDS).body) as { AccessKeyId: string };
    expect(session.ok && session.credentials.AccessKeyId).toBe(served.AccessKeyId);
  });

  const lambdaTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

  it.each<[string, Parameters<typeof setup>[0], string]>([
    ['no profile', { profile: false }, 'no-profile'],
    ['an association still associating', { associationState: 'associating' }, 'no-profile'],
    ['an empty profile', { role: false }, 'no-role'],
    ['a role that does not trust EC2', { trust: lambdaTrust }, 'trust-denied'],
    ['a stopped instance', { instance: { State: { Code: 80, Name: 'stopped' } } }, 'not-running'],
    ['the metadata service turned off', { instance: { MetadataOptions: { ...instanceRecord().MetadataOptions, HttpEndpoint: 'disabled' } } }, 'metadata-disabled'],
  ])('explains why there is none with %s', (_name, options, reason) => {
    const { sim } = setup(options);
    expect(instanceRoleSession(sim.state, INSTANCE_ID, sim.now())).toEqual({ ok: false, reason });
  });

  it('explains a deleted profile and a missing instance', () => {
    const { sim } = setup({ role: false });
    sim.ok('iam', 'DeleteInstanceProfile', { InstanceProfileName: 'web' });
    expect(instanceRoleSession(sim.state, INSTANCE_ID, sim.now())).toEqual({ ok: false, reason: 'profile-not-found' });
    expect(instanceRoleSession(sim.state, 'i-0000000000000000f', sim.now())).toEqual({ ok: false, reason: 'no-instance' });
  });

  it('reaches the metadata service only on a running instance', () => {
    const { sim } = setup();
    expect(metadataServiceReachable(sim.state, INSTANCE_ID)).toBe(true);
    sim.state.tables.instances[INSTANCE_ID] = instanceRecord({}, 'stopped');
    expect(metadataServiceReachable(sim.state, INSTANCE_ID)).toBe(false);
    expect(metadataServiceReachable(sim.state, 'i-0000000000000000f')).toBe(false);
    expect(metadataServiceReachable(sim.state, 'constructor')).toBe(false);
    expect(instanceRoleSession(sim.state, 'toString', sim.now())).toEqual({ ok: false, reason: 'no-instance' });
  });
});

