import type { ServiceModel, Shape, ShapeRef } from '../../sim/core/model';

/**
 * What a help page says about a value's form, derived from the service model as the CLI derives
 * it: the type name, the shorthand syntax (`Arn=string,Name=string`), the JSON syntax, the syntax
 * of a list of scalars (`"string" "string" ...`) and the model's limits.
 */

const SCALARS: ReadonlySet<Shape['type']> = new Set(['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob']);
export const isScalar = (shape: Shape): boolean => SCALARS.has(shape.type);
const isComplex = (shape: Shape): boolean => !isScalar(shape);

/** Enums longer than this are not spelled out inside a syntax example (EC2's InstanceType has over a thousand). */
export const ENUM_SPELL_OUT_LIMIT = 12;

function shapeNamed(model: ServiceModel, ref: ShapeRef | undefined): { name: string; shape: Shape } | undefined {
  const shape = ref ? model.shapes[ref.shape] : undefined;
  return ref && shape ? { name: ref.shape, shape } : undefined;
}

/** The shorthand the CLI accepts for structures, maps and lists of them; undefined when it takes none. */
export function shorthandSyntax(model: ServiceModel, shape: Shape): string | undefined {
  if (!supportsShorthand(model, shape)) return undefined;
  const members = Object.entries(shape.members ?? {});
  // A structure holding only a string `Value` is given as the bare value instead.
  if (shape.type === 'structure' && members.length === 1 && members[0]?.[0] === 'Value') return undefined;
  try {
    if (shape.type === 'list') {
      const member = shapeNamed(model, shape.member);
      return member ? `${shorthandOf(model, member.shape, [])} ...` : undefined;
    }
    return shorthandOf(model, shape, []);
  } catch (e) {
    if (e instanceof TooComplex) return undefined;
    throw e;
  }
}

function supportsShorthand(model: ServiceModel, shape: Shape): boolean {
  if (shape.type === 'structure' || shape.type === 'map') return true;
  if (shape.type !== 'list') return false;
  const member = shapeNamed(model, shape.member);
  return member !== undefined && isComplex(member.shape);
}

/** Shorthand nests only so deep; beyond that the CLI documents JSON alone. */
class TooComplex extends Error {}
const MAX_SHORTHAND_DEPTH = 3;

function shorthandOf(model: ServiceModel, shape: Shape, path: readonly string[]): string {
  if (path.length > MAX_SHORTHAND_DEPTH) throw new TooComplex();
  switch (shape.type) {
    case 'structure': {
      const parts = Object.entries(shape.members ?? {}).map(([name, ref]) => {
        const member = shapeNamed(model, ref);
        if (!member) return `${name}=string`;
        if (path.includes(member.name)) return `${name}=( ... recursive ... )`;
        return `${name}=${shorthandOf(model, member.shape, [...path, member.name])}`;
      });
      const inner = parts.join(',');
      return path.length === 0 ? inner : `{${inner}}`;
    }
    case 'list': {
      const member = shapeNamed(model, shape.member);
      if (!member) return 'string,string';
      const element = shorthandOf(model, member.shape, [...path, member.name]);
      return isComplex(member.shape) || path.length > 1 ? `[${element},${element}]` : `${element},${element}`;
    }
    case 'map': {
      const value = shapeNamed(model, shape.value);
      const valueDoc = value ? shorthandOf(model, value.shape, path) : 'string';
      const inner = `KeyName1=${valueDoc},KeyName2=${valueDoc}`;
      return path.length === 0 ? inner : `{${inner}}`;
    }
    default:
      return shape.type;
  }
}

/** A scalar as it appears in a JSON example: `"string"`, the enum's values, `true|false`, `integer` … */
function jsonValueName(shape: Shape, spellEnum = true): string {
  if (shape.type === 'string') {
    return spellEnum && shape.enum && shape.enum.length <= ENUM_SPELL_OUT_LIMIT ? shape.enum.map((v) => `"${v}"`).join('|') : '"string"';
  }
  if (shape.type === 'boolean') return 'true|false';
  return shape.type;
}

/** The JSON example of a value, two spaces per level, as the lines of a code block. */
export function jsonSyntax(model: ServiceModel, shape: Shape): string[] {
  return jsonOf(model, shape, [], 0).split('\n');
}

