import type { ServiceName } from '../../sim/core/errors';
import type { ServiceModel, Shape } from '../../sim/core/model';
import { buildArgumentTable, type CliArg, type Command } from '../args/table';
import type { HelpText } from './text';

/**
 * One entry of SYNOPSIS and OPTIONS, from the same argument table the parser uses, so the page
 * lists exactly the options the command accepts: model members first, a boolean and its `--no-`
 * partner as one entry, then `--cli-input-json | --cli-input-yaml`, the paging options and
 * `--generate-cli-skeleton`, as the CLI's own pages order them.
 */
export interface OptionEntry {
  /** As SYNOPSIS shows it, without brackets: `--role-name <value>`, `--dry-run | --no-dry-run`. */
  readonly usage: string;
  /** As OPTIONS titles it: `--role-name`, `--dry-run | --no-dry-run`. */
  readonly names: string;
  /** The CLI's type name: string, integer, boolean, list, structure, map … */
  readonly type: string;
  readonly required: boolean;
  /** The model shape behind a member option (for syntax, enums and limits). */
  readonly shape?: Shape;
  /** The model member it sets, when it sets one. */
  readonly member?: string;
  readonly descriptionKey: string;
}

/** `option.<service>.<Operation>.<Member>` when the meaning differs for that operation, else `option.<Member>`. */
export function memberKey(text: HelpText, service: ServiceName, operation: string, member: string): string {
  const specific = `option.${service}.${operation}.${member}`;
  return text.has(specific) ? specific : `option.${member}`;
}

const PAGE_ORDER = ['starting-token', 'page-size', 'max-items'] as const;

export function optionEntries(text: HelpText, service: ServiceName, model: ServiceModel, command: Command): OptionEntry[] {
  const table = buildArgumentTable(model, command);
  const entries: OptionEntry[] = [];
  const grouped = new Set<string>();
  for (const arg of table) {
    switch (arg.kind) {
      case 'member':
        entries.push({
          usage: `--${arg.name} <value>`,
          names: `--${arg.name}`,
          type: arg.shape.type,
          required: arg.required,
          shape: arg.shape,
          member: arg.member,
          descriptionKey: memberKey(text, service, command.operation, arg.member),
        });
        break;
      case 'boolean':
      case 'public-ip': {
        const group = arg.kind === 'boolean' ? arg.member : 'associate-public-ip-address';
        if (grouped.has(group)) break;
        grouped.add(group);
        const names = partners(table, arg)
          .map((a) => `--${a.name}`)
          .join(' | ');
        entries.push({
          usage: names,
          names,
          type: 'boolean',
          required: false,
          ...(arg.kind === 'boolean' ? { member: arg.member, descriptionKey: memberKey(text, service, command.operation, arg.member) } : { descriptionKey: 'cliOption.associate-public-ip-address' }),
        });
        break;
      }
      case 'count':
        entries.push(cliEntry('count', 'string'));
        break;
      case 'secondary-ips':
        entries.push(cliEntry(arg.name, 'list'));
        break;
      case 'secondary-ip-count':
        entries.push(cliEntry(arg.name, 'integer'));
        break;
      case 'cli-input':
      case 'page':
      case 'skeleton':
        break;
    }
  }
  entries.push({ usage: '--cli-input-json | --cli-input-yaml', names: '--cli-input-json | --cli-input-yaml', type: 'string', required: false, descriptionKey: 'cliOption.cli-input' });
  for (const name of PAGE_ORDER) {
    const page = table.find((a) => a.kind === 'page' && a.name === name);
    if (page?.kind === 'page') entries.push(cliEntry(name, page.intType ? 'integer' : 'string'));
  }
  entries.push(cliEntry('generate-cli-skeleton', 'string'));
  return entries;
}

const cliEntry = (name: string, type: string): OptionEntry => ({ usage: `--${name} <value>`, names: `--${name}`, type, required: false, descriptionKey: `cliOption.${name}` });

/** A boolean option and its negative, in table order (`--disable-api-termination | --enable-api-termination`). */
function partners(table: readonly CliArg[], arg: CliArg & { kind: 'boolean' | 'public-ip' }): CliArg[] {
  return table.filter((a) => (arg.kind === 'boolean' ? a.kind === 'boolean' && a.member === arg.member : a.kind === 'public-ip'));
}
