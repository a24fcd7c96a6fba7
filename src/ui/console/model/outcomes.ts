import type { AwsError, ConsoleAction } from '../../../sim';
import type { ConsoleOutput } from '../../../worker/protocol';

/**
 * How a console action's result reads in the UI: a title for the "API calls" log, a flash for the
 * page (AWS's own error text, kept as data), and the key of a one-line explanation in the
 * learner's language. Keys here name entries of `locales/<lang>/console.json`.
 */

type Values = Record<string, string>;

export type LogTitleKey = 'createRole' | 'deleteRole' | 'launch' | 'launchNamed' | 'modifyRole' | 'detachRole' | 'start' | 'stop' | 'terminate';

export function logTitle(action: ConsoleAction): { key: LogTitleKey; values: Values } {
  switch (action.type) {
    case 'iam.createServiceRole':
      return { key: 'createRole', values: { name: action.roleName } };
    case 'iam.deleteRole':
      return { key: 'deleteRole', values: { name: action.roleName } };
    case 'ec2.launchInstance':
      return action.name ? { key: 'launchNamed', values: { name: action.name } } : { key: 'launch', values: {} };
    case 'ec2.modifyIamRole':
      return action.instanceProfileName === null
        ? { key: 'detachRole', values: { id: action.instanceId } }
        : { key: 'modifyRole', values: { id: action.instanceId, profile: action.instanceProfileName } };
    case 'ec2.startInstances':
      return { key: 'start', values: { ids: action.instanceIds.join(', ') } };
    case 'ec2.stopInstances':
      return { key: 'stop', values: { ids: action.instanceIds.join(', ') } };
    case 'ec2.terminateInstances':
      return { key: 'terminate', values: { ids: action.instanceIds.join(', ') } };
  }
}

export type SuccessKey = 'createRole' | 'deleteRole' | 'launch' | 'attach' | 'replace' | 'detach' | 'start' | 'stop' | 'terminate';
export type FailureKey = 'createRole' | 'deleteRole' | 'launch' | 'modifyRole' | 'start' | 'stop' | 'terminate';

export type HintKey =
  | 'roleExists'
  | 'profileExists'
  | 'deleteConflict'
  | 'noSuchEntity'
  | 'limitExceeded'
  | 'profileHoldsOneRole'
  | 'invalidProfile'
  | 'profileNotSeenYet'
  | 'existingAssociation'
  | 'incorrectInstanceState'
  | 'accessDenied'
  | 'invalidInput'
  | 'malformedPolicy'
  | 'instanceNotFound';

export type Flash =
  | { tone: 'success'; key: SuccessKey; values: Values }
  | { tone: 'error'; key: FailureKey; values: Values; error: AwsError; operation: string; hint?: HintKey };

function failureKey(action: ConsoleAction): FailureKey {
  switch (action.type) {
    case 'iam.createServiceRole':
      return 'createRole';
    case 'iam.deleteRole':
      return 'deleteRole';
    case 'ec2.launchInstance':
      return 'launch';
    case 'ec2.modifyIamRole':
      return 'modifyRole';
    case 'ec2.startInstances':
      return 'start';
    case 'ec2.stopInstances':
      return 'stop';
    case 'ec2.terminateInstances':
      return 'terminate';
  }
}

/** The instance RunInstances started, from its response. */
function launchedId(output: ConsoleOutput): string {
  for (const call of output.calls) {
    if (call.operation !== 'RunInstances' || !call.outcome.ok) continue;
    const response = call.outcome.response as { Instances?: { InstanceId?: string }[] };
    return response.Instances?.[0]?.InstanceId ?? '';
  }
  return '';
}

export function flashFor(output: ConsoleOutput): Flash {
  const { action, error } = output;
  if (error) {
    const failed = output.calls.find((c) => !c.outcome.ok);
    const operation = failed?.operation ?? '';
    const hint = consoleHint(action, operation, error);
    return { tone: 'error', key: failureKey(action), values: logTitle(action).values, error, operation, ...(hint ? { hint } : {}) };
  }
  switch (action.type) {
    case 'iam.createServiceRole':
      return { tone: 'success', key: 'createRole', values: { name: action.roleName } };
    case 'iam.deleteRole':
      return { tone: 'success', key: 'deleteRole', values: { name: action.roleName } };
    case 'ec2.launchInstance':
      return { tone: 'success', key: 'launch', values: { id: launchedId(output) } };
    case 'ec2.modifyIamRole': {
      const made = output.calls.at(-1)?.operation;
      const key = made === 'ReplaceIamInstanceProfileAssociation' ? 'replace' : made === 'AssociateIamInstanceProfile' ? 'attach' : 'detach';
      return { tone: 'success', key, values: { id: action.instanceId, profile: action.instanceProfileName ?? '' } };
    }
    case 'ec2.startInstances':
      return { tone: 'success', key: 'start', values: { ids: action.instanceIds.join(', ') } };
    case 'ec2.stopInstances':
      return { tone: 'success', key: 'stop', values: { ids: action.instanceIds.join(', ') } };
    case 'ec2.terminateInstances':
      return { tone: 'success', key: 'terminate', values: { ids: action.instanceIds.join(', ') } };
  }
}

const BY_MESSAGE: readonly [RegExp, HintKey][] = [
  [/Invalid IAM Instance Profile (name|ARN)/, 'invalidProfile'],
  [/has no associated IAM Roles/, 'profileNotSeenYet'],
  [/quota for InstanceSessionsPerInstanceProfile/, 'profileHoldsOneRole'],
];

const BY_CODE: Readonly<Record<string, HintKey>> = {
  DeleteConflict: 'deleteConflict',
  NoSuchEntity: 'noSuchEntity',
  LimitExceeded: 'limitExceeded',
  IncorrectState: 'existingAssociation',
  IncorrectInstanceState: 'incorrectInstanceState',
  AccessDenied: 'accessDenied',
  UnauthorizedOperation: 'accessDenied',
  ValidationError: 'invalidInput',
  InvalidInput: 'invalidInput',
  MalformedPolicyDocument: 'malformedPolicy',
  'InvalidInstanceID.NotFound': 'instanceNotFound',
};

/** The learner-language line under an AWS error; none rather than a vague one. */
export function consoleHint(action: ConsoleAction, operation: string, error: AwsError): HintKey | undefined {
  if (error.code === 'EntityAlreadyExists') {
    // Create role for EC2: the role was made, then the same-named profile already existed (F3, F4).
    if (action.type === 'iam.createServiceRole' && operation === 'CreateInstanceProfile') return 'profileExists';
    return operation === 'CreateRole' ? 'roleExists' : undefined;
  }
  for (const [pattern, key] of BY_MESSAGE) if (pattern.test(error.message)) return key;
  return Object.hasOwn(BY_CODE, error.code) ? BY_CODE[error.code] : undefined;
}
