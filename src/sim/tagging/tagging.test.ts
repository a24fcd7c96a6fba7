import { describe, expect, it } from 'vitest';
import { EC2_TRUST, makeSim } from '../__tests__/harness';
import { settle } from '../clock';
import type { Instance } from '../models/ec2.types';

const ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app/s3access`;
const PROFILE_ARN = `arn:aws:iam::${ACCOUNT}:instance-profile/web`;
const instanceArn = (id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${id}`;

interface Mapping {
  ResourceARN: string;
  Tags: { Key: string; Value: string }[];
}

/** Role `s3access` (path /app/), profile `web`, and two running instances: one tagged Name=web-1, one untagged. */
function setup() {
  const sim = makeSim();
  sim.ok('iam', 'CreateRole', { RoleName: 's3access', Path: '/app/', AssumeRolePolicyDocument: EC2_TRUST });
  sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
  const launch = (params: Record<string, unknown>) =>
    sim.ok<{ Instances: Instance[] }>('ec2', 'RunInstances', { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1, ...params }).Instances[0]?.InstanceId ?? '';
  const tagged = launch({ TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }] });
  const untagged = launch({});
  sim.advance(10);
  // Let the launches finish, so that a failed request's state check sees no clock transitions.
  settle(sim.state, sim.now());
  return { sim, tagged, untagged };
}

const failure = (StatusCode: number, ErrorCode: string, ErrorMessage: string) => ({ StatusCode, ErrorCode, ErrorMessage });

describe('TagResources', () => {
  it('tags roles, instance profiles and instances where their own services keep tags', () => {
    const { sim, untagged } = setup();
    const res = sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN, PROFILE_ARN, instanceArn(untagged)], Tags: { team: 'web', env: 'dev' } });
    expect(res).toEqual({ FailedResourcesMap: {} });
    const expected = [{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'dev' }];
    expect(sim.ok('iam', 'ListRoleTags', { RoleName: 's3access' })).toMatchObject({ Tags: expected });
    expect(sim.ok('iam', 'ListInstanceProfileTags', { InstanceProfileName: 'web' })).toMatchObject({ Tags: expected });
    expect(sim.state.tables.instances[untagged]?.Tags).toEqual(expected);
  });

  it('overwrites keys as each service does: IAM ignoring case, EC2 not', () => {
    const { sim, tagged } = setup();
    sim.ok('iam', 'TagRole', { RoleName: 's3access', Tags: [{ Key: 'Team', Value: 'old' }] });
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN, instanceArn(tagged)], Tags: { team: 'new', name: 'x' } });
    expect(sim.state.tables.roles.s3access?.Tags).toEqual([{ Key: 'team', Value: 'new' }, { Key: 'name', Value: 'x' }]);
    expect(sim.state.tables.instances[tagged]?.Tags).toEqual([{ Key: 'Name', Value: 'web-1' }, { Key: 'team', Value: 'new' }, { Key: 'name', Value: 'x' }]);
  });

  it('reports the resources it could not tag and tags the others', () => {
    const { sim, tagged } = setup();
    const res = sim.ok('resourcegroupstaggingapi', 'TagResources', {
      ResourceARNList: [
        instanceArn(tagged),
        `arn:aws:iam::${ACCOUNT}:role/ghost`,
        `arn:aws:iam::${ACCOUNT}:role/s3access`,
        `arn:aws:iam::${ACCOUNT}:instance-profile/nope`,
        instanceArn('i-0123456789abcdef0'),
        `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${tagged}`,
        'arn:aws:s3:::my-bucket',
        'not-an-arn',
        `arn:aws:iam::${ACCOUNT}:role/constructor`,
        instanceArn('constructor'),
      ],
      Tags: { team: 'web' },
    });
    expect(res).toEqual({
      FailedResourcesMap: {
        [`arn:aws:iam::${ACCOUNT}:role/ghost`]: failure(404, 'NoSuchEntity', 'The role with name ghost cannot be found.'),
        [`arn:aws:iam::${ACCOUNT}:role/s3access`]: failure(404, 'NoSuchEntity', 'The role with name s3access cannot be found.'),
        [`arn:aws:iam::${ACCOUNT}:instance-profile/nope`]: failure(404, 'NoSuchEntity', 'Instance Profile nope cannot be found.'),
        [instanceArn('i-0123456789abcdef0')]: failure(400, 'InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"),
        [`arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/${tagged}`]: failure(400, 'InvalidInstanceID.NotFound', `The instance ID '${tagged}' does not exist`),
        'arn:aws:s3:::my-bucket': failure(400, 'InvalidParameterException', 'Invalid input resource arn'),
        'not-an-arn': failure(400, 'InvalidParameterException', 'Invalid input resource arn'),
        [`arn:aws:iam::${ACCOUNT}:role/constructor`]: failure(404, 'NoSuchEntity', 'The role with name constructor cannot be found.'),
        [instanceArn('constructor')]: failure(400, 'InvalidInstanceID.NotFound', "The instance ID 'constructor' does not exist"),
      },
    });
    expect(sim.state.tables.instances[tagged]?.Tags).toContainEqual({ Key: 'team', Value: 'web' });
  });

  it('passes IAM and EC2 refusals through per resource', () => {
    const { sim, tagged } = setup();
    sim.ok('iam', 'TagRole', { RoleName: 's3access', Tags: [{ Key: 'owner', Value: 'me' }] });
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    // Both already have one tag, so fifty more is one too many for each.
    const full = sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN, instanceArn(tagged), PROFILE_ARN], Tags: fifty });
    expect(full).toEqual({
      FailedResourcesMap: {
        [ROLE_ARN]: failure(409, 'LimitExceeded', 'The number of tags has reached the maximum limit.'),
        [instanceArn(tagged)]: failure(400, 'TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.'),
      },
    });
    expect(sim.state.tables.instanceProfiles.web?.Tags).toHaveLength(50);
    expect(sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [PROFILE_ARN], Tags: { 'bad!key': '1' } })).toEqual({
      FailedResourcesMap: {
        [PROFILE_ARN]: failure(400, 'ValidationError', "1 validation error detected: Value 'bad!key' at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"),
      },
    });
    expect(sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [PROFILE_ARN], Tags: { a: '1', A: '2' } })).toEqual({
      FailedResourcesMap: { [PROFILE_ARN]: failure(400, 'InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.') },
    });
  });

  it.each([
    [{ ResourceARNList: [], Tags: { a: 'b' } }, "1 validation error detected: Value '[]' at 'resourceARNList' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [{ ResourceARNList: Array.from({ length: 21 }, (_, i) => `arn:aws:iam::${ACCOUNT}:role/r${i}`), Tags: { a: 'b' } }, 'at \'resourceARNList\' failed to satisfy constraint: Member must have length less than or equal to 20'],
    [{ ResourceARNList: [ROLE_ARN], Tags: {} }, "1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    [{ ResourceARNList: [ROLE_ARN], Tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"],
    [{ ResourceARNList: [ROLE_ARN] }, "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not be null"],
  ])('refuses %j', (params, message) => {
    const { sim } = setup();
    const before = JSON.stringify(sim.state);
    const error = sim.fails('resourcegroupstaggingapi', 'TagResources', params);
    expect(error.code).toBe('InvalidParameterException');
    expect(error.message).toContain(message);
    expect(JSON.stringify(sim.state)).toBe(before);
  });
});

