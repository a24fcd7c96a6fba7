import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../../sim/__tests__/harness';
import { formatOutput } from './format';
import { decodePolicyDocument, isoTimestamp, normalizeResponse } from './normalize';

const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

describe('normalizeResponse', () => {
  const response = {
    Role: {
      Path: '/', RoleName: 'web', RoleId: 'AROAXAMPLEROLEID12345', Arn: 'arn:aws:iam::123456789012:role/web',
      CreateDate: '2026-01-15T09:00:00Z', AssumeRolePolicyDocument: EC2_TRUST, MaxSessionDuration: 3600,
      RoleLastUsed: { LastUsedDate: '2026-01-16T10:30:00.250Z', Region: 'us-east-1' },
    },
  };

  it('turns a GetRole response into what botocore hands the formatter', () => {
    const normalized = normalizeResponse('iam', 'GetRole', response);
    expect(normalized).toEqual({
      Role: {
        Path: '/', RoleName: 'web', RoleId: 'AROAXAMPLEROLEID12345', Arn: 'arn:aws:iam::123456789012:role/web',
        CreateDate: '2026-01-15T09:00:00+00:00', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 3600,
        RoleLastUsed: { LastUsedDate: '2026-01-16T10:30:00.250000+00:00', Region: 'us-east-1' },
      },
    });
    // Key order is kept: the JSON output lists members as the service returned them.
    expect(formatOutput(normalized, { format: 'json', operationName: 'GetRole' }).stdout).toBe(
      '{\n    "Role": {\n        "Path": "/",\n        "RoleName": "web",\n        "RoleId": "AROAXAMPLEROLEID12345",\n'
      + '        "Arn": "arn:aws:iam::123456789012:role/web",\n        "CreateDate": "2026-01-15T09:00:00+00:00",\n'
      + '        "AssumeRolePolicyDocument": {\n            "Version": "2012-10-17",\n            "Statement": [\n                {\n'
      + '                    "Effect": "Allow",\n                    "Principal": {\n                        "Service": "ec2.amazonaws.com"\n'
      + '                    },\n                    "Action": "sts:AssumeRole"\n                }\n            ]\n        },\n'
      + '        "MaxSessionDuration": 3600,\n        "RoleLastUsed": {\n            "LastUsedDate": "2026-01-16T10:30:00.250000+00:00",\n'
      + '            "Region": "us-east-1"\n        }\n    }\n}\n');
  });

  it('decodes the policy of a real simulator GetRole', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'web', AssumeRolePolicyDocument: EC2_TRUST });
    const normalized = normalizeResponse('iam', 'GetRole', sim.ok('iam', 'GetRole', { RoleName: 'web' }));
    expect(normalized).toMatchObject({ Role: { RoleName: 'web', CreateDate: '2026-01-15T09:00:00+00:00', AssumeRolePolicyDocument: TRUST } });
  });

  it('walks lists of structures (ListInstanceProfiles → Roles → policy)', () => {
    const normalized = normalizeResponse('iam', 'ListInstanceProfiles', {
      InstanceProfiles: [{ InstanceProfileName: 'p', CreateDate: '2026-01-15T09:00:00Z', Roles: [{ RoleName: 'web', CreateDate: '2026-01-15T08:00:00Z', AssumeRolePolicyDocument: encodeURIComponent(EC2_TRUST) }] }],
    });
    expect(normalized).toEqual({
      InstanceProfiles: [{ InstanceProfileName: 'p', CreateDate: '2026-01-15T09:00:00+00:00', Roles: [{ RoleName: 'web', CreateDate: '2026-01-15T08:00:00+00:00', AssumeRolePolicyDocument: TRUST }] }],
    });
  });

  it('converts EC2 timestamps and leaves other strings alone', () => {
    const normalized = normalizeResponse('ec2', 'DescribeIamInstanceProfileAssociations', {
      IamInstanceProfileAssociations: [{ AssociationId: 'iip-assoc-0123456789abcdef0', State: 'associated', Timestamp: '2026-01-15T09:00:05.000Z' }],
    });
    expect(normalized).toEqual({ IamInstanceProfileAssociations: [{ AssociationId: 'iip-assoc-0123456789abcdef0', State: 'associated', Timestamp: '2026-01-15T09:00:05+00:00' }] });
  });

  it('gives {} for an operation without output, which prints nothing', () => {
    const normalized = normalizeResponse('iam', 'DeleteRole', {});
    expect(normalized).toEqual({});
    expect(formatOutput(normalized, { format: 'json', operationName: 'DeleteRole' })).toEqual({ stdout: '' });
  });
});

describe('isoTimestamp', () => {
  it.each([
    ['2026-01-15T09:00:00Z', '2026-01-15T09:00:00+00:00'],
    ['2026-01-15T09:00:00.000Z', '2026-01-15T09:00:00+00:00'],
    ['2026-11-22T11:03:43.882593Z', '2026-11-22T11:03:43.882593+00:00'],
    ['2026-11-22T11:03:43.5Z', '2026-11-22T11:03:43.500000+00:00'],
    ['2026-11-22T11:03:43.1234567Z', '2026-11-22T11:03:43.123456+00:00'],
    ['2026-11-22T11:03:43+09:00', '2026-11-22T11:03:43+09:00'],
    ['2026-11-22T11:03:43', '2026-11-22T11:03:43+00:00'],
    [1768467600, '2026-01-15T09:00:00+00:00'],
    [1768467600.25, '2026-01-15T09:00:00.250000+00:00'],
    ['not a date', 'not a date'],
  ] as const)('%s → %s', (input, expected) => {
    expect(isoTimestamp(input)).toBe(expected);
  });
});

describe('decodePolicyDocument', () => {
  it('parses raw and URL-encoded JSON, keeping key order', () => {
    expect(Object.keys(decodePolicyDocument('{"Version":"2012-10-17","Statement":[]}') as object)).toEqual(['Version', 'Statement']);
    expect(decodePolicyDocument('%7B%22Version%22%3A%222012-10-17%22%7D')).toEqual({ Version: '2012-10-17' });
  });

  it('leaves a document that is not JSON as the string it was', () => {
    expect(decodePolicyDocument('not json %ZZ')).toBe('not json %ZZ');
  });
});
