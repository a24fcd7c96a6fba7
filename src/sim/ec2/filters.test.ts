import { describe, expect, it } from 'vitest';
import { ec2ValidationError } from './errors';
import { compileFilters, type FilterSchema } from './filters';
import { paginate } from './paging';

interface Item {
  name: string;
  groups: string[];
  tags: { Key: string; Value: string }[];
}

const schema: FilterSchema<Item> = { fields: { name: (i) => i.name, group: (i) => i.groups }, tags: (i) => i.tags };

const matches = (values: string[], name: string): boolean => {
  const compiled = compileFilters([{ Name: 'name', Values: values }], schema);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.value({ name, groups: [], tags: [] });
};

describe('filter values', () => {
  it.each<[string, string, boolean]>([
    ['web', 'web', true],
    ['web', 'Web', false],
    ['web', 'web-1', false],
    ['web*', 'web-1', true],
    ['web*', 'web', true],
    ['*-1', 'web-1', true],
    ['w?b', 'web', true],
    ['w?b', 'wb', false],
    ['a.c', 'abc', false],
    ['(x)+', '(x)+', true],
    ['web\\*', 'web*', true],
    ['web\\*', 'web-1', false],
    ['a\\?c', 'a?c', true],
    ['a\\\\b', 'a\\b', true],
    ['*\n*', 'line\nbreak', true],
  ])('%j against %j → %s', (value, name, expected) => {
    expect(matches([value], name)).toBe(expected);
  });

  it('matches any of several values, any of several field values, and all filters together', () => {
    const item: Item = { name: 'db', groups: ['default', 'ssh'], tags: [{ Key: 'env', Value: 'prod' }] };
    const run = (filters: { Name: string; Values: string[] }[]) => {
      const compiled = compileFilters(filters, schema);
      return compiled.ok && compiled.value(item);
    };
    expect(run([{ Name: 'name', Values: ['web', 'db'] }])).toBe(true);
    expect(run([{ Name: 'group', Values: ['ssh'] }])).toBe(true);
    expect(run([{ Name: 'group', Values: ['ssh'] }, { Name: 'tag:env', Values: ['dev'] }])).toBe(false);
    expect(run([{ Name: 'tag-key', Values: ['e*'] }, { Name: 'tag-value', Values: ['prod'] }])).toBe(true);
    expect(run([])).toBe(true);
  });

  it('rejects names the schema does not know, including prototype properties', () => {
    for (const name of ['nope', 'constructor', 'toString']) {
      const compiled = compileFilters([{ Name: name, Values: ['x'] }], schema);
      expect(compiled.ok ? undefined : [compiled.error.code, compiled.error.message]).toEqual(['InvalidParameterValue', `The filter '${name}' is invalid`]);
    }
    const untagged = compileFilters([{ Name: 'tag:env', Values: ['x'] }], { fields: schema.fields });
    expect(untagged.ok).toBe(false);
  });
});

describe('paging', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const page = (max: number | undefined, token?: string) => {
    const result = paginate(items, (x) => x, max, token);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('walks the list in order and ends without a token', () => {
    const first = page(2);
    expect(first.items).toEqual(['a', 'b']);
    expect(first.nextToken).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const second = page(2, first.nextToken);
    expect(second.items).toEqual(['c', 'd']);
    expect(page(2, second.nextToken)).toEqual({ items: ['e'] });
    expect(page(undefined)).toEqual({ items });
    expect(page(5)).toEqual({ items });
  });

  it.each(['', 'abc', '!!!!', 'eHl6'])('rejects the token %j', (token) => {
    const result = paginate(items, (x) => x, 2, token);
    expect(result.ok ? undefined : [result.error.code, result.error.message]).toEqual(['InvalidNextToken', `The token '${token}' is invalid`]);
  });
});

describe('EC2 wording of model violations', () => {
  it('reports a value of the wrong type as an invalid parameter value', () => {
    const error = ec2ValidationError('RunInstances', [{ path: 'minCount', value: 'one', constraint: 'type', detail: 'Member must be a number' }]);
    expect([error.code, error.message]).toEqual(['InvalidParameterValue', "1 validation error detected: Value 'one' at 'minCount' failed to satisfy constraint: Member must be a number"]);
  });
});
