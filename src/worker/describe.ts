import { seededRandom, type AppliedChange, type ServiceName, type SimEvent } from '../sim';
import type { GraphNode } from '../graph';
import { COMMANDS } from '../cli/commands';
import { runScript } from '../cli/shell/interpreter';
import { loggingMachine, type Workspace } from '../cli/terminal';
import type { Language } from '../cli/text';
import { newShellState } from '../cli/workspace/shellState';
import { exhaustive } from '../sim/core/assert';
import { awsCommandLine } from './awsCommandLine';
import type { NodeDescription } from './protocol';

interface ReadCall {
  service: ServiceName;
  operation: string;
  params: Record<string, unknown>;
}

/**
 * The read-only API call that shows a node's resource, as a learner would look it up. A trust
 * principal has none. A deleted profile's marker is shown through the associations that still
 * name it: EC2 keeps the profile's ARN and id there, which is the point of the marker.
 */
export function readCallFor(node: GraphNode, workspace: Workspace): ReadCall | undefined {
  switch (node.kind) {
    case 'role':
      return { service: 'iam', operation: 'GetRole', params: { RoleName: node.name } };
    case 'instance-profile':
      return { service: 'iam', operation: 'GetInstanceProfile', params: { InstanceProfileName: node.name } };
    case 'instance':
      return { service: 'ec2', operation: 'DescribeInstances', params: { InstanceIds: [node.instanceId] } };
    case 'managed-policy':
      return { service: 'iam', operation: 'GetPolicy', params: { PolicyArn: node.arn } };
    case 'inline-policy':
      return { service: 'iam', operation: 'GetRolePolicy', params: { RoleName: node.roleName, PolicyName: node.name } };
    case 'deleted-profile': {
      const ids = Object.values(workspace.sim.tables.associations)
        .filter((a) => a.IamInstanceProfile.Id === node.profileId)
        .map((a) => a.AssociationId)
        .sort();
      return ids.length ? { service: 'ec2', operation: 'DescribeIamInstanceProfileAssociations', params: { AssociationIds: ids } } : undefined;
    }
    case 'principal':
      return undefined;
    default:
      return exhaustive(node);
  }
}

export interface ReadResult {
  description: NodeDescription;
  /** Clock transitions that came due while it ran (the host publishes them with its next change). */
  events: SimEvent[];
  applied: AppliedChange[];
}

/**
 * Runs a command line in a scratch shell of the learner's own machine: a fresh history, default
 * variables and output format (so the details are always JSON, whatever the learner exported),
 * the lab's clock as it stands. The workspace's shell, history, clock and random source are left
 * as they were; the only changes it can make are clock transitions that were already due.
 */
export function runReadOnly(workspace: Workspace, command: string, language: Language): ReadResult {
  const { machine, log } = loggingMachine(workspace, { random: seededRandom(workspace.random), language, advanceClock: () => undefined });
  const result = runScript(command, newShellState(), machine, COMMANDS);
  const text = (stream: 'stdout' | 'stderr') =>
    result.chunks
      .filter((c) => c.stream === stream)
      .map((c) => c.text)
      .join('');
  return { description: { command, output: result.exitCode === 0 ? text('stdout') : text('stderr'), exitCode: result.exitCode }, events: log.events, applied: log.applied };
}

/** The command line for a node's read call. */
export const readCommandLine = (call: ReadCall): string => awsCommandLine(call.service, call.operation, call.params);
