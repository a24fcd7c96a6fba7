import { formatOutput } from '../output/format';
import { parseQuery, runQuery } from '../output/query';
import type { ErrorFormat, UsageError } from './types';

/**
 * How AWS CLI v2 (≥ 2.34, `awscli/errorhandler.py`) writes the errors that stop it before a
 * request. Every message starts on a fresh line after an empty one:
 *
 *   usage     argparse errors: a ParamValidation error whose text ends with the usage block
 *   param     ParamValidation (shorthand, JSON, file://, botocore's client-side checks), rc 252
 *   unknown   "Unknown options: …": the usage block first, always plain text, rc 252
 *   general   any other exception, always plain text, rc 255
 */
export type CliFailure =
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'param'; readonly message: string }
  | { readonly kind: 'unknown'; readonly message: string }
  | { readonly kind: 'general'; readonly message: string };

export const PARAM_VALIDATION_ERROR_RC = 252;
export const GENERAL_ERROR_RC = 255;

const HELP_BLURB = 'To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';
export const USAGE = `aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n${HELP_BLURB}`;

export const ERROR_FORMATS: readonly ErrorFormat[] = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'];

/** `AWS_CLI_ERROR_FORMAT` (case-insensitive); an unknown value falls back to `enhanced`. */
export function errorFormatFromEnv(env: Readonly<Record<string, string>>): ErrorFormat {
  const value = env.AWS_CLI_ERROR_FORMAT?.toLowerCase();
  return ERROR_FORMATS.find((f) => f === value) ?? 'enhanced';
}

/** `write_error`: an empty line, then `aws: [ERROR]: ` and the stripped message. */
const writeError = (message: string): string => `\naws: [ERROR]: ${message.trim()}\n`;

export function formatFailure(failure: CliFailure, format: ErrorFormat, query?: string): UsageError {
  switch (failure.kind) {
    case 'unknown':
      return { kind: 'error', exitCode: PARAM_VALIDATION_ERROR_RC, stderr: `\nusage: ${USAGE}\n${writeError(failure.message)}` };
    case 'general':
      return { kind: 'error', exitCode: GENERAL_ERROR_RC, stderr: writeError(failure.message) };
    case 'usage':
      return structured(`${failure.message}\n\nusage: ${USAGE}`, format, query);
    case 'param':
      return structured(failure.message, format, query);
  }
}

function structured(message: string, format: ErrorFormat, query: string | undefined): UsageError {
  const error = (stderr: string): UsageError => ({ kind: 'error', exitCode: PARAM_VALIDATION_ERROR_RC, stderr });
  if (format === 'legacy') return error(writeError(message));
  if (format === 'enhanced') return error(writeError(`An error occurred (ParamValidation): ${message}`));
  // The other formats go through the output formatter, `--query` included; if that fails the
  // CLI falls back to the plain message.
  let info: Parameters<typeof formatOutput>[0] = { Code: 'ParamValidation', Message: message };
  if (query !== undefined) {
    const compiled = parseQuery(query);
    const searched = compiled.ok ? runQuery(compiled.value, info) : undefined;
    if (!searched?.ok) return error(writeError(message));
    info = searched.value;
  }
  const out = formatOutput(info, { format, operationName: 'error' });
  return out.error ? error(writeError(message)) : error(out.stdout);
}
