import type { Paginator, ServiceModel, Shape } from '../../sim/core/model';
import type { OptionSpec } from './argparse';
import { shapeAt } from './unpack';
import { xformName } from './xform';

/**
 * An operation's argument table, built as the CLI builds it: one option per input member
 * (kebab-cased; booleans get `--x`/`--no-x`), then the CLI's customizations in the order its
 * event handlers run. The order matters: it is the order of the "required" list, of
 * ambiguous-abbreviation reports, and of the checks that turn values into parameters.
 *
 * The only per-operation rules are the AWS CLI's own customizations for these operations:
 *  - `ec2 run-instances`: `--count` replaces `--min-count`/`--max-count` (customizations/ec2/addcount.py),
 *    and `--secondary-private-ip-addresses`, `--secondary-private-ip-address-count`,
 *    `--[no-]associate-public-ip-address` fill `NetworkInterfaces[0]` (customizations/ec2/runinstances.py);
 *  - every `ec2` operation: `--no-disable-api-termination` is renamed `--enable-api-termination`
 *    (customizations/argrename.py; only run-instances has that member here).
 * Generic to every operation: `--cli-input-json`/`--cli-input-yaml`, the paging options of
 * paginated operations (customizations/paginate.py) and `--generate-cli-skeleton`.
 * The CLI's other EC2 rule (customizations/toplevelbool.py, for structures holding a single
 * boolean `Value`) matches no member of these operations.
 */
export type CliArg =
  | { readonly kind: 'member'; readonly name: string; readonly member: string; readonly shape: Shape; required: boolean }
  | { readonly kind: 'boolean'; readonly name: string; readonly member: string; readonly dest: string; readonly negative: boolean }
  | { readonly kind: 'count'; readonly name: 'count' }
  | { readonly kind: 'secondary-ips'; readonly name: 'secondary-private-ip-addresses' }
  | { readonly kind: 'secondary-ip-count'; readonly name: 'secondary-private-ip-address-count' }
  | { readonly kind: 'public-ip'; readonly name: string; readonly negative: boolean }
  | { readonly kind: 'page'; readonly name: 'starting-token' | 'page-size' | 'max-items'; readonly intType: boolean; readonly shadowed?: CliArg }
  | { readonly kind: 'cli-input'; readonly name: 'cli-input-json' | 'cli-input-yaml' }
  | { readonly kind: 'skeleton'; readonly name: 'generate-cli-skeleton' };

export const pyName = (arg: CliArg): string => arg.name.replace(/-/g, '_');

/** Where the parsed value lives: a `--no-x` boolean writes to its `--x` partner's place. */
export const destOf = (arg: CliArg): string => (arg.kind === 'boolean' ? arg.dest : pyName(arg));

export interface Command {
  /** The CLI name of the command (`run-instances`, or the waiter's `instance-running`). */
  readonly cliName: string;
  /** The service's CLI name, or `wait` for a waiter: operation customizations key on it. */
  readonly parent: string;
  readonly operation: string;
}

export function buildArgumentTable(model: ServiceModel, command: Command): CliArg[] {
  const op = model.operations[command.operation];
  const input = op?.input ? shapeAt(model, { shape: op.input }) : undefined;
  const table: CliArg[] = [];
  for (const [member, ref] of Object.entries(input?.members ?? {})) {
    const shape = shapeAt(model, ref);
    const name = xformName(member);
    if (shape.type === 'boolean') {
      table.push({ kind: 'boolean', name, member, dest: name.replace(/-/g, '_'), negative: false });
      table.push({ kind: 'boolean', name: `no-${name}`, member, dest: name.replace(/-/g, '_'), negative: true });
    } else {
      const required = (input?.required ?? []).includes(member) && !ref.idempotencyToken;
      table.push({ kind: 'member', name, member, shape, required });
    }
  }
  // botocore's event trie runs `ec2.*` handlers before `ec2.run-instances` ones, and both
  // before the handlers every operation gets.
  if (command.parent === 'ec2') rename(table, 'no-disable-api-termination', 'enable-api-termination');
  if (command.parent === 'ec2' && command.cliName === 'run-instances') {
    remove(table, 'min-count');
    remove(table, 'max-count');
    table.push({ kind: 'count', name: 'count' });
    table.push({ kind: 'secondary-ips', name: 'secondary-private-ip-addresses' });
    table.push({ kind: 'secondary-ip-count', name: 'secondary-private-ip-address-count' });
    table.push({ kind: 'public-ip', name: 'associate-public-ip-address', negative: false });
    table.push({ kind: 'public-ip', name: 'no-associate-public-ip-address', negative: true });
  }
  table.push({ kind: 'cli-input', name: 'cli-input-json' });
  table.push({ kind: 'cli-input', name: 'cli-input-yaml' });
  const paginator = model.paginators[command.operation];
  if (paginator && input) addPagingArguments(model, table, paginator, input);
  table.push({ kind: 'skeleton', name: 'generate-cli-skeleton' });
  return table;
}

