import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOutput, type OutputFormat } from './format';
import type { JsonValue } from './python';

const FORMATS: readonly OutputFormat[] = ['json', 'yaml', 'yaml-stream', 'text', 'table', 'off'];

describe('formatOutput on any JSON value', () => {
  it.each(FORMATS)('never throws with --output %s; CLI failures come back as rc 255', (format) => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 1, max: 200 }), (value, terminalWidth) => {
        const result = formatOutput(value as JsonValue, { format, operationName: 'GetRole', terminalWidth });
        expect(typeof result.stdout).toBe('string');
        if (result.error) {
          expect(result.error.exitCode).toBe(255);
          expect(['text', 'table']).toContain(format);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prints json that parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const { stdout } = formatOutput(value as JsonValue, { format: 'json', operationName: 'GetRole' });
        const empty = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
        if (empty) expect(stdout).toBe('');
        else expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});
