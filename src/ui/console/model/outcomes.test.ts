import { describe, expect, it } from 'vitest';
import { runConsoleAction, type ConsoleAction } from '../../../sim';
import { EC2_TRUST, makeSim } from '../../../sim/__tests__/harness';
import { awsError } from '../../../sim/core/errors';
import type { ConsoleOutput } from '../../../worker/protocol';
import { consoleHint, flashFor, logTitle } from './outcomes';

/** A console action run on the simulator, shaped as the worker publishes it (the cli line is not under test here). */
function output(sim: ReturnType<typeof makeSim>, action: ConsoleAction): ConsoleOutput {
  const result = runConsoleAction(sim.state, action, sim.ctx);
  return { id: 1, action, calls: result.calls.map((c) => ({ ...c, cli: `aws ${c.operation}` })), ...(result.error ? { error: result.error } : {}) };
}

const createEc2Role = (roleName: string): ConsoleAction => ({ type: 'iam.createServiceRole', useCase: 'ec2', roleName, managedPolicyArns: [], tags: [] });

describe('logTitle', () => {
  it.each([
    [createEc2Role('web'), { key: 'createRole', values: { name: 'web' } }],
    [{ type: 'iam.deleteRole', roleName: 'web' }, { key: 'deleteRole', values: { name: 'web' } }],
    [{ type: 'ec2.launchInstance', imageId: 'ami-12345678', instanceType: 't3.micro' }, { key: 'launch', values: {} }],
    [{ type: 'ec2.launchInstance', imageId: 'ami-12345678', instanceType: 't3.micro', name: 'box' }, { key: 'launchNamed', values: { name: 'box' } }],
    [{ type: 'ec2.modifyIamRole', instanceId: 'i-1', instanceProfileName: 'p' }, { key: 'modifyRole', values: { id: 'i-1', profile: 'p' } }],
    [{ type: 'ec2.modifyIamRole', instanceId: 'i-1', instanceProfileName: null }, { key: 'detachRole', values: { id: 'i-1' } }],
    [{ type: 'ec2.startInstances', instanceIds: ['i-1', 'i-2'] }, { key: 'start', values: { ids: 'i-1, i-2' } }],
    [{ type: 'ec2.stopInstances', instanceIds: ['i-1'] }, { key: 'stop', values: { ids: 'i-1' } }],
    [{ type: 'ec2.terminateInstances', instanceIds: ['i-1'] }, { key: 'terminate', values: { ids: 'i-1' } }],
  ] as [ConsoleAction, ReturnType<typeof logTitle>][])('%j', (action, title) => {
    expect(logTitle(action)).toEqual(title);
  });
});

