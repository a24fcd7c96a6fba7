import { parseQuery } from '../output/query';
import type { ArgValue, OptionSpec } from './argparse';
import { ERROR_FORMATS, errorFormatFromEnv, type CliFailure } from './errors';
import { pyInt } from './py';
import type { CliGlobals, OutputFormat } from './types';

/**
 * AWS CLI v2's global options (`awscli/data/cli.json`, 2.36), in its order, which decides how
 * an ambiguous abbreviation is reported (`--c could match --color, --ca-bundle, …`). The main
 * parser sees the whole line, so they may appear anywhere, before or after the command.
 */
const OUTPUT_CHOICES: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flag: '--debug', dest: 'debug', action: 'store_true' },
  { flag: '--endpoint-url', dest: 'endpoint_url', action: 'store' },
  { flag: '--no-verify-ssl', dest: 'verify_ssl', action: 'store_false' },
  { flag: '--no-paginate', dest: 'paginate', action: 'store_false' },
  { flag: '--output', dest: 'output', action: 'store', choices: OUTPUT_CHOICES },
  { flag: '--query', dest: 'query', action: 'store' },
  { flag: '--profile', dest: 'profile', action: 'store' },
  { flag: '--region', dest: 'region', action: 'store' },
  { flag: '--color', dest: 'color', action: 'store', choices: ['on', 'off', 'auto'] },
  { flag: '--no-sign-request', dest: 'sign_request', action: 'store_false' },
  { flag: '--ca-bundle', dest: 'ca_bundle', action: 'store' },
  { flag: '--cli-read-timeout', dest: 'read_timeout', action: 'store' },
  { flag: '--cli-connect-timeout', dest: 'connect_timeout', action: 'store' },
  { flag: '--cli-binary-format', dest: 'cli_binary_format', action: 'store', choices: ['base64', 'raw-in-base64-out'] },
  { flag: '--no-cli-pager', dest: 'no_cli_pager', action: 'store_true' },
  { flag: '--cli-auto-prompt', dest: 'cli_auto_prompt', action: 'store_true' },
  { flag: '--no-cli-auto-prompt', dest: 'no_cli_auto_prompt', action: 'store_true' },
  // [BEL] The error formats are argparse choices, like --output's.
  { flag: '--cli-error-format', dest: 'cli_error_format', action: 'store', choices: ERROR_FORMATS },
  // Added last by the main parser itself, with the version string.
  { flag: '--version', dest: 'version', action: 'version' },
];

/** `aws --version` [BEL: the interpreter and platform parts vary by machine]. */
export const VERSION_TEXT = 'aws-cli/2.36.7 Python/3.13.11 Linux/6.8.0 exe/x86_64.amzn.2023';

const str = (v: ArgValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * The CLI's `top-level-args-parsed` checks, in its order: `--query` must compile, an
 * `--endpoint-url` needs a scheme, the timeouts must be integers (an uncaught ValueError).
 */
export function resolveGlobals(values: ReadonlyMap<string, ArgValue>, env: Readonly<Record<string, string>>): { ok: true; value: CliGlobals } | { ok: false; error: CliFailure } {
  const query = str(values.get('query'));
  if (query !== undefined) {
    const compiled = parseQuery(query);
    if (!compiled.ok) return { ok: false, error: { kind: compiled.error.exitCode === 252 ? 'param' : 'general', message: compiled.error.message } };
  }
  const endpointUrl = str(values.get('endpoint_url'));
  if (endpointUrl !== undefined && !hasScheme(endpointUrl)) {
    // [BEL] reported as ParamValidation (rc 252), like the other bad global values.
    return {
      ok: false,
      error: { kind: 'param', message: `Bad value for --endpoint-url "${endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/` },
    };
  }
  const readTimeout = timeout(values.get('read_timeout'));
  if (!readTimeout.ok) return readTimeout;
  const connectTimeout = timeout(values.get('connect_timeout'));
  if (!connectTimeout.ok) return connectTimeout;
  return {
    ok: true,
    value: {
      output: OUTPUT_CHOICES.find((o) => o === values.get('output')),
      query,
      region: str(values.get('region')),
      profile: str(values.get('profile')),
      endpointUrl,
      debug: values.get('debug') === true,
      paginate: values.get('paginate') !== false,
      verifySsl: values.get('verify_ssl') !== false,
      signRequest: values.get('sign_request') !== false,
      cliPager: values.get('no_cli_pager') !== true,
      color: values.get('color') === 'on' ? 'on' : values.get('color') === 'off' ? 'off' : 'auto',
      caBundle: str(values.get('ca_bundle')),
      readTimeout: readTimeout.value,
      connectTimeout: connectTimeout.value,
      cliBinaryFormat: values.get('cli_binary_format') === 'base64' ? 'base64' : values.get('cli_binary_format') === 'raw-in-base64-out' ? 'raw-in-base64-out' : undefined,
      autoPrompt: autoPromptMode(values, env),
      errorFormat: ERROR_FORMATS.find((f) => f === values.get('cli_error_format')) ?? errorFormatFromEnv(env),
    },
  };
}

/** `int(value)` on a timeout; a bad one is an uncaught ValueError. */
function timeout(raw: ArgValue | undefined): { ok: true; value: number | undefined } | { ok: false; error: CliFailure } {
  if (typeof raw !== 'string') return { ok: true, value: undefined };
  const n = pyInt(raw);
  return n.ok ? { ok: true, value: Number(n.value) } : { ok: false, error: { kind: 'general', message: n.message } };
}

/**
 * botocore's `validate_region_name`, run when the client is created (so after the options
 * are read, before the request is checked): an uncaught InvalidRegionError.
 */
export function regionError(globals: CliGlobals, env: Readonly<Record<string, string>>): string | undefined {
  const region = globals.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region === undefined || /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$/.test(region)) return undefined;
  return `Provided region_name '${region}' doesn't match a supported format.`;
}

/** `urlparse(value).scheme` is not empty: a letter, then letters, digits, `+-.`, then `:`. */
const hasScheme = (url: string): boolean => /^[A-Za-z][A-Za-z0-9+\-.]*:/.test(url);

/** AutoPromptDriver.resolve_mode: the flags, then AWS_CLI_AUTO_PROMPT. */
function autoPromptMode(values: ReadonlyMap<string, ArgValue>, env: Readonly<Record<string, string>>): CliGlobals['autoPrompt'] {
  if (values.get('no_cli_auto_prompt') === true) return 'off';
  if (values.get('cli_auto_prompt') === true) return 'on';
  const configured = env.AWS_CLI_AUTO_PROMPT?.toLowerCase();
  return configured === 'on' || configured === 'on-partial' ? configured : 'off';
}
