import { check, imdsV2Required, inOrder, inside, instanceUses, profileHolds, profileIsEmpty, roleUsed } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { IMDS, S3_READ_ONLY, addRole, attachPolicy, cli, consoleRole, createProfile, createRole, enter, launch, leaveInstance, question, waitRunning } from './common';

/**
 * Chapter 4: inside the instance. Software gets the role's temporary credentials from the
 * metadata service (IMDSv1, then IMDSv2 with a token); an untrusted role or an empty profile
 * gives none.
 */
const k = chapterKeys('inside-instance');

const metadataV1 = k.step('metadata-v1');
const whoAmI = k.step('who-am-i');
const requireV2 = k.step('require-v2');
const untrustedRole = k.step('untrusted-role');
const emptyProfile = k.step('empty-profile');

const TOKEN = `TOKEN=$(curl -s -X PUT ${IMDS}/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`;

const steps: Step[] = [
  {
    id: 'metadata-v1',
    facts: ['F14', 'F1'],
    explanationKey: metadataV1.explanationKey,
    taskKey: metadataV1.taskKey,
    mode: 'terminal',
    check: check([inside('app-1')]),
    hints: [metadataV1.hint(1), metadataV1.hint(2)],
    solution: [
      enter('app-1'),
      cli(`curl ${IMDS}/meta-data/iam/security-credentials/`),
      cli(`curl ${IMDS}/meta-data/iam/security-credentials/app-role`),
    ],
    wrongAttempts: [{ id: 'curl-from-own-machine', actions: [cli(`curl ${IMDS}/meta-data/iam/security-credentials/`)], messageKey: 'missing.notInside' }],
  },
  {
    id: 'who-am-i',
    facts: ['F14', 'F21'],
    explanationKey: whoAmI.explanationKey,
    taskKey: whoAmI.taskKey,
    mode: 'terminal',
    check: check([inside('app-1'), roleUsed('app-role')]),
    hints: [whoAmI.hint(1)],
    solution: [enter('app-1'), cli('aws sts get-caller-identity')],
    wrongAttempts: [{ id: 'asked-outside', actions: [leaveInstance, cli('aws sts get-caller-identity')], messageKey: 'missing.roleNotUsed' }],
  },
  {
    id: 'require-v2',
    facts: ['F14'],
    explanationKey: requireV2.explanationKey,
    taskKey: requireV2.taskKey,
    mode: 'terminal',
    check: check([imdsV2Required('app-1'), inside('app-1')]),
    hints: [requireV2.hint(1), requireV2.hint(2)],
    solution: [
      leaveInstance,
      cli('aws ec2 modify-instance-metadata-options --instance-id {{instance:app-1}} --http-tokens required --http-endpoint enabled'),
      enter('app-1'),
      cli(`curl ${IMDS}/meta-data/iam/security-credentials/`),
      cli(TOKEN),
      cli(`curl -H "X-aws-ec2-metadata-token: $TOKEN" ${IMDS}/meta-data/iam/security-credentials/app-role`),
    ],
    wrongAttempts: [
      {
        id: 'modified-from-inside',
        actions: [enter('app-1'), cli('aws ec2 modify-instance-metadata-options --instance-id {{instance:app-1}} --http-tokens required')],
        messageKey: 'missing.diagnosis.ranAsRole',
      },
    ],
  },
  {
    id: 'untrusted-role',
    facts: ['F8', 'F13'],
    explanationKey: untrustedRole.explanationKey,
    taskKey: untrustedRole.taskKey,
    mode: 'terminal',
    check: check([inOrder(profileHolds('eks-profile', 'eks-role'), instanceUses('eks-1', 'eks-profile'), inside('eks-1'))]),
    hints: [untrustedRole.hint(1), untrustedRole.hint(2)],
    solution: [
      leaveInstance,
      createProfile('eks-profile'),
      addRole('eks-profile', 'eks-role'),
      launch('eks-1', 'Name=eks-profile'),
      waitRunning('eks-1'),
      enter('eks-1'),
      cli(`curl ${IMDS}/meta-data/iam/security-credentials/eks-role`),
    ],
    wrongAttempts: [
      { id: 'ec2-role-instead', actions: [leaveInstance, createProfile('eks-profile'), addRole('eks-profile', 'app-role')], messageKey: 'missing.profileHoldsOtherRole' },
    ],
  },
  {
    id: 'empty-profile',
    facts: ['F1', 'F14'],
    explanationKey: emptyProfile.explanationKey,
    taskKey: emptyProfile.taskKey,
    mode: 'terminal',
    check: check([inOrder(instanceUses('eks-1', 'eks-profile'), profileIsEmpty('eks-profile')), inside('eks-1')]),
    hints: [emptyProfile.hint(1), emptyProfile.hint(2)],
    solution: [
      leaveInstance,
      cli('aws iam remove-role-from-instance-profile --instance-profile-name eks-profile --role-name eks-role'),
      enter('eks-1'),
      cli(`curl ${IMDS}/meta-data/iam/info`),
      cli(`curl ${IMDS}/meta-data/iam/security-credentials/`),
    ],
    wrongAttempts: [
      {
        id: 'detached-instead',
        actions: [leaveInstance, cli('aws ec2 disassociate-iam-instance-profile --association-id {{association:eks-1}}')],
        messageKey: 'missing.instanceHasNoProfile',
      },
    ],
  },
];

export const insideInstance: Chapter = {
  id: 'inside-instance',
  titleKey: k.titleKey,
  introKey: k.introKey,
  scenario: {
    actions: [
      createRole('app-role'),
      attachPolicy('app-role', S3_READ_ONLY),
      createProfile('app-profile'),
      addRole('app-profile', 'app-role'),
      launch('app-1', 'Name=app-profile'),
      consoleRole('eks-role', 'eks', []),
      waitRunning('app-1'),
    ],
  },
  steps,
  quiz: [
    question('credentials-path', k.question('credentials-path'), ['F14'], 'c'),
    question('imds-v2', k.question('imds-v2'), ['F14'], 'a'),
    question('identity', k.question('identity'), ['F14', 'F21'], 'b'),
    question('untrusted', k.question('untrusted'), ['F8', 'F13'], 'd'),
    question('rotation', k.question('rotation'), ['F14'], 'a'),
    question('assume-self', k.question('assume-self'), ['F21'], 'c'),
  ],
};