describe('UntagResources', () => {
  it('removes keys from every kind of resource and reports the missing ones', () => {
    const { sim, tagged } = setup();
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN, PROFILE_ARN, instanceArn(tagged)], Tags: { team: 'web', env: 'dev' } });
    const res = sim.ok('resourcegroupstaggingapi', 'UntagResources', { ResourceARNList: [ROLE_ARN, PROFILE_ARN, instanceArn(tagged), `arn:aws:iam::${ACCOUNT}:role/ghost`], TagKeys: ['TEAM', 'Name'] });
    expect(res).toEqual({ FailedResourcesMap: { [`arn:aws:iam::${ACCOUNT}:role/ghost`]: failure(404, 'NoSuchEntity', 'The role with name ghost cannot be found.') } });
    expect(sim.state.tables.roles.s3access?.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    expect(sim.state.tables.instanceProfiles.web?.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    // EC2 keys are case-sensitive: TEAM is not team.
    expect(sim.state.tables.instances[tagged]?.Tags).toEqual([{ Key: 'team', Value: 'web' }, { Key: 'env', Value: 'dev' }]);
  });

  it('refuses an empty key list', () => {
    const { sim } = setup();
    const before = JSON.stringify(sim.state);
    const error = sim.fails('resourcegroupstaggingapi', 'UntagResources', { ResourceARNList: [ROLE_ARN], TagKeys: [] });
    expect([error.code, error.message]).toEqual(['InvalidParameterException', "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1"]);
    expect(JSON.stringify(sim.state)).toBe(before);
  });
});

