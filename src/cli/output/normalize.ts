import type { ServiceName } from '../../sim/core/errors';
import { serviceModels, shapeOf, type ServiceModel, type Shape } from '../../sim/core/model';
import { isDict, type JsonObject, type JsonValue } from './python';

/**
 * What botocore hands the CLI's formatter for a simulator response, walking the operation's output shape:
 * timestamps as `datetime.isoformat()` prints them, and IAM's policy documents URL-decoded and parsed into
 * objects (botocore's `json_decode_policies`). Everything else, key order included, is left alone.
 */
export function normalizeResponse(service: ServiceName, operation: string, response: unknown): JsonValue {
  const model = serviceModels[service];
  const output = model.operations[operation]?.output;
  if (output === undefined) return isDict(response) ? plain(response) : {};
  return walk(model, shapeOf(model, output), response);
}

// botocore decodes IAM's policyDocumentType; the trimmed models have no other policy-document output shape.
const POLICY_DOCUMENT_SHAPES: ReadonlySet<string> = new Set(['policyDocumentType']);

function walk(model: ServiceModel, shape: Shape, value: unknown): JsonValue {
  switch (shape.type) {
    case 'structure': {
      if (!isDict(value)) return plain(value);
      const out: JsonObject = {};
      for (const [key, member] of Object.entries(value)) {
        if (member === undefined) continue;
        const ref = shape.members?.[key];
        if (ref === undefined) out[key] = plain(member);
        else if (POLICY_DOCUMENT_SHAPES.has(ref.shape) && typeof member === 'string') out[key] = decodePolicyDocument(member);
        else out[key] = walk(model, shapeOf(model, ref), member);
      }
      return out;
    }
    case 'list': {
      const memberShape = shape.member ? shapeOf(model, shape.member) : undefined;
      return Array.isArray(value) && memberShape ? value.map((item) => walk(model, memberShape, item)) : plain(value);
    }
    case 'map': {
      const valueShape = shape.value ? shapeOf(model, shape.value) : undefined;
      if (!isDict(value) || !valueShape) return plain(value);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(model, valueShape, v)]));
    }
    case 'timestamp':
      return isoTimestamp(value);
    default:
      return plain(value);
  }
}

/** A JSON copy, dropping what JSON cannot hold (undefined members). */
function plain(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `2026-01-15T09:00:00Z` → `2026-01-15T09:00:00+00:00`; fractions as microseconds, dropped when zero. */
export function isoTimestamp(value: unknown): JsonValue {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const whole = Math.floor(value);
    const iso = new Date(whole * 1000).toISOString().slice(0, 19);
    return `${iso}${micros(String(Math.round((value - whole) * 1e6)).padStart(6, '0'))}+00:00`;
  }
  if (typeof value !== 'string') return plain(value);
  const m = ISO.exec(value);
  if (!m) return value;
  const [, date, time, fraction, zone] = m;
  const offset = zone === undefined || zone.toUpperCase() === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date}T${time}${micros((fraction ?? '').padEnd(6, '0').slice(0, 6))}${offset}`;
}

const micros = (six: string): string => (/^0*$/.test(six) ? '' : `.${six}`);

/** Policy documents travel URL-encoded; the simulator may also hand over the JSON as submitted. */
export function decodePolicyDocument(text: string): JsonValue {
  for (const candidate of [text, unquote(text)]) {
    try {
      return JSON.parse(candidate) as JsonValue;
    } catch {
      // not JSON in this form; botocore then leaves the string as it was
    }
  }
  return text;
}

/** urllib.parse.unquote: `%XX` runs decoded as UTF-8; `+` stays a plus. */
function unquote(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      // [BEL] Python substitutes U+FFFD for bytes that are not UTF-8; the run is kept as it was here.
      return run;
    }
  });
}
