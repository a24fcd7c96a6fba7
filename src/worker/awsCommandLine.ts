import { seededRandom, serviceModels, type ServiceName } from '../sim';
import type { ServiceModel, Shape } from '../sim/core/model';
import { parseAwsArgs } from '../cli/args';
import { buildArgumentTable, pagingInputNames, type CliArg } from '../cli/args/table';
import { shapeAt } from '../cli/args/unpack';
import { xformName } from '../cli/args/xform';
import { shellQuote } from '../cli/shell/quote';

/**
 * The `aws …` command line that makes the same API call as one the console made, for the
 * "API calls" log and the terminal history. Options, their names and their value syntax come
 * from the service model and the CLI's own argument table: scalars as words, lists of scalars
 * as several words, structures in shorthand (`Arn=…`, `Name=x,Values=y`) where shorthand can
 * say them, JSON otherwise. Every line is parsed back with the CLI's parser; if the parameters
 * it yields differ in any way (a string that starts with `file://`, say), the call is written
 * with `--cli-input-json`, whose members the CLI sends as they are.
 */
export function awsCommandLine(service: ServiceName, operation: string, params: Readonly<Record<string, unknown>>): string {
  const nice = optionWords(service, operation, params);
  const words = nice && parsesBackTo(service, operation, params, nice) ? nice : [xformName(operation), '--cli-input-json', JSON.stringify(params)];
  return ['aws', service, ...words].map(shellQuote).join(' ');
}

