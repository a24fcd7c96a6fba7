import type { ServiceModel, Shape } from '../../sim/core/model';
import { PyBytes, isDict, isList, isPyInt, pyStr, pyTypeName, type PyValue } from './py';
import { shapeAt } from './unpack';

/**
 * botocore's client-side `ParamValidator`, which runs before any request leaves the CLI. It
 * checks only required members, unknown keys, types and `min` (length or value): maximum
 * lengths, patterns and enums are the service's business. Messages and their order are
 * botocore's, values printed with `str()` as it prints them.
 */
type ValidTypes = readonly string[];

const STR: ValidTypes = ["<class 'str'>"];
const INT: ValidTypes = ["<class 'int'>"];
const FLOAT: ValidTypes = ["<class 'float'>", "<class 'decimal.Decimal'>", "<class 'int'>"];
const BOOL: ValidTypes = ["<class 'bool'>"];
const LIST: ValidTypes = ["<class 'list'>", "<class 'tuple'>"];
const DICT: ValidTypes = ["<class 'dict'>"];
const BLOB: ValidTypes = ["<class 'bytes'>", "<class 'bytearray'>", 'file-like object'];
const TIMESTAMP: ValidTypes = ["<class 'datetime.datetime'>", 'timestamp-string'];

/** All problems, one per line, or `undefined` when the parameters pass. */
export function validateParams(model: ServiceModel, shape: Shape, params: PyValue): string | undefined {
  const errors: string[] = [];
  new Validator(model, errors).validate(params, shape, '');
  return errors.length ? `Parameter validation failed:\n${errors.join('\n')}` : undefined;
}

const displayName = (name: string) => (!name ? 'input' : name.startsWith('.') ? name.slice(1) : name);

class Validator {
  constructor(
    private readonly model: ServiceModel,
    private readonly errors: string[],
  ) {}

  private invalidType(name: string, value: PyValue, valid: ValidTypes): void {
    this.errors.push(`Invalid type for parameter ${displayName(name)}, value: ${pyStr(value)}, type: ${pyTypeName(value)}, valid types: ${valid.join(', ')}`);
  }

  private rangeCheck(name: string, size: bigint | number, shape: Shape, kind: 'length' | 'value', shown: PyValue): void {
    if (shape.min === undefined || !(size < shape.min)) return;
    const label = kind === 'length' ? 'Invalid length' : 'Invalid value';
    const limit = kind === 'length' ? 'valid min length' : 'valid min value';
    this.errors.push(`${label} for parameter ${displayName(name)}, value: ${pyStr(shown)}, ${limit}: ${shape.min}`);
  }

  validate(value: PyValue, shape: Shape, name: string): void {
    switch (shape.type) {
      case 'structure': {
        if (!isDict(value)) return this.invalidType(name, value, DICT);
        for (const required of shape.required ?? []) {
          if (!value.entries.has(required)) this.errors.push(`Missing required parameter in ${displayName(name)}: "${required}"`);
        }
        const members = shape.members ?? {};
        const known: string[] = [];
        for (const key of value.entries.keys()) {
          if (key in members) known.push(key);
          else this.errors.push(`Unknown parameter in ${displayName(name)}: "${key}", must be one of: ${Object.keys(members).join(', ')}`);
        }
        for (const key of known) this.validate(value.entries.get(key) ?? null, shapeAt(this.model, members[key]), `${name}.${key}`);
        return;
      }
      case 'string':
        if (typeof value !== 'string') return this.invalidType(name, value, STR);
        return this.rangeCheck(name, Array.from(value).length, shape, 'length', BigInt(Array.from(value).length));
      case 'list': {
        if (!isList(value)) return this.invalidType(name, value, LIST);
        this.rangeCheck(name, value.length, shape, 'length', BigInt(value.length));
        const member = shapeAt(this.model, shape.member);
        const unconstrained = member.required === undefined && member.min === undefined;
        value.forEach((item, i) => {
          const itemName = `${name}[${i}]`;
          if (unconstrained && isScalarType(member)) {
            const valid = scalarTypes(member);
            if (!matchesScalar(member, item)) this.invalidType(itemName, item, valid);
          } else {
            this.validate(item, member, itemName);
          }
        });
        return;
      }
      case 'map': {
        if (!isDict(value)) return this.invalidType(name, value, DICT);
        const keyShape = shapeAt(this.model, shape.key);
        const valueShape = shapeAt(this.model, shape.value);
        for (const [k, v] of value.entries) {
          this.validate(k, keyShape, `${name} (key: ${k})`);
          this.validate(v, valueShape, `${name}.${k}`);
        }
        return;
      }
      case 'integer':
      case 'long':
        if (!isPyInt(value)) return this.invalidType(name, value, INT);
        return this.rangeCheck(name, typeof value === 'boolean' ? Number(value) : value, shape, 'value', value);
      case 'float':
      case 'double':
        if (!(isPyInt(value) || typeof value === 'number')) return this.invalidType(name, value, FLOAT);
        return this.rangeCheck(name, typeof value === 'boolean' ? Number(value) : value, shape, 'value', value);
      case 'boolean':
        if (typeof value !== 'boolean') this.invalidType(name, value, BOOL);
        return;
      case 'blob':
        if (!(typeof value === 'string' || value instanceof PyBytes)) this.invalidType(name, value, BLOB);
        return;
      case 'timestamp':
        if (!isTimestamp(value)) this.invalidType(name, value, TIMESTAMP);
        return;
    }
  }
}

const isScalarType = (shape: Shape) => ['integer', 'long', 'float', 'double', 'boolean', 'string'].includes(shape.type);

function scalarTypes(shape: Shape): ValidTypes {
  if (shape.type === 'integer' || shape.type === 'long') return INT;
  if (shape.type === 'float' || shape.type === 'double') return FLOAT;
  return shape.type === 'boolean' ? BOOL : STR;
}

function matchesScalar(shape: Shape, v: PyValue): boolean {
  if (shape.type === 'integer' || shape.type === 'long') return isPyInt(v);
  if (shape.type === 'float' || shape.type === 'double') return isPyInt(v) || typeof v === 'number';
  return shape.type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string';
}

/**
 * `parse_to_aware_datetime`: epoch numbers and the date strings dateutil reads. Approximated
 * by ISO 8601 and what `Date.parse` accepts [BEL].
 */
function isTimestamp(v: PyValue): boolean {
  if (typeof v === 'bigint' || typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(v) || !Number.isNaN(Date.parse(v));
}