describe('GetResources', () => {
  const get = (sim: ReturnType<typeof setup>['sim'], params: Record<string, unknown> = {}) =>
    sim.ok<{ PaginationToken: string; ResourceTagMappingList: Mapping[] }>('resourcegroupstaggingapi', 'GetResources', params);

  it('returns tagged instances but never roles or instance profiles', () => {
    const { sim, tagged } = setup();
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [ROLE_ARN, PROFILE_ARN], Tags: { team: 'web' } });
    const res = get(sim);
    expect(Object.keys(res)).toEqual(['PaginationToken', 'ResourceTagMappingList']);
    expect(res).toEqual({ PaginationToken: '', ResourceTagMappingList: [{ ResourceARN: instanceArn(tagged), Tags: [{ Key: 'Name', Value: 'web-1' }] }] });
    expect(get(sim, { ResourceARNList: [ROLE_ARN, PROFILE_ARN] }).ResourceTagMappingList).toEqual([]);
    expect(get(sim, { ResourceTypeFilters: ['iam:role'] }).ResourceTagMappingList).toEqual([]);
    expect(get(sim, { TagFilters: [{ Key: 'team' }] }).ResourceTagMappingList).toEqual([]);
  });

  it('filters by tag keys and values, resource types and ARNs', () => {
    const { sim, tagged, untagged } = setup();
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [instanceArn(untagged)], Tags: { Name: 'web-2', env: 'prod' } });
    const arns = (params: Record<string, unknown>) => get(sim, params).ResourceTagMappingList.map((m) => m.ResourceARN).sort();
    const both = [instanceArn(tagged), instanceArn(untagged)].sort();
    expect(arns({})).toEqual(both);
    expect(arns({ TagFilters: [{ Key: 'Name', Values: ['web-1'] }] })).toEqual([instanceArn(tagged)]);
    expect(arns({ TagFilters: [{ Key: 'Name', Values: ['web-1', 'web-2'] }] })).toEqual(both);
    expect(arns({ TagFilters: [{ Key: 'Name' }, { Key: 'env', Values: ['prod'] }] })).toEqual([instanceArn(untagged)]);
    expect(arns({ TagFilters: [{ Key: 'name' }] })).toEqual([]);
    expect(arns({ ResourceTypeFilters: ['ec2'] })).toEqual(both);
    expect(arns({ ResourceTypeFilters: ['EC2:Instance'] })).toEqual(both);
    expect(arns({ ResourceTypeFilters: ['ec2:volume'] })).toEqual([]);
    expect(arns({ ResourceARNList: [instanceArn(untagged), instanceArn('i-0123456789abcdef0')] })).toEqual([instanceArn(untagged)]);
  });

  it('pages with ResourcesPerPage and PaginationToken', () => {
    const { sim, untagged } = setup();
    sim.ok('resourcegroupstaggingapi', 'TagResources', { ResourceARNList: [instanceArn(untagged)], Tags: { Name: 'web-2' } });
    const first = get(sim, { ResourcesPerPage: 1 });
    expect(first.ResourceTagMappingList).toHaveLength(1);
    expect(first.PaginationToken).not.toBe('');
    const second = get(sim, { ResourcesPerPage: 1, PaginationToken: first.PaginationToken });
    expect(second.ResourceTagMappingList).toHaveLength(1);
    expect(second.ResourceTagMappingList[0]?.ResourceARN).not.toBe(first.ResourceTagMappingList[0]?.ResourceARN);
    expect(second.PaginationToken).toBe('');
  });

  it('adds compliance details when asked', () => {
    const { sim } = setup();
    expect(get(sim, { IncludeComplianceDetails: true }).ResourceTagMappingList[0]).toMatchObject({
      ComplianceDetails: { NoncompliantKeys: [], KeysWithNoncompliantValues: [], ComplianceStatus: true },
    });
    expect(get(sim, { IncludeComplianceDetails: true, ExcludeCompliantResources: true }).ResourceTagMappingList).toEqual([]);
  });

  it('leaves out terminated instances', () => {
    const { sim, tagged } = setup();
    sim.ok('ec2', 'TerminateInstances', { InstanceIds: [tagged] });
    sim.advance(60);
    expect(get(sim).ResourceTagMappingList).toEqual([]);
  });

  it.each([
    [{ ResourceARNList: [ROLE_ARN], TagFilters: [{ Key: 'a' }] }, "You can't specify both ResourceARNList and TagFilters in the same request."],
    [{ ResourceARNList: [ROLE_ARN], ResourcesPerPage: 5 }, "You can't specify both ResourceARNList and pagination parameters in the same request."],
    [{ ResourcesPerPage: 0 }, 'ResourcesPerPage must be between 1 and 100, but 0 was given.'],
    [{ ResourcesPerPage: 101 }, 'ResourcesPerPage must be between 1 and 100, but 101 was given.'],
    [{ PaginationToken: 'garbage!' }, 'The specified PaginationToken is not valid.'],
  ])('refuses %j', (params, message) => {
    const { sim } = setup();
    const before = JSON.stringify(sim.state);
    const error = sim.fails('resourcegroupstaggingapi', 'GetResources', params);
    expect([error.code, error.message, error.httpStatus]).toEqual(['InvalidParameterException', message, 400]);
    expect(JSON.stringify(sim.state)).toBe(before);
  });
});
