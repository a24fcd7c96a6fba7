import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOutput, type FormatResult, type OutputFormat } from './format';
import type { JsonValue } from './python';

// Odd shapes, quoting, numbers, wide characters and terminal widths, with the stdout (and, where the
// CLI's own code raises, the error) that the AWS CLI's formatter code and ruamel produce for them.
interface EdgeCase {
  name: string;
  operation: string;
  terminalWidth: number;
  value: JsonValue;
  expected: Record<'json' | 'text' | 'table' | 'yaml', FormatResult>;
}

const cases = JSON.parse(readFileSync(new URL('./__fixtures__/edge-cases.json', import.meta.url), 'utf8')) as EdgeCase[];
const rows = cases.flatMap((c) => (['json', 'text', 'table', 'yaml'] as const satisfies readonly OutputFormat[]).map((format) => ({ ...c, format })));

describe('edge cases against the CLI', () => {
  it.each(rows)('$name --output $format', ({ value, operation, terminalWidth, format, expected }) => {
    expect(formatOutput(value, { format, operationName: operation, terminalWidth })).toEqual(expected[format]);
  });
});
