/**
 * The built-in catalogue of AWS managed policies: every account sees them, nobody can change
 * them, so they live here rather than in the state. Names, ARNs, paths, ids, versions, dates
 * and documents are AWS's own, as published; where a value is not confirmed the entry says so.
 * AWS revises these documents from time to time: each holds the version named in its entry.
 */
export interface AwsManagedPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  Description: string;
  CreateDate: string;
  /** When the default version was published (also that version's CreateDate). */
  UpdateDate: string;
  /** The default version's document, as a JSON string like every other stored document. */
  Document: string;
}

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const document = (...statements: Statement[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

type Entry = Omit<AwsManagedPolicy, 'Arn' | 'Path'> & { path?: string };

const ENTRIES: Entry[] = [
  {
    PolicyName: 'AdministratorAccess',
    PolicyId: 'ANPAIWMBCKSKIEE64ZLYK',
    DefaultVersionId: 'v1',
    Description: 'Provides full access to AWS services and resources.',
    CreateDate: '2015-02-06T18:39:46Z',
    UpdateDate: '2015-02-06T18:39:46Z',
    Document: document({ Effect: 'Allow', Action: '*', Resource: '*' }),
  },
  {
    PolicyName: 'AmazonDynamoDBFullAccess',
    PolicyId: 'ANPAINUGF2JSOSUY76KYA',
    DefaultVersionId: 'v15',
    Description: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:00Z', // [BEL] AWS publishes the minute only
    UpdateDate: '2021-01-29T17:38:30Z',
    Document: document(
      {
        Action: [
          'dynamodb:*', 'dax:*',
          'application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeregisterScalableTarget',
          'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities',
          'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:PutScalingPolicy',
          'application-autoscaling:RegisterScalableTarget',
          'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms',
          'cloudwatch:DescribeAlarmsForMetric', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics',
          'cloudwatch:PutMetricAlarm', 'cloudwatch:GetMetricData',
          'datapipeline:ActivatePipeline', 'datapipeline:CreatePipeline', 'datapipeline:DeletePipeline',
          'datapipeline:DescribeObjects', 'datapipeline:DescribePipelines', 'datapipeline:GetPipelineDefinition',
          'datapipeline:ListPipelines', 'datapipeline:PutPipelineDefinition', 'datapipeline:QueryObjects',
          'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
          'iam:GetRole', 'iam:ListRoles', 'kms:DescribeKey', 'kms:ListAliases',
          'sns:CreateTopic', 'sns:DeleteTopic', 'sns:ListSubscriptions', 'sns:ListSubscriptionsByTopic',
          'sns:ListTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetTopicAttributes',
          'lambda:CreateFunction', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings',
          'lambda:CreateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetFunctionConfiguration',
          'lambda:DeleteFunction',
          'resource-groups:ListGroups', 'resource-groups:ListGroupResources', 'resource-groups:GetGroup',
          'resource-groups:GetGroupQuery', 'resource-groups:DeleteGroup', 'resource-groups:CreateGroup',
          'tag:GetResources', 'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary',
        ],
        Effect: 'Allow',
        Resource: '*',
      },
      { Action: 'cloudwatch:GetInsightRuleReport', Effect: 'Allow', Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*' },
      {
        Action: ['iam:PassRole'],
        Effect: 'Allow',
        Resource: '*',
        Condition: { StringLike: { 'iam:PassedToService': ['application-autoscaling.amazonaws.com', 'application-autoscaling.amazonaws.com.cn', 'dax.amazonaws.com'] } },
      },
      {
        Effect: 'Allow',
        Action: ['iam:CreateServiceLinkedRole'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'iam:AWSServiceName': [
              'replication.dynamodb.amazonaws.com', 'dax.amazonaws.com', 'dynamodb.application-autoscaling.amazonaws.com',
              'contributorinsights.dynamodb.amazonaws.com', 'kinesisreplication.dynamodb.amazonaws.com',
            ],
          },
        },
      },
    ),
  },
  {
    PolicyName: 'AmazonEC2ReadOnlyAccess',
    PolicyId: 'ANPAIGDT4SV4GSETWTBZK',
    DefaultVersionId: 'v2',
    Description: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:00Z', // [BEL] AWS publishes the minute only
    UpdateDate: '2024-02-14T15:17:04Z',
    Document: document(
      { Sid: 'EC2', Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:Get*'], Resource: '*' },
      { Sid: 'ELB', Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' },
      { Sid: 'Cloudwatch', Effect: 'Allow', Action: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*'], Resource: '*' },
      { Sid: 'Autoscaling', Effect: 'Allow', Action: 'autoscaling:Describe*', Resource: '*' },
    ),
  },
  {
    PolicyName: 'AmazonS3FullAccess',
    PolicyId: 'ANPAIFIR6V6BVTRAHWINE',
    DefaultVersionId: 'v2',
    Description: 'Provides full access to all buckets via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:58Z',
    UpdateDate: '2021-09-27T20:16:37Z',
    Document: document({ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }),
  },
  {
    PolicyName: 'AmazonS3ReadOnlyAccess',
    PolicyId: 'ANPAIZTJ4DXE7G6AGAE6M',
    DefaultVersionId: 'v3',
    Description: 'Provides read only access to all buckets via the AWS Management Console.',
    CreateDate: '2015-02-06T18:40:00Z', // [BEL] AWS publishes the minute only
    UpdateDate: '2023-08-10T21:31:39Z',
    Document: document({ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'], Resource: '*' }),
  },
  {
    PolicyName: 'AmazonSSMManagedInstanceCore',
    PolicyId: 'ANPAIXSHM2BNB2D3AXXRU',
    DefaultVersionId: 'v2',
    Description: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.',
    CreateDate: '2019-03-15T17:22:00Z', // [BEL] AWS publishes the minute only
    UpdateDate: '2019-05-23T16:54:21Z',
    Document: document(
      {
        Effect: 'Allow',
        Action: [
          'ssm:DescribeAssociation', 'ssm:GetDeployablePatchSnapshotForInstance', 'ssm:GetDocument', 'ssm:DescribeDocument',
          'ssm:GetManifest', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListAssociations', 'ssm:ListInstanceAssociations',
          'ssm:PutInventory', 'ssm:PutComplianceItems', 'ssm:PutConfigurePackageResult', 'ssm:UpdateAssociationStatus',
          'ssm:UpdateInstanceAssociationStatus', 'ssm:UpdateInstanceInformation',
        ],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: ['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel'],
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Action: [
          'ec2messages:AcknowledgeMessage', 'ec2messages:DeleteMessage', 'ec2messages:FailMessage',
          'ec2messages:GetEndpoint', 'ec2messages:GetMessages', 'ec2messages:SendReply',
        ],
        Resource: '*',
      },
    ),
  },
  {
    PolicyName: 'AWSLambdaBasicExecutionRole',
    PolicyId: 'ANPAJNCQGXC42545SKXIK',
    path: '/service-role/',
    DefaultVersionId: 'v1',
    Description: 'Provides write permissions to CloudWatch Logs.',
    CreateDate: '2015-04-09T15:03:43Z',
    UpdateDate: '2015-04-09T15:03:43Z',
    Document: document({ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }),
  },
  {
    PolicyName: 'CloudWatchAgentServerPolicy',
    PolicyId: 'ANPAIGOPKN7KRDAKTLG4I', // [BEL] id not confirmed from a published source
    DefaultVersionId: 'v3',
    Description: 'Permissions required to use AmazonCloudWatchAgent on servers',
    CreateDate: '2018-03-07T00:00:00Z', // [BEL] published with the CloudWatch agent in March 2018; exact time unknown
    UpdateDate: '2024-02-06T16:37:37Z',
    Document: document(
      {
        Sid: 'CWACloudWatchServerPermissions',
        Effect: 'Allow',
        Action: [
          'cloudwatch:PutMetricData', 'ec2:DescribeVolumes', 'ec2:DescribeTags', 'logs:PutLogEvents', 'logs:PutRetentionPolicy',
          'logs:DescribeLogStreams', 'logs:DescribeLogGroups', 'logs:CreateLogStream', 'logs:CreateLogGroup',
          'xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets',
          'xray:GetSamplingStatisticSummaries',
        ],
        Resource: '*',
      },
      { Sid: 'CWASSMServerPermissions', Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: 'arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*' },
    ),
  },
  {
    PolicyName: 'ReadOnlyAccess',
    PolicyId: 'ANPAILL3HVNFSB6DCOWYQ',
    DefaultVersionId: 'v119',
    Description: 'Provides read-only access to AWS services and resources.',
    CreateDate: '2015-02-06T18:39:48Z',
    UpdateDate: '2024-09-16T18:53:21Z',
    // Abridged: the real document lists several thousand actions across every service. These are
    // its entries, verbatim, for the services the lab simulates or mentions; the rest are left out.
    Document: document({
      Effect: 'Allow',
      Action: [
        'cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*',
        'dynamodb:BatchGet*', 'dynamodb:Describe*', 'dynamodb:Get*', 'dynamodb:List*', 'dynamodb:Query', 'dynamodb:Scan',
        'ec2:Describe*', 'ec2:Get*', 'ec2:ListSnapshotsInRecycleBin', 'ec2:SearchLocalGatewayRoutes', 'ec2:SearchTransitGatewayRoutes',
        'ec2messages:Get*',
        'iam:Generate*', 'iam:Get*', 'iam:List*', 'iam:Simulate*',
        'lambda:Get*', 'lambda:List*',
        'logs:Describe*', 'logs:FilterLogEvents', 'logs:Get*', 'logs:ListTagsLogGroup', 'logs:StartQuery', 'logs:StopQuery', 'logs:TestMetricFilter',
        's3:DescribeJob', 's3:Get*', 's3:List*',
        'ssm:Describe*', 'ssm:Get*', 'ssm:List*',
        'sts:GetAccessKeyInfo', 'sts:GetCallerIdentity', 'sts:GetSessionToken',
        'tag:DescribeReportCreation', 'tag:Get*',
      ],
      Resource: '*',
    }),
  },
];

const toPolicy = ({ path = '/', ...entry }: Entry): AwsManagedPolicy => ({
  ...entry,
  Path: path,
  Arn: `arn:aws:iam::aws:policy${path}${entry.PolicyName}`,
});

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = ENTRIES.map(toPolicy);

const byArn = new Map(AWS_MANAGED_POLICIES.map((policy) => [policy.Arn, policy]));

export const findAwsManagedPolicy = (arn: string): AwsManagedPolicy | undefined => byArn.get(arn);

/** Whether the catalogue holds a policy with this ARN. */
export const isAwsManagedPolicyArn = (arn: string): boolean => byArn.has(arn);
