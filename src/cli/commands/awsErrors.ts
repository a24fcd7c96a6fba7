import type { AwsError } from '../../sim';
import { formatOutput } from '../output/format';
import { parseQuery, runQuery } from '../output/query';
import type { ErrorFormat } from '../args';

/** AWS CLI's return codes (`awscli/constants.py`). */
export const EXIT = { ok: 0, paramValidation: 252, configuration: 253, client: 254, general: 255 } as const;

const writeError = (message: string): string => `\naws: [ERROR]: ${message.trim()}\n`;

/**
 * A service error as AWS CLI v2 (≥ 2.34) writes it: `An error occurred (Code) when calling the
 * Operation operation: message` after `aws: [ERROR]: `, or as a `{Code, Message}` document in the
 * json, yaml, text and table error formats (through `--query`, as the CLI does).
 */
export function serviceErrorText(error: AwsError, operation: string, format: ErrorFormat, query: string | undefined): string {
  const sentence = `An error occurred (${error.code}) when calling the ${operation} operation: ${error.message}`;
  if (format === 'enhanced' || format === 'legacy') return writeError(sentence);
  let info: Parameters<typeof formatOutput>[0] = { Code: error.code, Message: error.message };
  if (query !== undefined) {
    const compiled = parseQuery(query);
    const searched = compiled.ok ? runQuery(compiled.value, info) : undefined;
    if (!searched?.ok) return writeError(sentence);
    info = searched.value;
  }
  const out = formatOutput(info, { format, operationName: 'error' });
  return out.error ? writeError(sentence) : out.stdout;
}

/** Errors the CLI raises itself (no credentials, waiter failures): plain text after the prefix. */
export const cliErrorText = (message: string): string => writeError(message);
