import { GLOBAL_OPTIONS } from '../args/globals';

/**
 * GLOBAL OPTIONS, from the parser's own list of the CLI's global options (so the page cannot
 * drift from what `aws` accepts), each described under `global.<name>`.
 */
export interface GlobalOptionEntry {
  /** `--output`, `--no-cli-pager` … */
  readonly flag: string;
  /** SYNOPSIS form: `--output <value>` or the bare flag. */
  readonly usage: string;
  readonly type: 'string' | 'boolean' | 'integer';
  readonly choices?: readonly string[];
  readonly descriptionKey: string;
}

// The CLI converts these two with int(); the parser keeps them as text until then.
const INTEGER_OPTIONS: ReadonlySet<string> = new Set(['--cli-read-timeout', '--cli-connect-timeout']);

export const GLOBAL_ENTRIES: readonly GlobalOptionEntry[] = GLOBAL_OPTIONS.map((option) => {
  const takesValue = option.action === 'store';
  return {
    flag: option.flag,
    usage: takesValue ? `${option.flag} <value>` : option.flag,
    type: !takesValue ? 'boolean' : INTEGER_OPTIONS.has(option.flag) ? 'integer' : 'string',
    ...(option.choices ? { choices: option.choices } : {}),
    descriptionKey: `global.${option.flag.slice(2)}`,
  };
});

/**
 * Options that belong to commands rather than to `aws` itself, described once more on the
 * pages that have no OPTIONS section. The paging ones exist only on commands that return pages.
 */
export const COMMAND_OPTION_ENTRIES: readonly { readonly names: string; readonly type: string; readonly descriptionKey: string }[] = [
  { names: '--cli-input-json | --cli-input-yaml', type: 'string', descriptionKey: 'cliOption.cli-input' },
  { names: '--generate-cli-skeleton', type: 'string', descriptionKey: 'cliOption.generate-cli-skeleton' },
  { names: '--starting-token', type: 'string', descriptionKey: 'cliOption.starting-token' },
  { names: '--page-size', type: 'integer', descriptionKey: 'cliOption.page-size' },
  { names: '--max-items', type: 'integer', descriptionKey: 'cliOption.max-items' },
];
