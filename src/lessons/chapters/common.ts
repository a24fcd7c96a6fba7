import type { ConsoleAction, ServiceUseCase } from '../../sim';
import type { LessonKey } from '../keys';
import type { FactId, LessonAction, QuizQuestion } from '../types';

/**
 * What the chapters' scenarios, solutions and wrong attempts are made of: the command lines and
 * console actions a learner would use, written once so every chapter launches and names things
 * the same way.
 */

/** An Amazon Linux image id in AWS's documentation style; the simulator accepts any `ami-…`. */
export const AMI = 'ami-0abcdef1234567890';
export const INSTANCE_TYPE = 't3.micro';

export const policyArn = (name: string): string => `arn:aws:iam::aws:policy/${name}`;
export const S3_READ_ONLY = policyArn('AmazonS3ReadOnlyAccess');

/** A trust policy for EC2 as a learner types it: one line, in single quotes. */
export const EC2_TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';

export const IMDS = 'http://169.254.169.254/latest';

export const cli = (line: string): LessonAction => ({ kind: 'command', line });
export const onConsole = (action: ConsoleAction): LessonAction => ({ kind: 'console', action });

/** `exit`, only if the terminal is inside an instance. */
export const leaveInstance: LessonAction = { kind: 'command', line: 'exit', only: 'inside-instance' };
/** `ssh` into the named instance, only from the learner's own terminal. */
export const enter = (name: string): LessonAction => ({ kind: 'command', line: `ssh {{instance:${name}}}`, only: 'local' });

export const createRole = (role: string, trust = EC2_TRUST): LessonAction => cli(`aws iam create-role --role-name ${role} --assume-role-policy-document '${trust}'`);
export const attachPolicy = (role: string, arn: string): LessonAction => cli(`aws iam attach-role-policy --role-name ${role} --policy-arn ${arn}`);
export const createProfile = (profile: string): LessonAction => cli(`aws iam create-instance-profile --instance-profile-name ${profile}`);
export const addRole = (profile: string, role: string): LessonAction => cli(`aws iam add-role-to-instance-profile --instance-profile-name ${profile} --role-name ${role}`);

/** `profile`: the `--iam-instance-profile` value (`Name=…` or `Arn=…`), or none. */
export const launch = (name: string, profile?: string): LessonAction =>
  cli(`aws ec2 run-instances --image-id ${AMI} --instance-type ${INSTANCE_TYPE}${profile ? ` --iam-instance-profile ${profile}` : ''} --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=${name}}]'`);

export const waitRunning = (name: string): LessonAction => cli(`aws ec2 wait instance-running --instance-ids {{instance:${name}}}`);

export const consoleRole = (roleName: string, useCase: ServiceUseCase['id'], managedPolicyArns: string[]): LessonAction =>
  onConsole({ type: 'iam.createServiceRole', useCase, roleName, managedPolicyArns, tags: [] });

export const consoleLaunch = (name: string, instanceProfileName?: string): LessonAction =>
  onConsole({ type: 'ec2.launchInstance', name, imageId: AMI, instanceType: INSTANCE_TYPE, ...(instanceProfileName === undefined ? {} : { instanceProfileName }) });

/** A question with four options `a`–`d`, one of them right. */
export function question(
  id: string,
  keys: { questionKey: LessonKey; explanationKey: LessonKey; option: (o: 'a' | 'b' | 'c' | 'd') => LessonKey },
  facts: FactId[],
  correct: 'a' | 'b' | 'c' | 'd',
): QuizQuestion {
  return {
    id,
    facts,
    questionKey: keys.questionKey,
    explanationKey: keys.explanationKey,
    options: (['a', 'b', 'c', 'd'] as const).map((o) => (o === correct ? { id: o, key: keys.option(o), correct: true } : { id: o, key: keys.option(o) })),
  };
}
