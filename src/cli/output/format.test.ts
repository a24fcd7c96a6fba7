import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatOutput, type OutputFormat } from './format';
import type { JsonValue } from './python';

// Each fixture: <name>.json is both the formatter's input and its expected `--output json`; the other
// files are the expected table, text and yaml. `recorded/` holds the real CLI's captures verbatim
// (emulator values); the top level the same layouts with AWS's values, regenerated with the CLI's own
// formatter code and ruamel (see __fixtures__/README.md).
const FIXTURES: readonly (readonly [name: string, operation: string])[] = [
  ['get-instance-profile', 'GetInstanceProfile'],
  ['list-instance-profiles', 'ListInstanceProfiles'],
  ['list-instance-profiles-for-role', 'ListInstanceProfilesForRole'],
  ['list-roles', 'ListRoles'],
  ['list-role-tags', 'ListRoleTags'],
  ['describe-iam-instance-profile-associations', 'DescribeIamInstanceProfileAssociations'],
  ['describe-instances', 'DescribeInstances'],
  ['describe-instances-query-arns', 'DescribeInstances'],
  ['describe-instances-query-rows', 'DescribeInstances'],
];

const dir = new URL('./__fixtures__/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), 'utf8');

for (const set of ['', 'recorded/']) {
  describe(`fixtures ${set || '(AWS values)'}`, () => {
    const cases = FIXTURES.flatMap(([name, operation]) =>
      (['json', 'table', 'text', 'yaml'] as const satisfies readonly OutputFormat[])
        .map((format) => ({ name, operation, format, file: `${set}${name}.${format === 'json' ? 'json' : `${format}.txt`}` }))
        .filter(({ file }) => existsSync(new URL(file, dir))));
    it.each(cases)('$name --output $format', ({ name, operation, format, file }) => {
      const value = JSON.parse(read(`${set}${name}.json`)) as JsonValue;
      expect(formatOutput(value, { format, operationName: operation })).toEqual({ stdout: read(file) });
    });
  });
}
