import { textWidth } from './eastAsianWidth';
import {
  isDict, isScalar, pyContains, pyGet, pyGetItem, pyIter, pyRound, pySorted, pyStr, pyTruthy, PythonError, pyTypeName, spaces,
  type JsonObject, type JsonValue,
} from './python';

/**
 * `--output table`: awscli's TableFormatter (formatter.py) building a MultiTable (table.py), ported step
 * for step so the column arithmetic, the vertical flip and the odd shapes a --query can produce come out
 * as the CLI prints them. Python exceptions surface as PythonError.
 */
export function renderTable(title: string, value: JsonValue, terminalWidth: number): string {
  const table = new MultiTable(terminalWidth);
  return buildTable(table, title, value, 0) ? table.render() : '';
}

const len = (v: JsonValue): number => textWidth(pyStr(v));

class Section {
  /** null is Python's None: no title line, though `str(None)` still counts towards the width. */
  title: string | null = '';
  headers: string[] = [];
  rows: string[][] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  addHeader(headers: string[]): void {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = headers;
  }

  addRow(row: JsonValue[]): void {
    this.numCols ??= row.length;
    if (row.length !== this.numCols) throw new PythonError(`Row should have ${this.numCols} elements, instead it has ${row.length}`);
    const cells = row.map(pyStr);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  private updateMaxWidths(row: JsonValue[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(len);
      return;
    }
    row.forEach((el, i) => {
      const current = this.maxWidths[i];
      if (current === undefined) throw new PythonError('list index out of range');
      this.maxWidths[i] = Math.max(len(el), current);
    });
  }

  /** Widths scaled to fill maxWidth exactly, the rounding error taken off the first (or last) columns. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pyRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] ?? 0) - 1;
          offBy -= 1;
        } else {
          scaled[i] = (scaled[i] ?? 0) + 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outerPadding: number): number {
    const border = 2;
    const total = this.columnWidths(0).reduce((sum, w) => sum + w + padding, 0) + border + 2 * outerPadding;
    return Math.max(textWidth(this.title ?? 'None') + border + 2 * outerPadding, total);
  }
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | undefined;

  constructor(private readonly terminalWidth: number) {}

  private section(): Section {
    // The formatter always opens a titled section before adding to it.
    if (!this.current) throw new PythonError("'NoneType' object has no attribute 'add_row'");
    return this.current;
  }

  addRowHeader(headers: string[]): void {
    this.section().addHeader(headers);
  }

  addRow(row: JsonValue[]): void {
    this.section().addRow(row);
  }

  newSection(title: string | null, indentLevel: number): void {
    const section = new Section();
    section.title = title;
    section.indentLevel = indentLevel;
    this.sections.push(section);
    this.current = section;
  }

  render(): string {
    let maxWidth = this.maxWidth();
    // Wider than the terminal: every single-row section turns into `key | value` rows.
    if (maxWidth > this.terminalWidth) {
      this.sections = this.sections.map(toVertical);
      maxWidth = this.maxWidth();
    }
    const lines = ['-'.repeat(maxWidth)];
    for (const section of this.sections) renderSection(section, maxWidth, lines);
    return lines.map((line) => `${line}\n`).join('');
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, s.indentLevel)));
  }
}

function toVertical(section: Section): Section {
  if (section.rows.length !== 1 || section.headers.length === 0) return section;
  const flipped = new Section();
  flipped.title = section.title;
  flipped.indentLevel = section.indentLevel;
  const values = section.rows[0] ?? [];
  section.headers.forEach((header, i) => {
    const value = values[i];
    if (value !== undefined) flipped.addRow([header, value]);
  });
  return flipped;
}

function renderSection(section: Section, tableWidth: number, lines: string[]): void {
  const edge = '|'.repeat(section.indentLevel);
  const write = (text: string) => lines.push(edge + text + edge);
  const maxWidth = tableWidth - section.indentLevel * 2;
  if (section.title) {
    write(centerText(section.title, maxWidth, '|', '|'));
    if (section.headers.length === 0 && section.rows.length === 0) write(`+${'-'.repeat(Math.max(0, maxWidth - 2))}+`);
  }
  if (section.headers.length > 0) {
    const widths = section.columnWidths(4, maxWidth);
    const cells = zip(widths, section.headers).map(([w, header], i) => centerText(header, w, i === 0 ? '|' : '', '|'));
    write(lineBreak(widths));
    write(cells.join(''));
  }
  if (section.rows.length > 0) {
    const widths = section.columnWidths(4, maxWidth);
    if (widths.length === 0) return;
    write(lineBreak(widths));
    for (const row of section.rows) write(zip(widths, row).map(([w, cell], i) => alignLeft(cell, w, i === 0 ? '|' : '', '|')).join(''));
    write(lineBreak(widths));
  }
}

const zip = <A, B>(a: readonly A[], b: readonly B[]): [A, B][] => a.slice(0, Math.min(a.length, b.length)).map((x, i) => [x, b[i] as B]);

const lineBreak = (widths: number[]): string =>
  widths.map((w, i) => (i === 0 ? `+${'-'.repeat(Math.max(0, w - 2))}+` : `${'-'.repeat(Math.max(0, w - 1))}+`)).join('');

function centerText(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = textWidth(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const soFar = leftEdge.length + charStart + textLength;
  return leftEdge + spaces(charStart) + text + spaces(length - rightEdge.length - soFar) + rightEdge;
}

function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string): string {
  const textLength = textWidth(text);
  const padding = length - (textLength + 2 + leftEdge.length + rightEdge.length) >= 0 ? 2 : 0;
  const soFar = leftEdge.length + padding + textLength;
  return leftEdge + spaces(padding) + text + spaces(length - soFar - rightEdge.length) + rightEdge;
}

// --- TableFormatter._build_table and friends ---

function buildTable(table: MultiTable, title: string | null, current: JsonValue, indentLevel: number): boolean {
  if (!pyTruthy(current)) return false;
  if (title !== null) table.newSection(title, indentLevel);
  if (Array.isArray(current)) {
    if (isDict(current[0])) {
      buildFromList(table, current, indentLevel, title);
    } else {
      for (const item of current) {
        if (isScalar(item)) table.addRow([item]);
        else if (pyIter(item).every(isScalar)) table.addRow(pyIter(item));
        else buildTable(table, null, item, 0);
      }
    }
  }
  if (isDict(current)) buildFromDict(table, current, indentLevel);
  return true;
}

function buildFromDict(table: MultiTable, current: JsonObject, indentLevel: number): void {
  const { headers, more } = groupScalarKeys(current);
  const [only] = headers;
  if (headers.length === 1 && only !== undefined) {
    // A dict with one scalar prints as a single `key | value` row.
    table.addRow([only, pyGetItem(current, only)]);
  } else if (headers.length > 0) {
    table.addRowHeader(headers.map(pyStr));
    table.addRow(headers.map((k) => pyGetItem(current, k)));
  }
  for (const key of more) buildTable(table, pyStr(key), pyGetItem(current, key), indentLevel + 1);
}

function buildFromList(table: MultiTable, current: JsonValue[], indentLevel: number, title: string | null): void {
  const headers = new HashSet();
  const more = new HashSet();
  for (const item of current) {
    const grouped = groupScalarKeys(item);
    headers.update(grouped.headers);
    more.update(grouped.more);
  }
  const headerKeys = pySorted(headers.values());
  const moreKeys = pySorted(more.values());
  table.addRowHeader(headerKeys.map(pyStr));
  current.forEach((element, i) => {
    if (i > 0 && moreKeys.length > 0) {
      // Each element with nested data repeats the titled header section.
      table.newSection(title, indentLevel);
      table.addRowHeader(headerKeys.map(pyStr));
    }
    table.addRow(headerKeys.map((header) => pyGet(element, pyStr(header), '')));
    for (const key of moreKeys) {
      if (pyContains(element, pyStr(key))) buildTable(table, pyStr(key), pyGetItem(element, key), indentLevel + 1);
    }
  });
}

/** Keys whose values are scalars (the header row) and the rest (nested sections), each sorted. */
function groupScalarKeys(current: JsonValue): { headers: JsonValue[]; more: JsonValue[] } {
  const headers: JsonValue[] = [];
  const more: JsonValue[] = [];
  for (const element of pyIter(current)) {
    if (isScalar(pyGetItem(current, element))) headers.push(element);
    else more.push(element);
  }
  return { headers: pySorted(headers), more: pySorted(more) };
}

/** A Python set of hashable JSON scalars (1 and true are one member, as in Python). */
class HashSet {
  private readonly items = new Map<string, JsonValue>();

  update(values: JsonValue[]): void {
    for (const v of values) {
      if (!isScalar(v)) throw new PythonError(`unhashable type: '${pyTypeName(v)}'`);
      const key = typeof v === 'string' ? `s${v}` : v === null ? 'n' : `#${Number(v)}`;
      if (!this.items.has(key)) this.items.set(key, v);
    }
  }

  values(): JsonValue[] {
    return [...this.items.values()];
  }
}
