import { describe, expect, it } from 'vitest';
import { AWS_MANAGED_POLICIES, findAwsManagedPolicy, isAwsManagedPolicyArn } from './awsManagedPolicies';
import { parseIdentityPolicy } from './policyDocument';

describe('the AWS managed policy catalogue', () => {
  it.each([
    ['AmazonS3FullAccess', 'arn:aws:iam::aws:policy/AmazonS3FullAccess', 'ANPAIFIR6V6BVTRAHWINE', '/'],
    ['AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'ANPAIZTJ4DXE7G6AGAE6M', '/'],
    ['AmazonSSMManagedInstanceCore', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', 'ANPAIXSHM2BNB2D3AXXRU', '/'],
    ['AmazonEC2ReadOnlyAccess', 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess', 'ANPAIGDT4SV4GSETWTBZK', '/'],
    ['AmazonDynamoDBFullAccess', 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess', 'ANPAINUGF2JSOSUY76KYA', '/'],
    ['ReadOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'ANPAILL3HVNFSB6DCOWYQ', '/'],
    ['AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess', 'ANPAIWMBCKSKIEE64ZLYK', '/'],
    ['AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'ANPAJNCQGXC42545SKXIK', '/service-role/'],
  ])('holds %s under its real ARN and id', (name, arn, id, path) => {
    expect(findAwsManagedPolicy(arn)).toMatchObject({ PolicyName: name, Arn: arn, PolicyId: id, Path: path });
  });

  it('holds CloudWatchAgentServerPolicy', () => {
    expect(findAwsManagedPolicy('arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy')?.PolicyName).toBe('CloudWatchAgentServerPolicy');
  });

  it('gives every policy a valid document, an ANPA id, a version and whole-second dates', () => {
    for (const policy of AWS_MANAGED_POLICIES) {
      expect(parseIdentityPolicy(policy.Document).ok, policy.PolicyName).toBe(true);
      expect(policy.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
      expect(policy.DefaultVersionId).toMatch(/^v[1-9][0-9]*$/);
      expect(policy.CreateDate <= policy.UpdateDate).toBe(true);
      for (const date of [policy.CreateDate, policy.UpdateDate]) expect(date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(new Set(AWS_MANAGED_POLICIES.map((p) => p.PolicyId)).size).toBe(AWS_MANAGED_POLICIES.length);
  });

  it('keeps the documents AWS publishes', () => {
    expect(JSON.parse(findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')?.Document ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }],
    });
    expect(JSON.parse(findAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess')?.Document ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });

  it('knows nothing under other names', () => {
    expect(findAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3FullAcces')).toBeUndefined();
    expect(findAwsManagedPolicy('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole')).toBe(false);
    expect(isAwsManagedPolicyArn('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')).toBe(true);
  });
});
