import { emptyState, execute, seededRandom, type Request, type SimState } from '../src/sim';
import { fmt, percentile, report, timeEach, timeOnce } from './stats';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

function sim() {
  let now = Date.UTC(2026, 0, 15, 9);
  const ctx = { now: () => (now += 10), random: seededRandom(7) };
  // Quotas raised as an account would after a quota increase, to measure 10,000 of each.
  const state = emptyState({ quotas: { rolesPerAccount: 20_000, instanceProfilesPerAccount: 20_000 } });
  return { state, run: (request: Request) => execute(state, request, ctx) };
}

/** A learner-like mix: creates, links, launches, reads and lists, with some mistakes, 10,000 requests. */
function mixedScenario(state: SimState): Request[] {
  const requests: Request[] = [];
  for (let i = 0; requests.length < 10_000; i++) {
    const name = `app-${i}`;
    requests.push(
      { service: 'iam', operation: 'CreateRole', params: { RoleName: name, AssumeRolePolicyDocument: TRUST } },
      { service: 'iam', operation: 'PutRolePolicy', params: { RoleName: name, PolicyName: 's3', PolicyDocument: POLICY } },
      { service: 'iam', operation: 'CreateInstanceProfile', params: { InstanceProfileName: `${name}-profile` } },
      { service: 'iam', operation: 'AddRoleToInstanceProfile', params: { InstanceProfileName: `${name}-profile`, RoleName: name } },
      { service: 'ec2', operation: 'RunInstances', params: { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: name } } },
      { service: 'ec2', operation: 'RunInstances', params: { ImageId: 'ami-0abcdef1234567890', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: `${name}-profile` } } },
      { service: 'iam', operation: 'GetRole', params: { RoleName: name } },
      { service: 'iam', operation: 'GetInstanceProfile', params: { InstanceProfileName: `${name}-profile` } },
      { service: 'iam', operation: 'ListRoles', params: { MaxItems: 100 } },
      { service: 'ec2', operation: 'DescribeIamInstanceProfileAssociations', params: { MaxResults: 100 } },
      { service: 'iam', operation: 'DeleteRole', params: { RoleName: name } },
      { service: 'sts', operation: 'GetCallerIdentity', params: {} },
    );
  }
  void state;
  return requests.slice(0, 10_000);
}

export function benchSimulator(): void {
  const mixed = sim();
  const requests = mixedScenario(mixed.state);
  const { totalMs, perItemMs } = timeEach(requests, (r) => mixed.run(r));
  report('Simulator core — 10,000-request mixed scenario', [
    ['requests per second', fmt(requests.length / (totalMs / 1000), 0), '≥ 50,000'],
    ['p50 latency', `${fmt(percentile(perItemMs, 50), 4)} ms`],
    ['p99 latency', `${fmt(percentile(perItemMs, 99), 4)} ms`, '< 0.5 ms'],
  ]);

  const big = sim();
  const n = 10_000;
  const createRoles = timeOnce(() => {
    for (let i = 0; i < n; i++) big.run({ service: 'iam', operation: 'CreateRole', params: { RoleName: `role-${i}`, AssumeRolePolicyDocument: TRUST } });
  });
  const createProfiles = timeOnce(() => {
    for (let i = 0; i < n; i++) big.run({ service: 'iam', operation: 'CreateInstanceProfile', params: { InstanceProfileName: `profile-${i}` } });
  });
  const createInstances = timeOnce(() => {
    for (let i = 0; i < n / 100; i++) big.run({ service: 'ec2', operation: 'RunInstances', params: { ImageId: 'ami-0abcdef1234567890', MinCount: 100, MaxCount: 100 } });
  });
  const listRoles = timeOnce(() => big.run({ service: 'iam', operation: 'ListRoles', params: { MaxItems: 1000 } }));
  const listAllRoles = timeOnce(() => {
    let marker: string | undefined;
    let pages = 0;
    do {
      const r = big.run({ service: 'iam', operation: 'ListRoles', params: { MaxItems: 1000, ...(marker ? { Marker: marker } : {}) } });
      marker = r.outcome.ok ? (r.outcome.response as { Marker?: string }).Marker : undefined;
      pages++;
    } while (marker && pages < 100);
  });
  const listProfiles = timeOnce(() => big.run({ service: 'iam', operation: 'ListInstanceProfiles', params: { MaxItems: 1000 } }));
  const describe = timeOnce(() => big.run({ service: 'ec2', operation: 'DescribeInstances', params: {} }));
  const counts = big.state.tables;
  report(`Simulator core — ${Object.keys(counts.roles).length} roles, ${Object.keys(counts.instanceProfiles).length} profiles, ${Object.keys(counts.instances).length} instances`, [
    ['create 10,000 roles', `${fmt(createRoles.ms)} ms`],
    ['create 10,000 instance profiles', `${fmt(createProfiles.ms)} ms`],
    ['launch 10,000 instances (100 per call)', `${fmt(createInstances.ms)} ms`],
    ['list-roles, one page of 1,000', `${fmt(listRoles.ms)} ms`],
    ['list-roles, all 10,000 in pages of 1,000', `${fmt(listAllRoles.ms)} ms`, '< 20 ms'],
    ['list-instance-profiles, one page', `${fmt(listProfiles.ms)} ms`],
    ['describe-instances, all 10,000', `${fmt(describe.ms)} ms`, '< 20 ms'],
  ]);

  const serialize = timeOnce(() => JSON.stringify(big.state));
  const parse = timeOnce(() => JSON.parse(serialize.value) as unknown);
  const resources = Object.values(big.state.tables).reduce((sum, table) => sum + Object.keys(table).length, 0);
  const megabytes = serialize.value.length / 1024 / 1024;
  report(`Snapshot at that size (${resources} table rows)`, [
    ['size', `${fmt(megabytes)} MB`],
    ['size per 10,000 resources', `${fmt((megabytes * 10_000) / resources)} MB`, '< 10 MB'],
    ['serialize', `${fmt(serialize.ms)} ms`],
    ['parse', `${fmt(parse.ms)} ms`],
  ]);
}
