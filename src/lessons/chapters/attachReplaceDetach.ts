import { check, instanceDetached, instanceStopped, instanceUses, roleAllows } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { S3_READ_ONLY, cli, consoleLaunch, consoleRole, policyArn, question, waitRunning } from './common';

/**
 * Chapter 5: attach, replace, detach. A running or stopped instance takes a profile; only a
 * running one has it replaced; either lets it go. A role's change reaches every instance using it.
 */
const k = chapterKeys('attach-replace-detach');

const attachRunning = k.step('attach-running');
const changeRole = k.step('change-role');
const attachStopped = k.step('attach-stopped');
const replace = k.step('replace');
const detachStopped = k.step('detach-stopped');

const associations = (name: string) => cli(`aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values={{instance:${name}}}`);
const associate = (name: string, profile: string) => cli(`aws ec2 associate-iam-instance-profile --instance-id {{instance:${name}}} --iam-instance-profile ${profile}`);
const putReportPolicy = (resource: string) =>
  cli(`aws iam put-role-policy --role-name web-role --policy-name write-reports --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"${resource}"}]}'`);

const steps: Step[] = [
  {
    id: 'attach-running',
    facts: ['F17', 'F16', 'F2'],
    explanationKey: attachRunning.explanationKey,
    taskKey: attachRunning.taskKey,
    mode: 'either',
    check: check([instanceUses('web-1', 'web-role')]),
    hints: [attachRunning.hint(1), attachRunning.hint(2)],
    solution: [associate('web-1', 'Name=web-role'), associations('web-1')],
    wrongAttempts: [{ id: 'role-arn', actions: [associate('web-1', 'Arn=arn:aws:iam::{{account}}:role/web-role')], messageKey: 'missing.diagnosis.roleArnForProfile' }],
  },
  {
    id: 'change-role',
    facts: ['F15', 'F2', 'F13'],
    explanationKey: changeRole.explanationKey,
    taskKey: changeRole.taskKey,
    mode: 'terminal',
    check: check([roleAllows('web-role', 's3:PutObject', 'arn:aws:s3:::lab-reports/daily.csv')]),
    hints: [changeRole.hint(1), changeRole.hint(2)],
    solution: [putReportPolicy('arn:aws:s3:::lab-reports/*')],
    wrongAttempts: [{ id: 'bucket-not-objects', actions: [putReportPolicy('arn:aws:s3:::lab-reports')], messageKey: 'missing.permissionMissing' }],
  },
  {
    id: 'attach-stopped',
    facts: ['F17'],
    explanationKey: attachStopped.explanationKey,
    taskKey: attachStopped.taskKey,
    mode: 'either',
    check: check([instanceUses('batch-1', 'audit-role'), instanceStopped('batch-1')]),
    hints: [attachStopped.hint(1)],
    solution: [associate('batch-1', 'Name=audit-role'), associations('batch-1')],
    wrongAttempts: [
      { id: 'started-first', actions: [cli('aws ec2 start-instances --instance-ids {{instance:batch-1}}'), associate('batch-1', 'Name=audit-role')], messageKey: 'missing.instanceNotStopped' },
    ],
  },
  {
    id: 'replace',
    facts: ['F17'],
    explanationKey: replace.explanationKey,
    taskKey: replace.taskKey,
    mode: 'either',
    check: check([instanceUses('web-1', 'audit-role')]),
    hints: [replace.hint(1), replace.hint(2)],
    solution: [
      associations('web-1'),
      cli('aws ec2 replace-iam-instance-profile-association --association-id {{association:web-1}} --iam-instance-profile Name=audit-role'),
    ],
    wrongAttempts: [{ id: 'associate-again', actions: [associate('web-1', 'Name=audit-role')], messageKey: 'missing.diagnosis.existingAssociation' }],
  },
  {
    id: 'detach-stopped',
    facts: ['F17'],
    explanationKey: detachStopped.explanationKey,
    taskKey: detachStopped.taskKey,
    mode: 'either',
    check: check([instanceDetached('batch-1'), instanceStopped('batch-1')]),
    hints: [detachStopped.hint(1), detachStopped.hint(2)],
    solution: [cli('aws ec2 disassociate-iam-instance-profile --association-id {{association:batch-1}}'), associations('batch-1')],
    wrongAttempts: [
      {
        id: 'emptied-the-profile',
        actions: [cli('aws iam remove-role-from-instance-profile --instance-profile-name audit-role --role-name audit-role')],
        messageKey: 'missing.instanceStillAttached',
      },
    ],
  },
];

export const attachReplaceDetach: Chapter = {
  id: 'attach-replace-detach',
  titleKey: k.titleKey,
  introKey: k.introKey,
  scenario: {
    actions: [
      consoleRole('web-role', 'ec2', [S3_READ_ONLY]),
      consoleRole('audit-role', 'ec2', [policyArn('ReadOnlyAccess')]),
      consoleLaunch('web-1'),
      consoleLaunch('web-2', 'web-role'),
      consoleLaunch('batch-1'),
      waitRunning('batch-1'),
      cli('aws ec2 stop-instances --instance-ids {{instance:batch-1}}'),
      cli('aws ec2 wait instance-stopped --instance-ids {{instance:batch-1}}'),
    ],
  },
  steps,
  quiz: [
    question('states', k.question('states'), ['F17'], 'b'),
    question('stopped-instance', k.question('stopped-instance'), ['F17'], 'c'),
    question('second-association', k.question('second-association'), ['F17', 'F2'], 'a'),
    question('pass-role', k.question('pass-role'), ['F16'], 'd'),
    question('every-instance', k.question('every-instance'), ['F15', 'F2'], 'b'),
  ],
};
