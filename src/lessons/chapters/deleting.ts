import { check, met, need, profileDeleted, roleDeleted, roleKept } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, MetError, Step } from '../types';
import { S3_READ_ONLY, addRole, attachPolicy, cli, consoleRole, createProfile, createRole, onConsole, question } from './common';

/**
 * Chapter 6: deleting. With the API, a role and the profile holding it block each other's
 * deletion until the role is removed; the IAM console's delete does all of it at once.
 */
const k = chapterKeys('deleting');

const conflicts = k.step('conflicts');
const rightOrder = k.step('right-order');
const consoleDelete = k.step('console-delete');
const deleteOldRole = k.step('delete-old-role');

const REMOVE_ROLES_FIRST = 'Cannot delete entity, must remove roles from instance profile first.';
const conflictIn = (operation: string) => (e: MetError) => e.code === 'DeleteConflict' && e.operation === operation && e.message === REMOVE_ROLES_FIRST;

const steps: Step[] = [
  {
    id: 'conflicts',
    facts: ['F9'],
    explanationKey: conflicts.explanationKey,
    taskKey: conflicts.taskKey,
    mode: 'terminal',
    // Meeting DeleteConflict is the point here, so the errors are not read as mistakes.
    check: check(
      [
        met(conflictIn('DeleteInstanceProfile'), need('missing.failure.profileDeleteConflict', { profile: 'old-profile' })),
        met(conflictIn('DeleteRole'), need('missing.failure.roleDeleteConflict', { role: 'old-role' })),
      ],
      { diagnose: false },
    ),
    hints: [conflicts.hint(1)],
    solution: [cli('aws iam delete-instance-profile --instance-profile-name old-profile'), cli('aws iam delete-role --role-name old-role')],
    wrongAttempts: [
      { id: 'profile-only', actions: [cli('aws iam delete-instance-profile --instance-profile-name old-profile')], messageKey: 'missing.failure.roleDeleteConflict' },
    ],
  },
  {
    id: 'right-order',
    facts: ['F9'],
    explanationKey: rightOrder.explanationKey,
    taskKey: rightOrder.taskKey,
    mode: 'terminal',
    check: check([profileDeleted('old-profile'), roleKept('old-role')]),
    hints: [rightOrder.hint(1), rightOrder.hint(2)],
    solution: [
      cli('aws iam remove-role-from-instance-profile --instance-profile-name old-profile --role-name old-role'),
      cli('aws iam delete-instance-profile --instance-profile-name old-profile'),
      cli('aws iam get-role --role-name old-role'),
    ],
    wrongAttempts: [
      { id: 'remove-only', actions: [cli('aws iam remove-role-from-instance-profile --instance-profile-name old-profile --role-name old-role')], messageKey: 'missing.profileStillExists' },
      { id: 'console-delete', actions: [onConsole({ type: 'iam.deleteRole', roleName: 'old-role' })], messageKey: 'missing.roleWasDeleted' },
    ],
  },
  {
    id: 'console-delete',
    facts: ['F10'],
    explanationKey: consoleDelete.explanationKey,
    taskKey: consoleDelete.taskKey,
    mode: 'console',
    check: check([roleDeleted('tmp-role'), profileDeleted('tmp-role')]),
    hints: [consoleDelete.hint(1)],
    solution: [onConsole({ type: 'iam.deleteRole', roleName: 'tmp-role' })],
    wrongAttempts: [{ id: 'cli-delete', actions: [cli('aws iam delete-role --role-name tmp-role')], messageKey: 'missing.diagnosis.removeRoleFirst' }],
  },
  {
    id: 'delete-old-role',
    facts: ['F9', 'F13'],
    explanationKey: deleteOldRole.explanationKey,
    taskKey: deleteOldRole.taskKey,
    mode: 'terminal',
    check: check([roleDeleted('old-role')]),
    hints: [deleteOldRole.hint(1), deleteOldRole.hint(2)],
    solution: [
      cli('aws iam list-attached-role-policies --role-name old-role'),
      cli(`aws iam detach-role-policy --role-name old-role --policy-arn ${S3_READ_ONLY}`),
      cli('aws iam delete-role --role-name old-role'),
    ],
    wrongAttempts: [{ id: 'policies-still-attached', actions: [cli('aws iam delete-role --role-name old-role')], messageKey: 'missing.diagnosis.detachPoliciesFirst' }],
  },
];

export const deleting: Chapter = {
  id: 'deleting',
  titleKey: k.titleKey,
  introKey: k.introKey,
  scenario: {
    actions: [
      createRole('old-role'),
      attachPolicy('old-role', S3_READ_ONLY),
      createProfile('old-profile'),
      addRole('old-profile', 'old-role'),
      consoleRole('tmp-role', 'ec2', [S3_READ_ONLY]),
    ],
  },
  steps,
  quiz: [
    question('order', k.question('order'), ['F9'], 'c'),
    question('message', k.question('message'), ['F9'], 'a'),
    question('role-survives', k.question('role-survives'), ['F9'], 'b'),
    question('console-delete', k.question('console-delete'), ['F10'], 'd'),
    question('service-profiles', k.question('service-profiles'), ['F11'], 'b'),
  ],
};
