import { check, ec2Role, inOrder, instanceUses, met, need, profileExists, profileHolds, roleHasPermissions, roleStandsAlone } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { EC2_TRUST, S3_READ_ONLY, addRole, attachPolicy, cli, consoleRole, createProfile, createRole, launch, question, waitRunning } from './common';

/**
 * Chapter 2: the CLI path. create-role makes no profile, so EC2 refuses the role's name; a
 * profile is made empty, filled with add-role-to-instance-profile, and is what EC2 takes.
 */
const k = chapterKeys('cli-path');

const createRoleKeys = k.step('create-role');
const roleNameFails = k.step('role-name-fails');
const createProfileKeys = k.step('create-profile');
const addRoleKeys = k.step('add-role');
const launchWithProfile = k.step('launch-with-profile');

const steps: Step[] = [
  {
    id: 'create-role',
    facts: ['F4', 'F13'],
    explanationKey: createRoleKeys.explanationKey,
    taskKey: createRoleKeys.taskKey,
    mode: 'terminal',
    check: check([inOrder(ec2Role('app-role'), roleHasPermissions('app-role')), roleStandsAlone('app-role')]),
    hints: [createRoleKeys.hint(1), createRoleKeys.hint(2)],
    solution: [createRole('app-role'), attachPolicy('app-role', S3_READ_ONLY)],
    wrongAttempts: [
      { id: 'console-role', actions: [consoleRole('app-role', 'ec2', [S3_READ_ONLY])], messageKey: 'missing.roleHasProfile' },
      {
        id: 'file-name-without-file-url',
        actions: [cli(`echo '${EC2_TRUST}' > trust-ec2.json`), cli('aws iam create-role --role-name app-role --assume-role-policy-document trust-ec2.json')],
        messageKey: 'missing.diagnosis.policyNotJson',
      },
    ],
  },
  {
    id: 'role-name-fails',
    facts: ['F6', 'F1'],
    explanationKey: roleNameFails.explanationKey,
    taskKey: roleNameFails.taskKey,
    mode: 'terminal',
    check: check([
      met(
        (e) => e.message.startsWith('Value (app-role) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name'),
        need('missing.failure.launchWithRoleName', { role: 'app-role' }),
      ),
    ]),
    hints: [roleNameFails.hint(1)],
    solution: [launch('app-1', 'Name=app-role')],
    wrongAttempts: [{ id: 'no-profile', actions: [launch('app-1')], messageKey: 'missing.failure.launchWithRoleName' }],
  },
  {
    id: 'create-profile',
    facts: ['F4'],
    explanationKey: createProfileKeys.explanationKey,
    taskKey: createProfileKeys.taskKey,
    mode: 'terminal',
    check: check([profileExists('app-profile')]),
    hints: [createProfileKeys.hint(1)],
    solution: [createProfile('app-profile')],
    wrongAttempts: [
      { id: 'role-option', actions: [cli('aws iam create-instance-profile --instance-profile-name app-profile --role-name app-role')], messageKey: 'missing.profileMissing' },
    ],
  },
  {
    id: 'add-role',
    facts: ['F4', 'F2'],
    explanationKey: addRoleKeys.explanationKey,
    taskKey: addRoleKeys.taskKey,
    mode: 'terminal',
    check: check([profileHolds('app-profile', 'app-role')]),
    hints: [addRoleKeys.hint(1), addRoleKeys.hint(2)],
    solution: [addRole('app-profile', 'app-role'), cli('aws iam get-instance-profile --instance-profile-name app-profile')],
    wrongAttempts: [{ id: 'names-swapped', actions: [addRole('app-role', 'app-profile')], messageKey: 'missing.profileEmpty' }],
  },
  {
    id: 'launch-with-profile',
    facts: ['F6', 'F20', 'F18'],
    explanationKey: launchWithProfile.explanationKey,
    taskKey: launchWithProfile.taskKey,
    mode: 'terminal',
    check: check([inOrder(instanceUses('app-1', 'app-profile'), profileHolds('app-profile', 'app-role'))]),
    hints: [launchWithProfile.hint(1), launchWithProfile.hint(2)],
    solution: [
      launch('app-1', 'Name=app-profile'),
      waitRunning('app-1'),
      cli('aws ec2 describe-instances --query "Reservations[].Instances[].IamInstanceProfile.Arn"'),
    ],
    wrongAttempts: [
      { id: 'role-arn', actions: [launch('app-1', 'Arn=arn:aws:iam::{{account}}:role/app-role')], messageKey: 'missing.diagnosis.roleArnForProfile' },
      { id: 'role-name-again', actions: [launch('app-1', 'Name=app-role')], messageKey: 'missing.diagnosis.unknownProfileName' },
    ],
  },
];

export const cliPath: Chapter = {
  id: 'cli-path',
  titleKey: k.titleKey,
  introKey: k.introKey,
  steps,
  quiz: [
    question('which-fails', k.question('which-fails'), ['F6'], 'c'),
    question('new-profile', k.question('new-profile'), ['F4'], 'b'),
    question('query-arn', k.question('query-arn'), ['F20'], 'a'),
    question('propagation', k.question('propagation'), ['F18'], 'd'),
    question('infrastructure-as-code', k.question('infrastructure-as-code'), ['F6'], 'b'),
  ],
};
