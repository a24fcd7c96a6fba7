import { EC2_TRUST, makeSim } from '../../sim/__tests__/harness';
import { runConsoleAction, type ConsoleAction } from '../../sim/console/actions';
import { LAYOUT_DEFAULTS, type LayoutOptions, type Positions } from '../layout';
import type { Graph } from '../types';

/** A simulator plus the console and the few CLI steps the graph tests repeat. */
export function graphSim() {
  const sim = makeSim();
  const act = (action: ConsoleAction) => {
    const result = runConsoleAction(sim.state, action, sim.ctx);
    if (result.error) throw new Error(`${action.type} failed: ${result.error.code}: ${result.error.message}`);
    return result;
  };
  return {
    sim,
    act,
    /** IAM console › Create role › AWS service › EC2, with AmazonS3FullAccess: the role and a same-named profile. */
    consoleEc2Role: (roleName: string) =>
      act({ type: 'iam.createServiceRole', useCase: 'ec2', roleName, managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'], tags: [] }),
    createRole: (RoleName: string, AssumeRolePolicyDocument: string = EC2_TRUST) => sim.ok('iam', 'CreateRole', { RoleName, AssumeRolePolicyDocument }),
    createProfile: (InstanceProfileName: string) => sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName }),
    addRole: (InstanceProfileName: string, RoleName: string) => sim.ok('iam', 'AddRoleToInstanceProfile', { InstanceProfileName, RoleName }),
    putPolicy: (RoleName: string, PolicyName = 'S3-Permissions') => sim.ok('iam', 'PutRolePolicy', { RoleName, PolicyName, PolicyDocument: S3_POLICY }),
    /** run-instances with a profile name (or none); returns the instance id. */
    launch: (profileName?: string, name?: string): string => {
      const out = sim.ok<{ Instances: { InstanceId: string }[] }>('ec2', 'RunInstances', {
        ImageId: 'ami-0abcdef1234567890',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        ...(profileName ? { IamInstanceProfile: { Name: profileName } } : {}),
        ...(name ? { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }] } : {}),
      });
      return out.Instances[0]?.InstanceId ?? '';
    },
    /** Lets simulated time pass and settles it with a read-only call. */
    wait: (seconds: number) => {
      sim.advance(seconds);
      return sim.run('ec2', 'DescribeInstances', {});
    },
    role: (name: string) => sim.state.tables.roles[name.toLowerCase()]!,
    profile: (name: string) => sim.state.tables.instanceProfiles[name.toLowerCase()]!,
    associationOf: (instanceId: string) => sim.state.tables.instances[instanceId]?.associationId ?? '',
  };
}

export const S3_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
export const EKS_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

export const nodeIds = (graph: Graph): string[] => graph.nodes.map((n) => n.id);
export const edgeIds = (graph: Graph): string[] => graph.edges.map((e) => e.id);
export const warningCodes = (graph: Graph): string[] => graph.warnings.map((w) => `${w.code} ${w.nodeIds.join(' ')}`);

/** Pairs of nodes whose boxes overlap. */
export function overlaps(positions: Positions, options: LayoutOptions = LAYOUT_DEFAULTS): string[] {
  const entries = Object.entries(positions);
  const found: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const [a, p] = entries[i]!;
      const [b, q] = entries[j]!;
      if (p.x < q.x + options.nodeWidth && q.x < p.x + options.nodeWidth && p.y < q.y + options.nodeHeight && q.y < p.y + options.nodeHeight) found.push(`${a} × ${b}`);
    }
  }
  return found;
}
