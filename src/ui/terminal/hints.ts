import type enTerminal from '../../../locales/en/terminal.json';

export type HintKey = keyof (typeof enTerminal)['hints'];

/**
 * The learner-language line shown under an AWS error: recognised from the error text the CLI
 * printed (its code, and for a few codes the message), so any command that fails the same way
 * gets the same advice. Only the common mistakes have one; others get none rather than a vague one.
 */
const BY_MESSAGE: readonly [RegExp, HintKey][] = [
  [/Invalid IAM Instance Profile name/, 'invalidProfileName'],
  [/Invalid IAM Instance Profile ARN/, 'invalidProfileArn'],
  [/quota for InstanceSessionsPerInstanceProfile/, 'profileHoldsOneRole'],
  [/Unable to locate credentials/, 'noCredentials'],
];

const BY_CODE: Readonly<Record<string, HintKey>> = {
  DeleteConflict: 'deleteConflict',
  NoSuchEntity: 'noSuchEntity',
  EntityAlreadyExists: 'entityAlreadyExists',
  LimitExceeded: 'limitExceeded',
  MalformedPolicyDocument: 'malformedPolicy',
  AccessDenied: 'accessDenied',
  UnauthorizedOperation: 'accessDenied',
  IncorrectState: 'incorrectState',
  IncorrectInstanceState: 'incorrectInstanceState',
};

/** `An error occurred (Code)` in the text and legacy formats, `"Code": "…"` in the json and yaml ones. */
const CODE = /An error occurred \(([\w.]+)\)|"Code": "([\w.]+)"|^Code: ([\w.]+)$/m;

export function hintFor(stderr: string): HintKey | undefined {
  for (const [pattern, key] of BY_MESSAGE) if (pattern.test(stderr)) return key;
  const m = CODE.exec(stderr);
  const code = m?.[1] ?? m?.[2] ?? m?.[3];
  return code !== undefined && Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : undefined;
}
