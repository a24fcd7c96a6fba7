import { check, inOrder, instanceUses, need, profileHolds, profileIsEmpty, profileTagged, roleTagged, type Condition } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { addRole, cli, consoleLaunch, consoleRole, createProfile, policyArn, question } from './common';

/**
 * Chapter 3: same names, different things. `s3-FullAccess` is a role and a profile; an empty
 * `sample-profile` attached to an instance shows what the Security tab really reports.
 */
const k = chapterKeys('same-names');

/** The graph's own warning, which is what the Security tab reports: an instance whose profile is empty. */
const emptyProfileAttached = (name: string, profile: string): Condition => (ctx) => {
  const instance = ctx.find.instance(name);
  const warned = instance && ctx.find.warnings().some((w) => w.code === 'empty-profile-attached' && w.params.instance === instance.InstanceId);
  const holds = ctx.find.profile(profile)?.roleName;
  return warned || !holds ? [] : [need('missing.profileNotEmpty', { profile, role: holds })];
};

const emptyProfile = k.step('empty-profile');
const launchEmpty = k.step('launch-empty');
const fillProfile = k.step('fill-profile');
const tags = k.step('tags');

const steps: Step[] = [
  {
    id: 'empty-profile',
    facts: ['F4'],
    explanationKey: emptyProfile.explanationKey,
    taskKey: emptyProfile.taskKey,
    mode: 'terminal',
    check: check([profileIsEmpty('sample-profile')]),
    hints: [emptyProfile.hint(1)],
    solution: [createProfile('sample-profile'), cli('aws iam list-instance-profiles')],
    wrongAttempts: [{ id: 'filled-at-once', actions: [createProfile('sample-profile'), addRole('sample-profile', 's3-FullAccess')], messageKey: 'missing.profileNotEmpty' }],
  },
  {
    id: 'launch-empty',
    facts: ['F5', 'F1'],
    explanationKey: launchEmpty.explanationKey,
    taskKey: launchEmpty.taskKey,
    mode: 'console',
    check: check([inOrder(instanceUses('sample-1', 'sample-profile'), emptyProfileAttached('sample-1', 'sample-profile'))]),
    hints: [launchEmpty.hint(1), launchEmpty.hint(2)],
    solution: [consoleLaunch('sample-1', 'sample-profile')],
    wrongAttempts: [{ id: 'role-named-profile', actions: [consoleLaunch('sample-1', 's3-FullAccess')], messageKey: 'missing.instanceUsesOtherProfile' }],
  },
  {
    id: 'fill-profile',
    facts: ['F5', 'F2'],
    explanationKey: fillProfile.explanationKey,
    taskKey: fillProfile.taskKey,
    mode: 'terminal',
    check: check([profileHolds('sample-profile', 's3-FullAccess'), instanceUses('sample-1', 'sample-profile')]),
    hints: [fillProfile.hint(1), fillProfile.hint(2)],
    solution: [addRole('sample-profile', 's3-FullAccess'), cli('aws iam list-instance-profiles-for-role --role-name s3-FullAccess')],
    wrongAttempts: [{ id: 'into-the-full-profile', actions: [addRole('s3-FullAccess', 's3-FullAccess')], messageKey: 'missing.diagnosis.profileFull' }],
  },
  {
    id: 'tags',
    facts: ['F12', 'F4'],
    explanationKey: tags.explanationKey,
    taskKey: tags.taskKey,
    mode: 'terminal',
    check: check([roleTagged('s3-FullAccess', 'owner'), profileTagged('s3-FullAccess', 'owner')]),
    hints: [tags.hint(1), tags.hint(2)],
    solution: [
      cli('aws iam tag-role --role-name s3-FullAccess --tags Key=owner,Value=data-team'),
      cli('aws iam tag-instance-profile --instance-profile-name s3-FullAccess --tags Key=owner,Value=platform-team'),
      cli('aws iam list-role-tags --role-name s3-FullAccess'),
      cli('aws iam list-instance-profile-tags --instance-profile-name s3-FullAccess'),
    ],
    wrongAttempts: [
      { id: 'role-only', actions: [cli('aws iam tag-role --role-name s3-FullAccess --tags Key=owner,Value=data-team')], messageKey: 'missing.profileTagMissing' },
    ],
  },
];

export const sameNames: Chapter = {
  id: 'same-names',
  titleKey: k.titleKey,
  introKey: k.introKey,
  scenario: { actions: [consoleRole('s3-FullAccess', 'ec2', [policyArn('AmazonS3FullAccess')])] },
  steps,
  quiz: [
    question('empty-tab', k.question('empty-tab'), ['F5'], 'b'),
    question('second-role', k.question('second-role'), ['F2'], 'c'),
    question('tag-where', k.question('tag-where'), ['F12'], 'a'),
    question('get-resources', k.question('get-resources'), ['F12'], 'd'),
    question('same-key', k.question('same-key'), ['F12'], 'b'),
  ],
};
