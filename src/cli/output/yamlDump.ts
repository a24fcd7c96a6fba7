import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag, type Tags } from 'yaml';
import { stringifyString, stringTag } from 'yaml/util';
import { formatJson } from './json';
import { isDict, pyFloatRepr, sortedKeys, type JsonValue } from './python';

/**
 * `--output yaml`. The CLI dumps dicts and lists with ruamel.yaml's safe dumper (libyaml's C emitter):
 * keys sorted, block style, `[]`/`{}` for empty collections, lists not indented under their key.
 * A scalar result (after --query) is written as JSON instead, which spares it ruamel's `...` end marker.
 *
 * The `yaml` library lays the document out; what it cannot know is which scalars ruamel quotes, so each
 * string gets the style libyaml would pick (`scalarStyle`), and double-quoted ones libyaml's escapes.
 * [BEL] Not reproduced: libyaml folds a long scalar at the first space past column 80 (here such lines stay
 * whole), and writes a key containing a line break as a `? ` complex key.
 */
export function formatYaml(value: JsonValue): string {
  if (isDict(value) && Object.keys(value).length === 0) return '';
  if (!Array.isArray(value) && !isDict(value)) return formatJson(value);
  const doc = new Document(null, { schema: 'failsafe', customTags: withScalarTags });
  doc.contents = toNode(value);
  return doc.toString({ indentSeq: false, lineWidth: 0 });
}

function toNode(value: JsonValue): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map(toNode);
    seq.flow = value.length === 0;
    return seq;
  }
  if (isDict(value)) {
    const map = new YAMLMap();
    for (const key of sortedKeys(value)) map.items.push(new Pair(stringNode(key, true), toNode(value[key] as JsonValue)));
    map.flow = map.items.length === 0;
    return map;
  }
  return typeof value === 'string' ? stringNode(value, false) : new Scalar(value);
}

function stringNode(value: string, isKey: boolean): Scalar {
  const node = new Scalar(value);
  node.type = scalarStyle(value, isKey);
  return node;
}

// These print scalars as ruamel's SafeRepresenter does; having no `test`, none makes the library quote a
// string on its own: strings are quoted exactly when `scalarStyle` says so.
const withScalarTags = (tags: Tags): Tags => [...tags.filter((t) => t !== stringTag), ...SCALAR_TAGS];

const SCALAR_TAGS: ScalarTag[] = [
  {
    ...stringTag,
    stringify: (item, ctx, onComment, onChompKeep) =>
      item.type === Scalar.QUOTE_DOUBLE ? doubleQuoted(String(item.value)) : stringifyString(item, ctx, onComment, onChompKeep),
  },
  { tag: 'tag:yaml.org,2002:null', default: true, identify: (v) => v === null, resolve: () => null, stringify: () => 'null' },
  { tag: 'tag:yaml.org,2002:bool', default: true, identify: (v) => typeof v === 'boolean', resolve: () => true, stringify: ({ value }) => (value ? 'true' : 'false') },
  {
    tag: 'tag:yaml.org,2002:float', default: true, identify: (v) => typeof v === 'number', resolve: () => 0,
    stringify: ({ value }) => representNumber(Number(value)),
  },
];

function representNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return Number.isSafeInteger(n) ? String(n) : pyFloatRepr(n);
}

type Style = typeof Scalar.PLAIN | typeof Scalar.QUOTE_SINGLE | typeof Scalar.QUOTE_DOUBLE;

/** libyaml's yaml_emitter_select_scalar_style for a block-context string, as ruamel hands it over. */
export function scalarStyle(value: string, isKey: boolean): Style {
  const a = analyze(value);
  if (isKey && a.multiline) return Scalar.QUOTE_DOUBLE;
  let style: Style = Scalar.PLAIN;
  if (!a.blockPlainAllowed) style = Scalar.QUOTE_SINGLE;
  if (value.length === 0 && isKey) style = Scalar.QUOTE_SINGLE;
  if (resolvesToNonString(value)) style = Scalar.QUOTE_SINGLE;
  if (style === Scalar.QUOTE_SINGLE && !a.singleQuotedAllowed) style = Scalar.QUOTE_DOUBLE;
  return style;
}

// ruamel's implicit resolvers for YAML 1.2 (resolver.py), keyed by the first characters they are tried on:
// a plain scalar matching one would read back as something other than a string, so it gets quoted.
const RESOLVERS: readonly (readonly [string, RegExp])[] = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/],
  ['-+0123456789.', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
  ['-+0123456789', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ['<', /^(?:<<)$/],
  ['~nN', /^(?:~|null|Null|NULL|)$/],
  ['0123456789', /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/],
  ['=', /^(?:=)$/],
  ['!&*', /^(?:!|&|\*)$/],
];

function resolvesToNonString(value: string): boolean {
  if (value === '') return true;
  const first = value[0] ?? '';
  return RESOLVERS.some(([firsts, re]) => firsts.includes(first) && re.test(value));
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
}

const isBreak = (ch: string) => ch === '\r' || ch === '\n' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
const isBlankOrEnd = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\t' || ch === '\0' || isBreak(ch);

/** libyaml's IS_PRINTABLE: astral characters, C0/C1 controls (tab and CR included), DEL and the BOM are not. */
function isPrintable(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

/** yaml_emitter_analyze_scalar, block context only (the CLI's YAML never nests a scalar in flow style). */
function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let special = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const first = i === 0;
    const last = i === chars.length - 1;
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (first) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':') && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch)) special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (first) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (first) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(ch);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) blockPlainAllowed = singleQuotedAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e',
  '"': '"', '\\': '\\', '\u0085': 'N', '\u2028': 'L', '\u2029': 'P',
};

/** yaml_emitter_write_double_quoted: escapes whatever is not printable, breaks, quotes and backslashes. */
function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (isPrintable(ch) && !isBreak(ch) && ch !== '"' && ch !== '\\') {
      out += ch;
      continue;
    }
    const cp = ch.codePointAt(0) ?? 0;
    const named = ESCAPES[ch];
    const [letter, digits] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
    out += `\\${named ?? letter + cp.toString(16).toUpperCase().padStart(digits, '0')}`;
  }
  return `${out}"`;
}
