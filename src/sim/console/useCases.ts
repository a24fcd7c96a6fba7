/**
 * The IAM console's "AWS service" use cases for a new role: the principal it trusts and the
 * description it fills in. Only EC2 gets an instance profile made for it.
 */
export interface ServiceUseCase {
  id: 'ec2' | 'lambda' | 'ecs-tasks' | 'eks' | 'codepipeline';
  principal: string;
  /** The console's default role description [BEL for all but EC2's]. */
  description: string;
  createsInstanceProfile: boolean;
}

export const SERVICE_USE_CASES: readonly ServiceUseCase[] = [
  { id: 'ec2', principal: 'ec2.amazonaws.com', description: 'Allows EC2 instances to call AWS services on your behalf.', createsInstanceProfile: true },
  { id: 'lambda', principal: 'lambda.amazonaws.com', description: 'Allows Lambda functions to call AWS services on your behalf.', createsInstanceProfile: false },
  { id: 'ecs-tasks', principal: 'ecs-tasks.amazonaws.com', description: 'Allows ECS tasks to call AWS services on your behalf.', createsInstanceProfile: false },
  { id: 'eks', principal: 'eks.amazonaws.com', description: 'Allows access to other AWS service resources that are required to operate clusters managed by EKS.', createsInstanceProfile: false },
  { id: 'codepipeline', principal: 'codepipeline.amazonaws.com', description: 'Allows CodePipeline to call AWS services on your behalf.', createsInstanceProfile: false },
];

/** The trust policy the console writes for a service role: arrays for Action and Service, four-space indent [BEL]. */
export function consoleTrustPolicy(principal: string): string {
  return JSON.stringify(
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: [principal] } }] },
    null,
    4,
  );
}
