import { check, ec2Role, inOrder, instanceUses, profileHolds, roleHasPermissions, roleStandsAlone, roleTrusts } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { S3_READ_ONLY, attachPolicy, consoleLaunch, consoleRole, createRole, question } from './common';

/** Chapter 1: the console path. One wizard, two resources; the launch wizard lists profiles. */
const k = chapterKeys('console-path');

const createEc2Role = k.step('create-ec2-role');
const launchWithRole = k.step('launch-with-role');
const taskRole = k.step('task-role');

const steps: Step[] = [
  {
    id: 'create-ec2-role',
    facts: ['F3', 'F13', 'F22'],
    explanationKey: createEc2Role.explanationKey,
    taskKey: createEc2Role.taskKey,
    mode: 'console',
    check: check([inOrder(ec2Role('lab-web-role'), roleHasPermissions('lab-web-role'), profileHolds('lab-web-role', 'lab-web-role'))]),
    hints: [createEc2Role.hint(1), createEc2Role.hint(2)],
    solution: [consoleRole('lab-web-role', 'ec2', [S3_READ_ONLY])],
    wrongAttempts: [
      { id: 'cli-role-only', actions: [createRole('lab-web-role'), attachPolicy('lab-web-role', S3_READ_ONLY)], messageKey: 'missing.profileMissing' },
      { id: 'lambda-use-case', actions: [consoleRole('lab-web-role', 'lambda', [S3_READ_ONLY])], messageKey: 'missing.roleNotTrustedBy' },
      { id: 'no-permissions', actions: [consoleRole('lab-web-role', 'ec2', [])], messageKey: 'missing.roleHasNoPermissions' },
    ],
  },
  {
    id: 'launch-with-role',
    facts: ['F1', 'F5'],
    explanationKey: launchWithRole.explanationKey,
    taskKey: launchWithRole.taskKey,
    mode: 'console',
    check: check([inOrder(instanceUses('lab-web-1', 'lab-web-role'), profileHolds('lab-web-role', 'lab-web-role'))]),
    hints: [launchWithRole.hint(1), launchWithRole.hint(2)],
    solution: [consoleLaunch('lab-web-1', 'lab-web-role')],
    wrongAttempts: [{ id: 'no-profile', actions: [consoleLaunch('lab-web-1')], messageKey: 'missing.instanceHasNoProfile' }],
  },
  {
    id: 'task-role',
    facts: ['F22', 'F19'],
    explanationKey: taskRole.explanationKey,
    taskKey: taskRole.taskKey,
    mode: 'console',
    check: check([roleTrusts('lab-task-role', 'ecs-tasks.amazonaws.com'), roleStandsAlone('lab-task-role')]),
    hints: [taskRole.hint(1), taskRole.hint(2)],
    solution: [consoleRole('lab-task-role', 'ecs-tasks', [S3_READ_ONLY])],
    wrongAttempts: [{ id: 'ec2-use-case', actions: [consoleRole('lab-task-role', 'ec2', [S3_READ_ONLY])], messageKey: 'missing.roleHasProfile' }],
  },
];

export const consolePath: Chapter = {
  id: 'console-path',
  titleKey: k.titleKey,
  introKey: k.introKey,
  steps,
  quiz: [
    question('what-exists', k.question('what-exists'), ['F3'], 'b'),
    question('role-page', k.question('role-page'), ['F22'], 'c'),
    question('dropdown', k.question('dropdown'), ['F5'], 'a'),
    question('security-tab', k.question('security-tab'), ['F1', 'F5'], 'd'),
  ],
};
