import type { ServiceModel, Shape, ShapeRef } from '../../sim/core/model';
import { getParamFile, type FileContext } from './paramfile';
import { PyBytes, PyDict, isDict, isList, pyFloat, pyInt, pyShortTypeName, pyStr, pyStrip, type PyValue } from './py';
import { pyJsonLoads } from './pyjson';
import { parseShorthand } from './shorthand';

/**
 * How the AWS CLI turns one option's text into the value it sends (`argprocess.py`): load a
 * `file://`, then shorthand or JSON for structures, maps and lists of structures, split
 * lists, convert numbers, and patch shorthand results to the model (`BackCompatVisitor`).
 */

/**
 * ParamError and friends (rc 252), or a Python exception the CLI lets through (rc 255); its
 * class matters where the CLI catches only some of them.
 */
export type PyException = 'ValueError' | 'TypeError' | 'OverflowError' | 'AttributeError' | 'IndexError';
export type Failure = { kind: 'param'; message: string } | { kind: 'general'; message: string; exception: PyException };
export type Unpacked = { ok: true; value: PyValue } | { ok: false; error: Failure };

const paramError = (cliName: string, message: string): Unpacked => ({ ok: false, error: { kind: 'param', message: `Error parsing parameter '${cliName}': ${message}` } });
const general = (exception: PyException, message: string): Unpacked => ({ ok: false, error: { kind: 'general', exception, message } });

export const shapeAt = (model: ServiceModel, ref: ShapeRef | undefined): Shape => {
  const shape = ref ? model.shapes[ref.shape] : undefined;
  if (!shape) throw new Error(`Service model has no shape ${ref?.shape ?? '(none)'}`);
  return shape;
};

const SCALARS: ReadonlySet<Shape['type']> = new Set(['string', 'float', 'integer', 'long', 'boolean', 'double', 'blob', 'timestamp']);
const isComplex = (shape: Shape) => shape.type === 'structure' || shape.type === 'map' || shape.type === 'list';

/** `load-cli-arg`: a one-element list or a string may name a file; its contents replace the value. */
export function loadParamFile(cliName: string, value: PyValue, files: FileContext): Unpacked {
  const candidate = isList(value) && value.length === 1 ? (value[0] ?? null) : value;
  const loaded = getParamFile(candidate, files);
  if (!loaded.ok) return paramError(cliName, loaded.message);
  return { ok: true, value: loaded.value ?? value };
}

/** `process-cli-arg`: shorthand when the shape allows it and the text does not look like JSON. */
export function processArgument(model: ServiceModel, shape: Shape, cliName: string, value: PyValue, files: FileContext): Unpacked {
  const check = isList(value) && value.length > 0 ? value[0] : value;
  const looksJson = typeof check === 'string' && /^[[{]/.test(pyStrip(check));
  const shorthand = !looksJson && isComplex(shape) && (shape.type !== 'list' || isComplex(shapeAt(model, shape.member)));
  if (!shorthand) return unpackCliArg(model, shape, value, cliName);
  const texts = isList(value) ? value : [value];
  const parsed: PyValue[] = [];
  for (const text of texts) {
    if (typeof text !== 'string') return general('TypeError', `'in <string>' requires string as left operand, not int`);
    const result = parseShorthand(text, (v) => getParamFile(v, files));
    if (!result.ok) return result.error.kind === 'syntax' ? paramError(cliName, result.error.message) : { ok: false, error: { kind: 'general', exception: 'ValueError', message: result.error.message } };
    parsed.push(result.value);
  }
  const out: PyValue = isList(value) ? parsed : (parsed[0] ?? null);
  const fixed = backCompat(model, shape, out);
  return fixed.ok ? { ok: true, value: out } : fixed;
}

/** `BackCompatVisitor`: fixes shorthand values in place to what the model expects. */
function backCompat(model: ServiceModel, shape: Shape, value: PyValue): Unpacked {
  try {
    visit(model, shape, value, (v) => void v);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof VisitError) return general(e.exception, e.message);
    throw e;
  }
}

// Python raises ValueError/TypeError/AttributeError from inside the visitor; so does this walk.
class VisitError {
  constructor(
    readonly exception: PyException,
    readonly message: string,
  ) {}
}

function visit(model: ServiceModel, shape: Shape, value: PyValue, replace: (v: PyValue) => void): void {
  switch (shape.type) {
    case 'structure': {
      if (!isDict(value)) return;
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        visit(model, shapeAt(model, ref), value.entries.get(name) ?? null, (v) => {
          value.entries.set(name, v);
        });
      }
      return;
    }
    case 'list': {
      if (!isList(value)) {
        // `foo=bar` where a list is expected becomes ['bar'] (and is not visited further).
        if (value !== null) replace([value]);
        return;
      }
      const member = shapeAt(model, shape.member);
      value.forEach((element, i) => visit(model, member, element, (v) => (value[i] = v)));
      return;
    }
    case 'map': {
      if (!isDict(value)) return;
      const valueShape = shapeAt(model, shape.value);
      for (const [k, v] of value.entries) visit(model, valueShape, v, (x) => value.entries.set(k, x));
      return;
    }
    case 'integer':
    case 'long': {
      if (value === null) return;
      const n = pyInt(value);
      if (!n.ok) throw new VisitError(n.exception, n.message);
      replace(n.value);
      return;
    }
    case 'float':
    case 'double': {
      if (value === null) return;
      const f = pyFloat(value);
      if (!f.ok) throw new VisitError(f.exception, f.message);
      replace(f.value);
      return;
    }
    case 'boolean': {
      if (value === null) return;
      if (typeof value !== 'string') throw new VisitError('AttributeError', `'${pyShortTypeName(value)}' object has no attribute 'lower'`);
      if (value.toLowerCase() === 'true') replace(true);
      else if (value.toLowerCase() === 'false') replace(false);
      return;
    }
    case 'string':
    case 'timestamp':
    case 'blob':
      return;
  }
}