function optionWords(service: ServiceName, operation: string, params: Readonly<Record<string, unknown>>): string[] | undefined {
  const model = serviceModels[service];
  if (!model.operations[operation]) return undefined;
  const cliName = xformName(operation);
  const table = buildArgumentTable(model, { cliName, parent: service, operation });
  const runInstances = service === 'ec2' && operation === 'RunInstances';
  const words = [cliName];
  let shadowedMemberUsed = false;
  for (const [member, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    // run-instances has no --min-count/--max-count: `--count N` or `--count min:max` stands for both.
    if (runInstances && (member === 'MinCount' || member === 'MaxCount')) {
      if (member === 'MinCount' || params.MinCount === undefined) words.push('--count', countValue(params.MinCount, params.MaxCount));
      continue;
    }
    const arg = argumentFor(table, member, value);
    if (!arg) return undefined;
    if (arg.kind === 'boolean') {
      words.push(`--${arg.name}`);
      continue;
    }
    shadowedMemberUsed ||= arg.shadowing;
    const rendered = valueWords(model, arg.shape, value);
    if (!rendered) return undefined;
    words.push(`--${arg.name}`, ...rendered);
  }
  // IAM's MaxItems shares its option with the CLI's own --max-items, which is the API member
  // only when automatic pagination is off; a Marker given alongside turns it off already.
  const paginator = model.paginators[operation];
  if (shadowedMemberUsed && paginator) {
    const pagingMembers = new Set(pagingInputNames(paginator));
    const off = Object.keys(params).some((m) => pagingMembers.has(xformName(m)) && xformName(m) !== 'max-items');
    if (!off) words.push('--no-paginate');
  }
  return words;
}

const countValue = (min: unknown, max: unknown): string => (min === max || max === undefined ? String(min) : min === undefined ? String(max) : `${String(min)}:${String(max)}`);

type Found = { kind: 'boolean'; name: string } | { kind: 'member'; name: string; shape: Shape; shadowing: boolean };

/** The option that sets `member`: its own, the `--no-` form for false, or one the CLI's paging options stand in for. */
function argumentFor(table: readonly CliArg[], member: string, value: unknown): Found | undefined {
  for (const arg of table) {
    if (arg.kind === 'boolean' && arg.member === member && typeof value === 'boolean' && arg.negative === !value) return { kind: 'boolean', name: arg.name };
    if (arg.kind === 'member' && arg.member === member) return { kind: 'member', name: arg.name, shape: arg.shape, shadowing: false };
    if (arg.kind === 'page' && arg.shadowed?.kind === 'member' && arg.shadowed.member === member) {
      return { kind: 'member', name: arg.shadowed.name, shape: arg.shadowed.shape, shadowing: true };
    }
  }
  return undefined;
}

const isScalarShape = (shape: Shape): boolean => shape.type !== 'structure' && shape.type !== 'list' && shape.type !== 'map';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** The words after `--option`: one per scalar list member, else a single word. */
function valueWords(model: ServiceModel, shape: Shape, value: unknown): string[] | undefined {
  if (isScalarShape(shape)) {
    const text = scalarText(value);
    return text === undefined ? undefined : [text];
  }
  if (shape.type === 'list') {
    if (!Array.isArray(value)) return undefined;
    const member = shapeAt(model, shape.member);
    if (isScalarShape(member)) {
      const texts = value.map(scalarText);
      return texts.every((t) => t !== undefined) ? (texts as string[]) : undefined;
    }
    const items = value.map((item) => topShorthand(model, member, item));
    return items.every((t) => t !== undefined) ? (items as string[]) : [JSON.stringify(value)];
  }
  return [topShorthand(model, shape, value) ?? JSON.stringify(value)];
}

// A key shorthand reads as a key, and a value it reads bare up to the next `,` (awscli/shorthand.py).
const SHORTHAND_KEY = /^[A-Za-z0-9\-_.#/:]+$/;
const SHORTHAND_BARE = /^[A-Za-z0-9_\-.:/@+*]+$/;

/** `Key=a,Value=b` for a structure or map at the top of an option's value. */
function topShorthand(model: ServiceModel, shape: Shape, value: unknown): string | undefined {
  const pairs = shorthandPairs(model, shape, value);
  return pairs && pairs.length ? pairs.join(',') : undefined;
}

function shorthandPairs(model: ServiceModel, shape: Shape, value: unknown): string[] | undefined {
  if ((shape.type !== 'structure' && shape.type !== 'map') || !isRecord(value)) return undefined;
  const pairs: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    const ref = shape.type === 'structure' ? shape.members?.[key] : shape.value;
    if (!ref || !SHORTHAND_KEY.test(key)) return undefined;
    const text = shorthandValue(model, shapeAt(model, ref), item);
    if (text === undefined) return undefined;
    pairs.push(`${key}=${text}`);
  }
  return pairs;
}

/** A value inside shorthand: bare or double-quoted scalars, `[…]` lists (a lone scalar stands for a one-item list), `{…}` structures. */
function shorthandValue(model: ServiceModel, shape: Shape, value: unknown): string | undefined {
  if (isScalarShape(shape)) {
    const text = scalarText(value);
    if (text === undefined) return undefined;
    return SHORTHAND_BARE.test(text) ? text : `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }
  if (shape.type === 'list') {
    if (!Array.isArray(value)) return undefined;
    const member = shapeAt(model, shape.member);
    if (value.length === 1 && isScalarShape(member)) return shorthandValue(model, member, value[0]);
    const items = value.map((item) => shorthandValue(model, member, item));
    return items.every((t) => t !== undefined) ? `[${items.join(',')}]` : undefined;
  }
  const pairs = shorthandPairs(model, shape, value);
  return pairs ? `{${pairs.join(',')}}` : undefined;
}

const IDEMPOTENCY_PLACEHOLDER = 'iam-lab-idempotency-token';

/** Whether the CLI, reading `words`, would send exactly `params` (a token it adds on its own aside). */
function parsesBackTo(service: ServiceName, operation: string, params: Readonly<Record<string, unknown>>, words: readonly string[]): boolean {
  const parsed = parseAwsArgs([service, ...words], { readFile: () => undefined, env: {}, uuid: () => IDEMPOTENCY_PLACEHOLDER, random: seededRandom(0) });
  if (parsed.kind !== 'call' || parsed.operation !== operation) return false;
  const sent: Record<string, unknown> = { ...parsed.params };
  for (const [member, value] of Object.entries(sent)) if (value === IDEMPOTENCY_PLACEHOLDER && !(member in params)) delete sent[member];
  return canonical(sent) === canonical(params);
}

/** JSON with keys sorted and absent (undefined or null) members dropped: equal text means equal parameters. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
