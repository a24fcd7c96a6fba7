import { serviceModels, type ServiceName } from '../sim';
import { AWS_MANAGED_POLICIES } from '../sim/iam/awsManagedPolicies';
import type { OptionSpec } from './args/argparse';
import { GLOBAL_OPTIONS } from './args/globals';
import { buildArgumentTable, optionSpecs, type CliArg } from './args/table';
import { shapeAt } from './args/unpack';
import { xformName } from './args/xform';
import { COMMAND_NAMES } from './commands';
import { shellQuote } from './shell/quote';
import { LOCAL_HOME, resolvePath, type ShellState } from './shell/session';
import type { Workspace } from './terminal';

/**
 * Tab completion for the terminal, computed from the line up to the cursor: command names,
 * `aws` services, operations, waiters, options and their values (from the service models, like
 * the AWS CLI's own completer), names of existing resources, and files. Pure: it reads the
 * workspace and changes nothing.
 */
export interface CompletionResult {
  /** Where the word being completed starts: a candidate replaces `line.slice(from, cursor)`. */
  from: number;
  /** Sorted, without duplicates, quoted for the shell where needed. */
  candidates: string[];
}

export function complete(workspace: Workspace, line: string, cursor: number): CompletionResult {
  const end = Math.max(0, Math.min(Math.trunc(cursor) || 0, line.length));
  const scanned = scan(line.slice(0, end));
  const { current } = scanned;
  const words = scanned.words.map((w) => w.text);
  // `NAME=value` words before the command name are assignments, not the command.
  while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] ?? '')) words.shift();
  const names = scanned.redirect ? paths(workspace.shell, current.text) : candidatesFor(workspace, words, current.text);
  const matching = names.filter((n) => n.startsWith(current.text));
  return { from: current.start, candidates: [...new Set(matching)].sort().map(quoteCandidate) };
}

/** `~/` must stay bare to be expanded; the rest is quoted as needed. */
const quoteCandidate = (word: string): string => (word.startsWith('~/') ? `~/${word.length > 2 ? shellQuote(word.slice(2)) : ''}` : shellQuote(word));

function candidatesFor(workspace: Workspace, words: readonly string[], current: string): string[] {
  const [command, ...args] = words;
  if (command === undefined) return [...COMMAND_NAMES];
  switch (command) {
    case 'aws':
      return awsCandidates(workspace, args, current);
    case 'ssh':
    case 'connect':
      return current.startsWith('-') ? [] : runningInstances(workspace, current);
    case 'cat':
    case 'rm':
    case 'edit':
      return current.startsWith('-') ? [] : paths(workspace.shell, current);
    default:
      return [];
  }
}

function runningInstances(workspace: Workspace, current: string): string[] {
  const ids = Object.values(workspace.sim.tables.instances)
    .filter((i) => i.State.Name === 'running')
    .map((i) => i.InstanceId);
  // `ssh ec2-user@i-…`: complete the host after the user.
  const at = current.indexOf('@');
  return at < 0 ? ids : ids.map((id) => current.slice(0, at + 1) + id);
}

const flagsOf = (specs: readonly OptionSpec[]): string[] => specs.filter((s) => s.action !== 'version').map((s) => s.flag);

function awsCandidates(workspace: Workspace, args: readonly string[], current: string): string[] {
  const services = Object.keys(serviceModels) as ServiceName[];
  let service: ServiceName | undefined;
  let operation: string | undefined;
  let waiter: string | undefined;
  let waiting = false;
  let helpAsked = false;
  let table: CliArg[] = [];
  let specs: OptionSpec[] = [...GLOBAL_OPTIONS];
  const given = new Set<string>();
  // The option whose values the following words are, and how many it has had.
  let open: { spec: OptionSpec; arg?: CliArg; values: string[] } | undefined;
  for (const word of args) {
    const spec = specs.find((s) => s.flag === word);
    if (spec) {
      given.add(spec.flag);
      open = { spec, arg: table.find((a) => `--${a.name}` === spec.flag), values: [] };
      continue;
    }
    if (open && takesValue(open)) {
      open.values.push(word);
      continue;
    }
    open = undefined;
    if (word.startsWith('-')) continue;
    if (word === 'help') helpAsked = true;
    else if (!service) service = services.find((s) => s === word);
    else if (!operation && !waiting) {
      if (word === 'wait') waiting = true;
      else operation = Object.keys(serviceModels[service].operations).find((op) => xformName(op) === word);
    } else if (waiting && !waiter) {
      const name = Object.keys(serviceModels[service].waiters).find((w) => xformName(w) === word);
      waiter = name;
      operation = name ? serviceModels[service].waiters[name]?.operation : undefined;
    } else continue;
    if (service && operation && !table.length) {
      const model = serviceModels[service];
      table = buildArgumentTable(model, { cliName: waiter ? xformName(waiter) : xformName(operation), parent: waiter ? 'wait' : service, operation });
      specs = [...optionSpecs(table), ...GLOBAL_OPTIONS];
    }
  }
  if (helpAsked) return [];
  if (current.startsWith('-')) return flagsOf(specs).filter((f) => !given.has(f));
  if (open && takesValue(open)) return optionValues(workspace, service, open.spec, open.arg, open.values, current);
  if (operation && !current) return flagsOf(specs).filter((f) => !given.has(f));
  if (!service) return [...services, 'help'];
  const model = serviceModels[service];
  if (waiting && !waiter) return Object.keys(model.waiters).map((w) => xformName(w));
  if (!operation) return [...Object.keys(model.operations).map((op) => xformName(op)), ...(Object.keys(model.waiters).length ? ['wait'] : []), 'help'];
  return flagsOf(specs).filter((f) => !given.has(f));
}

