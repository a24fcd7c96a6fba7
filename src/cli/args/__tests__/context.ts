import { parseAwsArgs } from '../parse';
import { seededRandom } from '../../../sim/core/random';
import type { ParseContext, ParsedCommand } from '../types';

export const HOME = '/home/learner';
export const CLIENT_TOKEN = '3f6c0b6e-5a7d-4c39-9e1b-2d8f4a6b7c90';

export const TRUST_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}\n';
export const ACCESS_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":["*"]}]}\n';

/** The learner's files, by absolute path; relative paths resolve against HOME, the shell's cwd. */
export const FILES: Readonly<Record<string, string>> = {
  [`${HOME}/ec2-role-trust-policy.json`]: TRUST_POLICY,
  [`${HOME}/ec2-role-access-policy.json`]: ACCESS_POLICY,
  [`${HOME}/ids.json`]: '["i-1","i-2"]',
  [`${HOME}/name.txt`]: 'web-1',
  [`${HOME}/input.json`]: '{"RoleName":"fromfile","AssumeRolePolicyDocument":"{}"}',
  [`${HOME}/input.yaml`]: 'RoleName: y1\nAssumeRolePolicyDocument: "{}"\nMaxSessionDuration: 3600\n',
};

export function context(env: Record<string, string> = {}, files: Readonly<Record<string, string>> = FILES): ParseContext {
  return {
    readFile: (path) => files[path.startsWith('/') ? path : `${HOME}/${path}`],
    env: { HOME, ...env },
    uuid: () => CLIENT_TOKEN,
    random: seededRandom(7),
  };
}

export const parse = (argv: readonly string[], env: Record<string, string> = {}): ParsedCommand => parseAwsArgs(argv, context(env));

/** The parameters of a successful call (or wait), or the error's stderr, for compact rows. */
export function outcome(argv: readonly string[], env: Record<string, string> = {}): unknown {
  const result = parse(argv, env);
  if (result.kind === 'call' || result.kind === 'wait') return result.params;
  if (result.kind === 'error') return { exitCode: result.exitCode, stderr: result.stderr };
  return result;
}

const USAGE_BLOCK =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** An argparse error as AWS CLI 2.36 prints it. */
export const usageError = (message: string) => ({
  exitCode: 252,
  stderr: `\naws: [ERROR]: An error occurred (ParamValidation): ${message}\n\n${USAGE_BLOCK}`,
});

/** Any other parameter validation error. */
export const paramError = (message: string) => ({ exitCode: 252, stderr: `\naws: [ERROR]: An error occurred (ParamValidation): ${message}\n` });

/** Leftover words: the usage block comes first. */
export const unknownOptions = (list: string) => ({ exitCode: 252, stderr: `\n${USAGE_BLOCK}\n\naws: [ERROR]: Unknown options: ${list}\n` });

/** An exception the CLI does not catch. */
export const generalError = (message: string) => ({ exitCode: 255, stderr: `\naws: [ERROR]: ${message}\n` });