describe('flashFor', () => {
  it('reports a created role', () => {
    expect(flashFor(output(makeSim(), createEc2Role('web')))).toEqual({ tone: 'success', key: 'createRole', values: { name: 'web' } });
  });

  it('explains the console stopping at CreateInstanceProfile when a CLI-made profile has the name (F3, F4)', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'web' });
    const result = output(sim, createEc2Role('web'));
    expect(result.calls.map((c) => [c.operation, c.outcome.ok])).toEqual([
      ['CreateRole', true],
      ['CreateInstanceProfile', false],
    ]);
    expect(flashFor(result)).toEqual({
      tone: 'error',
      key: 'createRole',
      values: { name: 'web' },
      operation: 'CreateInstanceProfile',
      error: awsError('iam', 'EntityAlreadyExists', 'Instance Profile web already exists.'),
      hint: 'profileExists',
    });
  });

  it('names the existing role, in AWS\'s words', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateRole', { RoleName: 'Web', AssumeRolePolicyDocument: EC2_TRUST });
    expect(flashFor(output(sim, createEc2Role('web')))).toMatchObject({ tone: 'error', operation: 'CreateRole', error: { code: 'EntityAlreadyExists', message: 'Role with name web already exists.' }, hint: 'roleExists' });
  });

  it('reports the launched instance by id', () => {
    const sim = makeSim();
    const flash = flashFor(output(sim, { type: 'ec2.launchInstance', imageId: 'ami-0453ec754f44f9a4a', instanceType: 't3.micro' }));
    expect(flash).toMatchObject({ tone: 'success', key: 'launch', values: { id: expect.stringMatching(/^i-[0-9a-f]{17}$/) } });
  });

  it('tells attach, replace and detach apart by the call made', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'a' });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'b' });
    const launch = output(sim, { type: 'ec2.launchInstance', imageId: 'ami-0453ec754f44f9a4a', instanceType: 't3.micro' });
    const id = launch.calls[0]?.outcome.ok ? (launch.calls[0].outcome.response as { Instances: { InstanceId: string }[] }).Instances[0]?.InstanceId ?? '' : '';
    sim.advance(60);
    expect(flashFor(output(sim, { type: 'ec2.modifyIamRole', instanceId: id, instanceProfileName: 'a' }))).toEqual({ tone: 'success', key: 'attach', values: { id, profile: 'a' } });
    sim.advance(60);
    expect(flashFor(output(sim, { type: 'ec2.modifyIamRole', instanceId: id, instanceProfileName: 'b' }))).toEqual({ tone: 'success', key: 'replace', values: { id, profile: 'b' } });
    sim.advance(60);
    expect(flashFor(output(sim, { type: 'ec2.modifyIamRole', instanceId: id, instanceProfileName: null }))).toEqual({ tone: 'success', key: 'detach', values: { id, profile: '' } });
  });

  it('explains a replace on a stopped instance', () => {
    const sim = makeSim();
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'a' });
    sim.ok('iam', 'CreateInstanceProfile', { InstanceProfileName: 'b' });
    const launch = output(sim, { type: 'ec2.launchInstance', imageId: 'ami-0453ec754f44f9a4a', instanceType: 't3.micro', instanceProfileName: 'a' });
    const id = (launch.calls[1]?.outcome.ok && (launch.calls[1].outcome.response as { Instances: { InstanceId: string }[] }).Instances[0]?.InstanceId) || '';
    sim.advance(60);
    sim.ok('ec2', 'StopInstances', { InstanceIds: [id] });
    sim.advance(60);
    expect(flashFor(output(sim, { type: 'ec2.modifyIamRole', instanceId: id, instanceProfileName: 'b' }))).toMatchObject({
      tone: 'error',
      key: 'modifyRole',
      operation: 'ReplaceIamInstanceProfileAssociation',
      error: { code: 'IncorrectInstanceState' },
      hint: 'incorrectInstanceState',
    });
  });
});

describe('consoleHint', () => {
  const launch: ConsoleAction = { type: 'ec2.launchInstance', imageId: 'ami-12345678', instanceType: 't3.micro', instanceProfileName: 'x' };
  it.each([
    ['an unknown profile name', 'RunInstances', awsError('ec2', 'InvalidParameterValue', 'Value (x) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'), 'invalidProfile'],
    ['an unknown profile ARN', 'RunInstances', awsError('ec2', 'InvalidParameterValue', 'Value (arn:aws:iam::123456789012:instance-profile/x) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN'), 'invalidProfile'],
    ['a role not yet seen by EC2', 'RunInstances', awsError('ec2', 'InvalidParameterValue', 'IAM Instance Profile "arn:aws:iam::123456789012:instance-profile/x" has no associated IAM Roles'), 'profileNotSeenYet'],
    ['another InvalidParameterValue', 'RunInstances', awsError('ec2', 'InvalidParameterValue', "Invalid value 'x' for InstanceType."), undefined],
    ['a delete conflict', 'DeleteRole', awsError('iam', 'DeleteConflict', 'Cannot delete entity, must detach all policies first.'), 'deleteConflict'],
    ['an existing association', 'AssociateIamInstanceProfile', awsError('ec2', 'IncorrectState', 'There is an existing association for instance i-1'), 'existingAssociation'],
    ['access denied', 'RunInstances', awsError('ec2', 'UnauthorizedOperation', 'You are not authorized to perform this operation.'), 'accessDenied'],
    ['an EntityAlreadyExists outside create role', 'CreateInstanceProfile', awsError('iam', 'EntityAlreadyExists', 'Instance Profile x already exists.'), undefined],
    ['a code with no hint', 'RunInstances', awsError('ec2', 'toString', 'odd'), undefined],
  ] as const)('%s', (_name, operation, error, hint) => {
    expect(consoleHint(launch, operation, error)).toBe(hint);
  });
});
