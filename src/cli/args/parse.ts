import type { ServiceName } from '../../sim/core/errors';
import { serviceModels, type ServiceModel } from '../../sim/core/model';
import { parseKnownArgs, type ArgValue } from './argparse';
import { ERROR_FORMATS, errorFormatFromEnv, formatFailure, type CliFailure } from './errors';
import { GLOBAL_OPTIONS, VERSION_TEXT, resolveGlobals } from './globals';
import { runOperation } from './operation';
import type { CliGlobals, ParseContext, ParsedCommand } from './types';
import { xformName } from './xform';

/**
 * `aws …` as AWS CLI v2 reads it: the words after `aws`, already split by the shell. The main
 * parser takes the global options from anywhere on the line and the service name; the
 * service's parser takes the operation (or `wait`, or `help`); the operation's parser the rest.
 * Services, operations, options and waiters all come from the service models.
 */
export function parseAwsArgs(argv: readonly string[], ctx: ParseContext): ParsedCommand {
  // The entry point refuses both prompt flags before anything else, always in the default format.
  if (argv.includes('--cli-auto-prompt') && argv.includes('--no-cli-auto-prompt')) {
    return formatFailure({ kind: 'param', message: 'Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.' }, 'enhanced');
  }
  // Only IAM Lab's services are commands, so `aws s3 …` is an invalid choice and close
  // matches are drawn from these four, not from every AWS service.
  const services = Object.keys(serviceModels) as ServiceName[];
  const main = parseKnownArgs({ optionals: GLOBAL_OPTIONS, positionals: [{ dest: 'command', choices: [...services, 'help'] }] }, argv);
  if (!main.ok) {
    if (main.stop.kind === 'version') return { kind: 'version', text: VERSION_TEXT };
    return formatFailure({ kind: 'usage', message: main.stop.message }, errorFormatFromEnv(ctx.env));
  }
  const { values, extras } = main.value;
  const resolved = resolveGlobals(values, ctx.env);
  if (!resolved.ok) return failWithRawGlobals(resolved.error, values, ctx.env);
  const globals = resolved.value;
  const command = values.get('command');
  // `aws help <topic>`: the topic is passed on unchecked (the CLI knows a list of topics).
  if (command === 'help') return { kind: 'help', topic: { level: 'aws', ...(extras[0] !== undefined ? { topic: extras[0] } : {}) } };
  const service = services.find((s) => s === command);
  if (!service) return formatFailure({ kind: 'usage', message: 'the following arguments are required: command' }, globals.errorFormat);
  const outcome = runService(service, serviceModels[service], extras, globals, ctx);
  return outcome.ok ? outcome.value : formatFailure(outcome.error, globals.errorFormat, globals.query);
}

/**
 * A global value the CLI rejects after parsing: `--cli-error-format` already counts, but a
 * bad `--query` is still a plain string, which breaks the structured formats; the CLI then
 * falls back to the plain message.
 */
function failWithRawGlobals(error: CliFailure, values: ReadonlyMap<string, ArgValue>, env: Readonly<Record<string, string>>): ParsedCommand {
  const given = values.get('cli_error_format');
  const format = ERROR_FORMATS.find((f) => f === given) ?? errorFormatFromEnv(env);
  const query = values.get('query');
  const queryFailed = error.message.startsWith('Bad value for --query');
  if (queryFailed) return formatFailure(error, format === 'enhanced' ? format : 'legacy');
  return formatFailure(error, format, typeof query === 'string' ? query : undefined);
}

type Outcome = { ok: true; value: ParsedCommand } | { ok: false; error: CliFailure };

function runService(service: ServiceName, model: ServiceModel, args: readonly string[], globals: CliGlobals, ctx: ParseContext): Outcome {
  const operations = new Map(Object.keys(model.operations).map((op) => [xformName(op), op]));
  const hasWaiters = Object.keys(model.waiters).length > 0;
  const choices = [...operations.keys(), ...(hasWaiters ? ['wait'] : []), 'help'];
  const parsed = parseKnownArgs({ optionals: [], positionals: [{ dest: 'operation', choices }] }, args);
  if (!parsed.ok) return { ok: false, error: { kind: 'usage', message: parsed.stop.kind === 'error' ? parsed.stop.message : '' } };
  const cliName = parsed.value.values.get('operation');
  const rest = parsed.value.extras;
  if (cliName === 'help') return { ok: true, value: { kind: 'help', topic: { level: 'service', service } } };
  if (cliName === 'wait') return runWait(service, model, rest, globals, ctx);
  const operation = typeof cliName === 'string' ? operations.get(cliName) : undefined;
  if (typeof cliName !== 'string' || !operation) return { ok: false, error: { kind: 'usage', message: 'the following arguments are required: operation' } };
  return runOperation({ service, model, command: { cliName, parent: service, operation }, args: rest, globals, ctx });
}

/** `aws <service> wait <waiter>`: the waiter's operation's options, checked the same way. */
function runWait(service: ServiceName, model: ServiceModel, args: readonly string[], globals: CliGlobals, ctx: ParseContext): Outcome {
  if (args.length === 1 && args[0] === 'help') return { ok: true, value: { kind: 'help', topic: { level: 'wait', service } } };
  const waiters = new Map(Object.keys(model.waiters).map((w) => [xformName(w), w]));
  const parsed = parseKnownArgs({ optionals: [], positionals: [{ dest: 'subcommand', nargs: '?', choices: [...waiters.keys()] }] }, args);
  if (!parsed.ok) return { ok: false, error: { kind: 'usage', message: parsed.stop.kind === 'error' ? parsed.stop.message : '' } };
  const cliName = parsed.value.values.get('subcommand');
  const waiter = typeof cliName === 'string' ? waiters.get(cliName) : undefined;
  const config = waiter ? model.waiters[waiter] : undefined;
  if (typeof cliName !== 'string' || !waiter || !config) {
    const remaining = parsed.value.extras;
    // [BEL] The CLI's wait command raises these itself; v1 as plain errors (rc 255), v2 the first as ParamValidation.
    if (remaining.length) return { ok: false, error: { kind: 'param', message: `Unknown options: ${remaining.join(',')}` } };
    return { ok: false, error: { kind: 'general', message: 'usage: aws [options] <command> <subcommand> [parameters]\naws: error: too few arguments' } };
  }
  return runOperation({ service, model, command: { cliName, parent: 'wait', operation: config.operation }, waiter, args: parsed.value.extras, globals, ctx });
}
