import { describe, expect, it } from 'vitest';
import { chapterById, startObserving, type Chapter, type LessonAction } from '../../lessons';
import type { Published } from '../../worker/protocol';
import { postMessageLab } from './__tests__/labClient';
import { checkPublished, labView, observePublished, resolvePublished } from './lab';

const chapter = (id: string): Chapter => {
  const found = chapterById(id);
  if (!found) throw new Error(`no chapter ${id}`);
  return found;
};

const launch = (name: string, profile?: string) =>
  `aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t3.micro${profile ? ` --iam-instance-profile ${profile}` : ''} --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${name}}]'`;

const missingKeys = (result: ReturnType<typeof checkPublished>) => (result.passed ? [] : result.missing.map((m) => m.key));

describe('placeholders resolved against the published state', () => {
  it('fills instance ids, association ids and the account id from a postMessage copy', async () => {
    const { client } = postMessageLab();
    await client.init('en');
    await client.consoleAction({ type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'web-role', managedPolicyArns: [], tags: [] }, 'en');
    const published = await client.run(launch('web-1', 'Name=web-role'), 'en');
    const instance = Object.values(published.sim.tables.instances)[0];
    const association = Object.values(published.sim.tables.associations)[0];
    if (!instance || !association) throw new Error('the launch made no instance');

    const line: LessonAction = { kind: 'command', line: 'aws ec2 disassociate-iam-instance-profile --association-id {{association:web-1}} # {{instance:web-1}} {{account}}' };
    expect(resolvePublished(published, line)).toEqual({
      kind: 'run',
      action: { kind: 'command', line: `aws ec2 disassociate-iam-instance-profile --association-id ${association.AssociationId} # ${instance.InstanceId} 123456789012` },
    });
    const modify: LessonAction = { kind: 'console', action: { type: 'ec2.modifyIamRole', instanceId: '{{instance:web-1}}', instanceProfileName: 'web-role' } };
    expect(resolvePublished(published, modify)).toEqual({ kind: 'run', action: { kind: 'console', action: { type: 'ec2.modifyIamRole', instanceId: instance.InstanceId, instanceProfileName: 'web-role' } } });
  });

  it('says what is missing instead of sending a line with a placeholder left in it', async () => {
    const { client } = postMessageLab();
    const published = await client.run(launch('bare'), 'en');
    expect(resolvePublished(published, { kind: 'command', line: 'ssh {{instance:web-1}}' })).toEqual({ kind: 'missing', missing: { key: 'missing.instanceMissing', values: { name: 'web-1' } } });
    expect(resolvePublished(published, { kind: 'command', line: 'x {{association:bare}}' })).toEqual({ kind: 'missing', missing: { key: 'missing.instanceHasNoProfile', values: { name: 'bare' } } });
  });

  it('skips what is not needed where the terminal is', async () => {
    const { client } = postMessageLab();
    await client.run(launch('box'), 'en');
    const local = await client.run('aws ec2 wait instance-running', 'en');
    expect(resolvePublished(local, { kind: 'command', line: 'exit', only: 'inside-instance' })).toEqual({ kind: 'skip' });
    const id = Object.values(local.sim.tables.instances)[0]?.InstanceId;
    const inside = await client.run(`ssh ${id}`, 'en');
    expect(labView(inside).location).toEqual({ type: 'instance', instanceId: id });
    expect(resolvePublished(inside, { kind: 'command', line: 'ssh {{instance:box}}', only: 'local' })).toEqual({ kind: 'skip' });
    expect(resolvePublished(inside, { kind: 'command', line: 'exit', only: 'inside-instance' })).toEqual({ kind: 'run', action: { kind: 'command', line: 'exit', only: 'inside-instance' } });
  });
});

describe('checks evaluated from published snapshots', () => {
  it('a state check: missing parts, most basic first, until the console makes the role and its profile', async () => {
    const { client } = postMessageLab();
    const step = chapter('console-path').steps[0];
    if (!step) throw new Error('no step');
    const start = await client.init('en');
    const observations = startObserving(start.clock);
    expect(checkPublished(step, start, observations)).toEqual({ passed: false, missing: [{ key: 'missing.roleMissing', values: { role: 'lab-web-role' } }] });

    const cliOnly = await client.run(`aws iam create-role --role-name lab-web-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`, 'en');
    expect(missingKeys(checkPublished(step, cliOnly, observePublished(observations, cliOnly)))).toEqual(['missing.roleHasNoPermissions']);
    await client.run('aws iam delete-role --role-name lab-web-role', 'en');

    const done = await client.consoleAction({ type: 'iam.createServiceRole', useCase: 'ec2', roleName: 'lab-web-role', managedPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: [] }, 'en');
    expect(checkPublished(step, done, observePublished(observations, done))).toEqual({ passed: true });
  });

  it('an error check: passes on the error a command met since the step started, not before, whatever reached the screen', async () => {
    const { client } = postMessageLab();
    const step = chapter('cli-path').steps.find((s) => s.id === 'role-name-fails');
    if (!step) throw new Error('no step');
    await client.init('en');
    const earlier = await client.run(launch('app-1', 'Name=app-role'), 'en');
    const observations = startObserving(earlier.clock);
    expect(missingKeys(checkPublished(step, earlier, observations))).toEqual(['missing.failure.launchWithRoleName']);

    const failed = await client.run(`${launch('app-1', 'Name=app-role')} 2>/dev/null`, 'ja');
    expect(failed.output?.exitCode).not.toBe(0);
    expect(failed.output?.chunks).toEqual([]);
    const seen = observePublished(observations, failed);
    expect(seen.errors.map((e) => e.code)).toEqual(['InvalidParameterValue']);
    expect(checkPublished(step, failed, seen)).toEqual({ passed: true });
  });

  it('a console call\'s error counts as met, and a tick\'s events are observed', async () => {
    const { client } = postMessageLab();
    await client.init('en');
    const observations = startObserving(0);
    const refused: Published = await client.consoleAction({ type: 'ec2.launchInstance', name: 'x', imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro', instanceProfileName: 'nothing-here' }, 'en');
    const seen = observePublished(observations, refused);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]?.operation).toBe('RunInstances');
    const launched = observePublished(seen, await client.run(launch('later'), 'en'));
    // The instance settles with time: the first tick that publishes brings its events.
    let tick: Published | undefined;
    for (let i = 0; i < 300 && !tick; i++) tick = await client.tick();
    if (!tick) throw new Error('no tick published anything');
    expect(tick.events.length).toBeGreaterThan(0);
    expect(observePublished(launched, tick).events).toEqual([...launched.events, ...tick.events]);
  });
});