function remove(table: CliArg[], name: string): void {
  const i = table.findIndex((a) => a.name === name);
  if (i >= 0) table.splice(i, 1);
}

/** argrename: the argument moves to the end of the table under its new name. */
function rename(table: CliArg[], from: string, to: string): void {
  const i = table.findIndex((a) => a.name === from);
  const arg = table[i];
  if (!arg || arg.kind !== 'boolean') return;
  table.splice(i, 1);
  table.push({ ...arg, name: to });
}

/** The CLI's paging options; `--max-items` takes the place of a member of that name. */
function addPagingArguments(model: ServiceModel, table: CliArg[], paginator: Paginator, input: Shape): void {
  const limitShape = paginator.limit_key ? shapeAt(model, input.members?.[paginator.limit_key]) : undefined;
  const intType = !limitShape || limitShape.type !== 'string';
  const add = (arg: CliArg & { kind: 'page' }) => {
    const i = table.findIndex((a) => a.name === arg.name);
    if (i >= 0) table[i] = { ...arg, shadowed: table[i] };
    else table.push(arg);
  };
  add({ kind: 'page', name: 'starting-token', intType: false });
  if (limitShape) add({ kind: 'page', name: 'page-size', intType });
  add({ kind: 'page', name: 'max-items', intType });
}

/** The service members that are paging controls: giving one turns automatic pagination off. */
export function pagingInputNames(paginator: Paginator): string[] {
  const tokens = Array.isArray(paginator.input_token) ? paginator.input_token : [paginator.input_token];
  return [...tokens, ...(paginator.limit_key ? [paginator.limit_key] : [])].map((t) => xformName(t));
}

/** `OverrideRequiredArgsArgument`: `--cli-input-*` or a non-`output` skeleton makes nothing required. */
export function relaxRequired(table: CliArg[], args: readonly string[]): void {
  const skeletonAt = args.indexOf('--generate-cli-skeleton');
  const relax = args.includes('--cli-input-json') || args.includes('--cli-input-yaml') || (skeletonAt >= 0 && args[skeletonAt + 1] !== 'output');
  if (!relax) return;
  for (const arg of table) if (arg.kind === 'member') arg.required = false;
}

export function optionSpecs(table: readonly CliArg[]): OptionSpec[] {
  return table.map((arg): OptionSpec => {
    const flag = `--${arg.name}`;
    const dest = destOf(arg);
    switch (arg.kind) {
      case 'member':
        return {
          flag,
          dest,
          action: 'store',
          required: arg.required,
          ...(arg.shape.type === 'list' ? { nargs: '*' as const } : {}),
          // CLIArgument's argparse type: `long` members are ints to argparse, `integer` ones strings.
          ...(arg.shape.type === 'long' ? { type: 'int' as const } : {}),
        };
      case 'boolean':
        return { flag, dest, action: arg.negative ? 'store_false' : 'store_true', default: null };
      case 'public-ip':
        return { flag, dest, action: arg.negative ? 'store_false' : 'store_true' };
      case 'secondary-ips':
        return { flag, dest, action: 'store', nargs: '*' };
      case 'secondary-ip-count':
        return { flag, dest, action: 'store', type: 'int' };
      case 'page':
        return { flag, dest, action: 'store', ...(arg.intType ? { type: 'int' as const } : {}) };
      case 'skeleton':
        return { flag, dest, action: 'store', nargs: '?', const: 'input', choices: ['input', 'output', 'yaml-input'] };
      case 'count':
      case 'cli-input':
        return { flag, dest, action: 'store' };
    }
  });
}