/** `unpack_cli_arg`: JSON for complex values, lists split into members, numbers converted. */
export function unpackCliArg(model: ServiceModel, shape: Shape, value: PyValue, cliName: string): Unpacked {
  if (SCALARS.has(shape.type)) return unpackScalar(shape, value);
  if (shape.type === 'structure' || shape.type === 'map') {
    if (typeof value !== 'string') return general('AttributeError', `'${pyShortTypeName(value)}' object has no attribute 'lstrip'`);
    const text = pyStrip(value);
    if (text === '') return general('IndexError', 'string index out of range');
    if (text.startsWith('{')) return unpackJson(value, cliName);
    return paramError(cliName, `Invalid JSON:\n${value}`);
  }
  if (typeof value === 'string') {
    const text = pyStrip(value);
    if (text === '') return general('IndexError', 'string index out of range');
    if (text.startsWith('[')) return unpackJson(value, cliName);
  } else if (isList(value) && value.length === 1 && typeof value[0] === 'string') {
    if (pyStrip(value[0]).startsWith('[')) return unpackJson(value[0], cliName);
  }
  const member = shapeAt(model, shape.member);
  const items: PyValue[] = typeof value === 'string' ? Array.from(value) : value instanceof PyBytes ? byteValues(value) : isList(value) ? value : [];
  const out: PyValue[] = [];
  for (const item of items) {
    const unpacked = unpackCliArg(model, member, item, cliName);
    if (!unpacked.ok) {
      // A ValueError or TypeError from a member is reported against the whole option.
      if (unpacked.error.kind === 'general' && (unpacked.error.exception === 'ValueError' || unpacked.error.exception === 'TypeError')) {
        return paramError(cliName, pyStr(items[0] ?? null));
      }
      return unpacked;
    }
    out.push(unpacked.value);
  }
  return { ok: true, value: out };
}

const byteValues = (b: PyBytes): PyValue[] => Array.from(b.text, (c) => BigInt(c.codePointAt(0) ?? 0));

function unpackJson(text: string, cliName: string): Unpacked {
  const parsed = pyJsonLoads(text, true);
  return parsed.ok ? parsed : paramError(cliName, `Invalid JSON: ${parsed.message}\nJSON received: ${text}`);
}

/** `unpack_scalar_cli_arg`. */
function unpackScalar(shape: Shape, value: PyValue): Unpacked {
  switch (shape.type) {
    case 'integer':
    case 'long': {
      const n = pyInt(value);
      return n.ok ? { ok: true, value: n.value } : general(n.exception, n.message);
    }
    case 'float':
    case 'double': {
      const f = pyFloat(value);
      return f.ok ? { ok: true, value: f.value } : general(f.exception, f.message);
    }
    case 'boolean':
      if (typeof value === 'string') return { ok: true, value: value.toLowerCase() === 'false' ? false : value !== '' };
      return { ok: true, value: truthy(value) };
    default:
      return { ok: true, value };
  }
}

const truthy = (v: PyValue): boolean =>
  v === null ? false : typeof v === 'boolean' ? v : typeof v === 'bigint' ? v !== 0n : typeof v === 'number' ? v !== 0 : v instanceof PyBytes ? v.text !== '' : v instanceof PyDict ? v.entries.size > 0 : typeof v === 'string' ? v !== '' : v.length > 0;
