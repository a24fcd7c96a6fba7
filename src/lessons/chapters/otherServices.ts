import { check, met, need, roleStandsAlone, roleTrusts } from '../conditions';
import { chapterKeys } from '../keys';
import type { Chapter, Step } from '../types';
import { consoleRole, launch, policyArn, question } from './common';

/**
 * Chapter 7: where other services differ. Lambda (and most services) take a role's ARN; EC2
 * alone wants an instance profile. IAM Lab simulates no Lambda: the console's Lambda use case
 * shows that no profile is made, and EC2 shows that a role's ARN is not a profile's.
 */
const k = chapterKeys('other-services');

const lambdaRole = k.step('lambda-role');
const roleArnOnEc2 = k.step('role-arn-on-ec2');

const steps: Step[] = [
  {
    id: 'lambda-role',
    facts: ['F7', 'F22'],
    explanationKey: lambdaRole.explanationKey,
    taskKey: lambdaRole.taskKey,
    mode: 'console',
    check: check([roleTrusts('lab-lambda-role', 'lambda.amazonaws.com'), roleStandsAlone('lab-lambda-role')]),
    hints: [lambdaRole.hint(1), lambdaRole.hint(2)],
    solution: [consoleRole('lab-lambda-role', 'lambda', [policyArn('service-role/AWSLambdaBasicExecutionRole')])],
    wrongAttempts: [{ id: 'ec2-use-case', actions: [consoleRole('lab-lambda-role', 'ec2', [])], messageKey: 'missing.roleNotTrustedBy' }],
  },
  {
    id: 'role-arn-on-ec2',
    facts: ['F7', 'F6'],
    explanationKey: roleArnOnEc2.explanationKey,
    taskKey: roleArnOnEc2.taskKey,
    mode: 'terminal',
    check: check([
      met(
        (e) => /^Value \(arn:aws:iam::\d{12}:role\/lab-lambda-role\) for parameter iamInstanceProfile\.arn is invalid/.test(e.message),
        need('missing.failure.launchWithRoleArn', { role: 'lab-lambda-role' }),
      ),
    ]),
    hints: [roleArnOnEc2.hint(1), roleArnOnEc2.hint(2)],
    solution: [launch('fn-host-1', 'Arn=arn:aws:iam::{{account}}:role/lab-lambda-role')],
    wrongAttempts: [{ id: 'name-instead', actions: [launch('fn-host-1', 'Name=lab-lambda-role')], messageKey: 'missing.failure.launchWithRoleArn' }],
  },
];

export const otherServices: Chapter = {
  id: 'other-services',
  titleKey: k.titleKey,
  introKey: k.introKey,
  steps,
  quiz: [
    question('lambda-takes', k.question('lambda-takes'), ['F7'], 'b'),
    question('odd-one-out', k.question('odd-one-out'), ['F7', 'F1'], 'c'),
    question('terraform', k.question('terraform'), ['F6'], 'a'),
    question('ecs-roles', k.question('ecs-roles'), ['F19'], 'd'),
  ],
};