const takesValue = (open: { spec: OptionSpec; values: readonly string[] }): boolean =>
  open.spec.action === 'store' && (open.spec.nargs === '*' || open.values.length === 0);

function optionValues(workspace: Workspace, service: ServiceName | undefined, spec: OptionSpec, arg: CliArg | undefined, given: readonly string[], current: string): string[] {
  const file = /^fileb?:\/\//.exec(current)?.[0];
  if (file) return paths(workspace.shell, current.slice(file.length)).map((p) => file + p);
  if (spec.choices) return [...spec.choices];
  if (spec.flag === '--region') return [workspace.sim.account.region];
  if (arg?.kind !== 'member' || !service) return [];
  const shape = arg.shape.type === 'list' ? shapeAt(serviceModels[service], arg.shape.member) : arg.shape;
  const values = [...(shape.enum ?? []), ...resourceNames(workspace, arg.name)];
  // A list option offers each value once.
  return values.filter((v) => !given.includes(v));
}

function resourceNames(workspace: Workspace, option: string): string[] {
  const { roles, instanceProfiles, instances, associations, policies } = workspace.sim.tables;
  switch (option) {
    case 'role-name':
      return Object.values(roles).map((r) => r.RoleName);
    case 'instance-profile-name':
      return Object.values(instanceProfiles).map((p) => p.InstanceProfileName);
    case 'instance-id':
    case 'instance-ids':
      return Object.keys(instances);
    case 'association-id':
    case 'association-ids':
      return Object.keys(associations);
    case 'policy-arn':
      return [...Object.values(roles).flatMap((r) => r.attachedPolicyArns), ...Object.values(policies).map((p) => p.Arn), ...AWS_MANAGED_POLICIES.map((p) => p.Arn)];
    default:
      return [];
  }
}

/** Files and folders for a path being typed, one level at a time as bash offers them (folders end with `/`). */
function paths(shell: ShellState, typed: string): string[] {
  const slash = typed.lastIndexOf('/');
  const folderTyped = slash >= 0 ? typed.slice(0, slash + 1) : '';
  const home = shell.variables.HOME ?? LOCAL_HOME;
  const expanded = folderTyped === '~/' || folderTyped.startsWith('~/') ? home + folderTyped.slice(1) : folderTyped;
  const folder = resolvePath(shell.cwd, expanded || '.');
  const prefix = folder === '/' ? '/' : `${folder}/`;
  const found: string[] = [];
  for (const path of Object.keys(shell.files)) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const cut = rest.indexOf('/');
    found.push(folderTyped + (cut < 0 ? rest : rest.slice(0, cut + 1)));
  }
  return found;
}

interface Word {
  start: number;
  /** The word with its quotes and escapes removed. */
  text: string;
  /** It follows `>` or `<`: a file name. */
  redirect: boolean;
}

/**
 * The words of the command the cursor is in, as the shell would split them, and the word under
 * the cursor (empty after a blank). Tolerant of what is not finished yet: an open quote is part
 * of the current word. `;`, `&&`, `|`, `(`, `$(` and backticks start a new command; after `>`
 * the word is a file name.
 */
function scan(text: string): { words: Word[]; current: Word; redirect: boolean } {
  let words: Word[] = [];
  let word: Word | undefined;
  let quote: "'" | '"' | undefined;
  let redirectNext = false;
  const add = (i: number, c: string) => {
    if (!word) {
      word = { start: i, text: '', redirect: redirectNext };
      redirectNext = false;
    }
    word.text += c;
  };
  const finish = () => {
    if (word && !word.redirect) words.push(word);
    word = undefined;
  };
  const newCommand = () => {
    finish();
    words = [];
    redirectNext = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else add(i, c);
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      // A backslash-newline joins the lines; any other escaped character is itself.
      if (next === undefined) add(i, '');
      else if (next !== '\n') add(i, quote === '"' && !'$`"\\'.includes(next) ? c + next : next);
      i++;
      continue;
    }
    if ((c === '$' && text[i + 1] === '(') || c === '`') {
      newCommand();
      if (c === '$') i++;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else add(i, c);
      continue;
    }
    if (c === "'" || c === '"') {
      add(i, '');
      quote = c;
    } else if (c === ' ' || c === '\t') finish();
    else if (c === '>' || c === '<') {
      finish();
      redirectNext = true;
    } else if (';&|\n()'.includes(c)) newCommand();
    else add(i, c);
  }
  const current: Word = word ?? { start: text.length, text: '', redirect: redirectNext };
  return { words, current, redirect: current.redirect };
}