function jsonOf(model: ServiceModel, shape: Shape, path: readonly string[], depth: number): string {
  const pad = (n: number) => '  '.repeat(n);
  switch (shape.type) {
    case 'list': {
      const member = shapeNamed(model, shape.member);
      if (!member || isScalar(member.shape)) return `[${member ? jsonValueName(member.shape) : '"string"'}, ...]`;
      return `[\n${pad(depth + 1)}${nested(model, member, path, depth + 1)}\n${pad(depth + 1)}...\n${pad(depth)}]`;
    }
    case 'map': {
      const key = shapeNamed(model, shape.key);
      const value = shapeNamed(model, shape.value);
      const keyName = key ? jsonValueName(key.shape) : '"string"';
      const valueText = !value ? '"string"' : isScalar(value.shape) ? jsonValueName(value.shape) : nested(model, value, path, depth + 1);
      return `{${keyName}: ${valueText}\n${pad(depth + 1)}...}`;
    }
    case 'structure': {
      const members = Object.entries(shape.members ?? {}).map(([name, ref]) => {
        const member = shapeNamed(model, ref);
        const value = !member ? '"string"' : isScalar(member.shape) ? jsonValueName(member.shape) : nested(model, member, path, depth + 1);
        return `${pad(depth + 1)}"${name}": ${value}`;
      });
      return members.length ? `{\n${members.join(',\n')}\n${pad(depth)}}` : '{}';
    }
    default:
      return jsonValueName(shape);
  }
}

function nested(model: ServiceModel, member: { name: string; shape: Shape }, path: readonly string[], depth: number): string {
  if (path.includes(member.name)) return member.shape.type === 'list' ? '[ ... recursive ... ]' : '{ ... recursive ... }';
  return jsonOf(model, member.shape, [...path, member.name], depth);
}

/** A list of scalars is written as separate words: `"string" "string" ...`. */
export function listSyntax(model: ServiceModel, shape: Shape): string | undefined {
  if (shape.type !== 'list') return undefined;
  const member = shapeNamed(model, shape.member);
  if (!member || isComplex(member.shape)) return undefined;
  const name = jsonValueName(member.shape, false);
  return `${name} ${name} ...`;
}

/** Enum values of a list's scalar member, which the list syntax does not show. */
export const listMemberEnum = (model: ServiceModel, shape: Shape): readonly string[] | undefined =>
  shape.type === 'list' ? shapeNamed(model, shape.member)?.shape.enum : undefined;

/** The model's limits on a top-level value. */
export interface Limits {
  readonly of: 'length' | 'value' | 'items';
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
}

export function limitsOf(shape: Shape): Limits | undefined {
  if (shape.min === undefined && shape.max === undefined && shape.pattern === undefined) return undefined;
  const of = shape.type === 'list' || shape.type === 'map' ? 'items' : shape.type === 'string' || shape.type === 'blob' ? 'length' : 'value';
  return {
    of,
    ...(shape.min !== undefined ? { min: shape.min } : {}),
    ...(shape.max !== undefined ? { max: shape.max } : {}),
    ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}),
  };
}

/** Member names and types of an output shape, indented three spaces a level, as the OUTPUT section lists them. */
export function outputTree(model: ServiceModel, shape: Shape): string[] {
  const lines: string[] = [];
  const walk = (name: string | undefined, member: { name: string; shape: Shape }, depth: number, path: readonly string[]) => {
    const pad = '   '.repeat(depth);
    const label = name === undefined ? `(${member.shape.type})` : `${name} -> (${member.shape.type})`;
    if (path.includes(member.name)) {
      lines.push(`${pad}${label} ( ... recursive ... )`);
      return;
    }
    lines.push(pad + label);
    const inner = [...path, member.name];
    if (member.shape.type === 'structure') {
      for (const [child, ref] of Object.entries(member.shape.members ?? {})) {
        const next = shapeNamed(model, ref);
        if (next) walk(child, next, depth + 1, inner);
      }
    } else if (member.shape.type === 'list') {
      const next = shapeNamed(model, member.shape.member);
      if (next) walk(undefined, next, depth + 1, inner);
    } else if (member.shape.type === 'map') {
      const key = shapeNamed(model, member.shape.key);
      const value = shapeNamed(model, member.shape.value);
      if (key) walk('key', key, depth + 1, inner);
      if (value) walk('value', value, depth + 1, inner);
    }
  };
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = shapeNamed(model, ref);
    if (member) walk(name, member, 0, []);
  }
  return lines;
}
