import { comparePy, isDict, isScalar, PythonError, pyStr, pyTypeName, sortedKeys, type JsonObject, type JsonValue } from './python';

/**
 * `--output text`: awscli/text.py. Lines go to `out` as they are written, so a failure part-way leaves
 * what the CLI had already printed.
 */
export function writeText(value: JsonValue, out: string[]): void {
  formatItem(value, out, undefined, undefined);
}

function formatItem(item: JsonValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (isDict(item)) formatDict(item, out, identifier, scalarKeys);
  else if (Array.isArray(item)) formatList(item, out, identifier);
  else out.push(`${pyStr(item)}\n`);
}

function formatList(items: JsonValue[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some(isDict)) {
    const allKeys = allScalarKeys(items);
    for (const element of items) formatItem(element, out, identifier, allKeys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter(isScalar);
    if (scalars.length > 0) formatScalarList(scalars, out, identifier);
    for (const nested of items.filter((el) => !isScalar(el))) formatItem(nested, out, identifier, undefined);
  } else {
    formatScalarList(items, out, identifier);
  }
}

function formatScalarList(items: JsonValue[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of items) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  } else {
    // A bare list (after --query) is one tab-separated line.
    out.push(`${items.map(pyStr).join('\t')}\n`);
  }
}

function formatDict(item: JsonObject, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const { scalars, nested } = partition(item, scalarKeys);
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nested) formatItem(value, out, key, undefined);
}

// Every element must be a dict here: Python calls `.items()` on each.
function allScalarKeys(items: JsonValue[]): string[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (!isDict(item)) throw new PythonError(`'${pyTypeName(item)}' object has no attribute 'items'`);
    for (const [key, value] of Object.entries(item)) if (isScalar(value)) seen.add(key);
  }
  return [...seen].sort(comparePy);
}

function partition(item: JsonObject, scalarKeys: string[] | undefined): { scalars: string[]; nested: [string, JsonValue][] } {
  const scalars: string[] = [];
  const nested: [string, JsonValue][] = [];
  if (scalarKeys === undefined) {
    for (const key of sortedKeys(item)) {
      const value = item[key] as JsonValue;
      if (isScalar(value)) scalars.push(pyStr(value));
      else nested.push([key, value]);
    }
  } else {
    // Columns are the union across the list; a value missing here prints as an empty string.
    for (const key of scalarKeys) scalars.push(pyStr(Object.hasOwn(item, key) ? (item[key] as JsonValue) : ''));
    const known = new Set(scalarKeys);
    for (const key of sortedKeys(item)) if (!known.has(key)) nested.push([key, item[key] as JsonValue]);
  }
  return { scalars, nested };
}
