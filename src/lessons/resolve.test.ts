import { describe, expect, it } from 'vitest';
import { runCommand, type Workspace } from '../cli/terminal';
import { prepareWorkspace } from './run';
import { resolveAction } from './resolve';
import { consoleLaunch, launch, waitRunning } from './chapters/common';
import type { LessonAction, ShellLocation } from './types';

const LOCAL: ShellLocation = { type: 'local' };

/** web-1 launched twice (the first one terminated), with a profile; bare-1 without one. */
function lab(): Workspace {
  const { workspace, problems } = prepareWorkspace({
    actions: [
      { kind: 'command', line: 'aws iam create-instance-profile --instance-profile-name p' },
      launch('web-1'),
      waitRunning('web-1'),
      { kind: 'command', line: 'aws ec2 terminate-instances --instance-ids {{instance:web-1}}' },
      launch('web-1', 'Name=p'),
      consoleLaunch('bare-1'),
    ],
  });
  expect(problems).toEqual([]);
  return workspace;
}

const liveId = (ws: Workspace, name: string): string => {
  const instance = Object.values(ws.sim.tables.instances).find((i) => i.State.Name !== 'terminated' && i.Tags.some((t) => t.Key === 'Name' && t.Value === name));
  if (!instance) throw new Error(`no ${name}`);
  return instance.InstanceId;
};

describe('resolveAction', () => {
  const ws = lab();
  const web1 = liveId(ws, 'web-1');
  const association = ws.sim.tables.instances[web1]?.associationId;

  it.each<[string, string, string]>([
    ['the account id', 'arn:aws:iam::{{account}}:role/r', 'arn:aws:iam::123456789012:role/r'],
    ['the live instance of a name, not a terminated one', 'ssh {{instance:web-1}}', `ssh ${web1}`],
    ['the live association of an instance', 'x {{association:web-1}} {{association:web-1}}', `x ${association} ${association}`],
    ['text without placeholders', 'aws iam list-roles', 'aws iam list-roles'],
  ])('fills in %s', (_name, line, expected) => {
    expect(resolveAction(ws.sim, LOCAL, { kind: 'command', line })).toEqual({ kind: 'run', action: { kind: 'command', line: expected } });
  });

  it.each<[string, string, { key: string; values: Record<string, string> }]>([
    ['an instance nobody launched', 'ssh {{instance:ghost}}', { key: 'missing.instanceMissing', values: { name: 'ghost' } }],
    ['the association of an instance without a profile', 'x {{association:bare-1}}', { key: 'missing.instanceHasNoProfile', values: { name: 'bare-1' } }],
  ])('says what is missing for %s', (_name, line, missing) => {
    expect(resolveAction(ws.sim, LOCAL, { kind: 'command', line })).toEqual({ kind: 'missing', missing });
  });

  it('fills in the ids of a console action', () => {
    const action: LessonAction = { kind: 'console', action: { type: 'ec2.stopInstances', instanceIds: ['{{instance:web-1}}', '{{instance:bare-1}}'] } };
    expect(resolveAction(ws.sim, LOCAL, action)).toEqual({ kind: 'run', action: { kind: 'console', action: { type: 'ec2.stopInstances', instanceIds: [web1, liveId(ws, 'bare-1')] } } });
  });

  it.each<[string, LessonAction, ShellLocation, boolean]>([
    ['an exit on the own terminal', { kind: 'command', line: 'exit', only: 'inside-instance' }, LOCAL, true],
    ['an exit inside an instance', { kind: 'command', line: 'exit', only: 'inside-instance' }, { type: 'instance', instanceId: 'i-0123456789abcdef0' }, false],
    ['an ssh inside an instance', { kind: 'command', line: 'ssh {{instance:web-1}}', only: 'local' }, { type: 'instance', instanceId: 'i-0123456789abcdef0' }, true],
    ['an ssh on the own terminal', { kind: 'command', line: 'ssh {{instance:web-1}}', only: 'local' }, LOCAL, false],
  ])('skips %s only where it is not needed', (_name, action, location, skipped) => {
    expect(resolveAction(ws.sim, location, action).kind === 'skip').toBe(skipped);
  });

  it('resolves what the terminal then runs', () => {
    const resolved = resolveAction(ws.sim, LOCAL, { kind: 'command', line: 'aws ec2 describe-instances --instance-ids {{instance:web-1}} --query "Reservations[].Instances[].IamInstanceProfile.Arn" --output text' });
    if (resolved.kind !== 'run' || resolved.action.kind !== 'command') throw new Error('not resolved');
    const result = runCommand(ws, resolved.action.line, { language: 'en' });
    expect(result.chunks).toEqual([{ stream: 'stdout', text: 'arn:aws:iam::123456789012:instance-profile/p\n' }]);
  });
});
