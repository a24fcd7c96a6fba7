import { describe, expect, it } from 'vitest';
import { missingKeys, runStep, workspaceAt } from './__tests__/replay';
import { cliPath } from './chapters/cliPath';
import { AMI, INSTANCE_TYPE } from './chapters/common';
import { deleting } from './chapters/deleting';
import type { Chapter, Solution } from './types';

/**
 * A step whose point is to see an error checks the requests the learner's commands sent, so any
 * way of sending them passes, whatever reaches the screen; text that merely looks like the
 * error, typed or printed, does not.
 */
const commands = (...lines: string[]): Solution => lines.map((line) => ({ kind: 'command', line }));

function checkAfter(chapter: Chapter, stepId: string, actions: Solution) {
  const index = chapter.steps.findIndex((s) => s.id === stepId);
  return runStep(chapter, index, workspaceAt(chapter, index), actions);
}

const LAUNCH = `aws ec2 run-instances --image-id ${AMI} --instance-type ${INSTANCE_TYPE} --iam-instance-profile Name=app-role`;
const REFUSAL = 'An error occurred (InvalidParameterValue) when calling the RunInstances operation: Value (app-role) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name';

describe('cli-path / role-name-fails: run-instances refused the role name', () => {
  it.each([
    ['as the CLI prints it', LAUNCH],
    ['with standard error thrown away', `${LAUNCH} 2>/dev/null`],
    ['with standard error in a file', `${LAUNCH} 2> err.txt`],
    ['under --cli-error-format json', `${LAUNCH} --cli-error-format json`],
    ['under --cli-error-format yaml', `${LAUNCH} --cli-error-format yaml`],
    ['under --cli-error-format text', `${LAUNCH} --cli-error-format text`],
    ['inside $(…)', `ID=$(${LAUNCH} --query "Instances[0].InstanceId" --output text)`],
    ['inside $(…), standard error thrown away', `echo "$(${LAUNCH} 2>/dev/null)"`],
  ])('is seen %s', (_name, line) => {
    const run = checkAfter(cliPath, 'role-name-fails', commands(line));
    expect(run.before.passed).toBe(false);
    expect(run.after).toEqual({ passed: true });
  });

  it.each([
    ['echoed to standard output', `echo "${REFUSAL}"`],
    ['on standard error, in the name of a file cat cannot find', `cat "${REFUSAL}"`],
    ['written to a file and shown', `echo "aws: [ERROR]: ${REFUSAL}" > err.txt`, 'cat err.txt'],
  ])('is not seen in text %s', (_name, ...lines) => {
    const run = checkAfter(cliPath, 'role-name-fails', commands(...lines));
    expect(run.observations.errors).toEqual([]);
    expect(missingKeys(run.after)).toEqual(['missing.failure.launchWithRoleName']);
  });
});

describe('deleting / conflicts: DeleteConflict both ways', () => {
  it('is seen with one error in json and the other thrown away', () => {
    const run = checkAfter(
      deleting,
      'conflicts',
      commands('aws iam delete-instance-profile --instance-profile-name old-profile --cli-error-format json', 'aws iam delete-role --role-name old-role 2>/dev/null'),
    );
    expect(run.after).toEqual({ passed: true });
  });

  it('is not seen when the second one was only typed', () => {
    const run = checkAfter(
      deleting,
      'conflicts',
      commands(
        'aws iam delete-instance-profile --instance-profile-name old-profile 2> err.txt',
        'echo "An error occurred (DeleteConflict) when calling the DeleteRole operation: Cannot delete entity, must remove roles from instance profile first."',
      ),
    );
    expect(missingKeys(run.after)).toEqual(['missing.failure.roleDeleteConflict']);
  });
});

describe('what the errors met tell about the cause', () => {
  it('comes first whatever the error format and wherever standard error went', () => {
    const run = checkAfter(cliPath, 'launch-with-profile', commands(`${LAUNCH.replace('Name=app-role', 'Arn=arn:aws:iam::123456789012:role/app-role')} --cli-error-format yaml 2>/dev/null`));
    expect(missingKeys(run.after)[0]).toBe('missing.diagnosis.roleArnForProfile');
  });
});
