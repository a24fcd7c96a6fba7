import { describe, expect, it } from 'vitest';
import { getCloseMatches, ratio } from './difflib';
import { PyBytes, PyDict, pyInt, pyRepr, pyTypeName, type PyValue } from './py';
import { pyJsonLoads } from './pyjson';
import { xformName } from './xform';

// Expected values were produced by CPython 3.13 (and botocore 1.43 for xform_name).

describe('xform_name', () => {
  it.each([
    ['DescribeIamInstanceProfileAssociations', 'describe-iam-instance-profile-associations'],
    ['GetCallerIdentity', 'get-caller-identity'],
    ['ResourceARNList', 'resource-arn-list'],
    ['DryRun', 'dry-run'],
    ['Ipv6AddressCount', 'ipv6-address-count'],
    ['IamInstanceProfile', 'iam-instance-profile'],
    ['ResourcesPerPage', 'resources-per-page'],
    ['ListInstanceProfilesForRole', 'list-instance-profiles-for-role'],
    ['SecurityGroupIds', 'security-group-ids'],
    ['InstanceProfileExists', 'instance-profile-exists'],
    ['HttpPutResponseHopLimit', 'http-put-response-hop-limit'],
    ['EnablePrimaryIpv6', 'enable-primary-ipv6'],
    ['CPUOptions', 'cpu-options'],
    ['GatewayARNs', 'gateway-arns'],
    ['SomeCNAMEs', 'some-cnames'],
    ['already-kebab', 'already-kebab'],
  ])('%s → %s', (name, expected) => {
    expect(xformName(name)).toBe(expected);
  });
});

const IAM_OPERATIONS = [
  'create-role', 'get-role', 'list-roles', 'update-role', 'update-assume-role-policy', 'delete-role', 'put-role-policy', 'get-role-policy',
  'list-role-policies', 'delete-role-policy', 'create-policy', 'get-policy', 'get-policy-version', 'list-policies', 'delete-policy',
  'attach-role-policy', 'detach-role-policy', 'list-attached-role-policies', 'list-entities-for-policy', 'tag-role', 'untag-role',
  'list-role-tags', 'create-instance-profile', 'get-instance-profile', 'list-instance-profiles', 'list-instance-profiles-for-role',
  'add-role-to-instance-profile', 'remove-role-from-instance-profile', 'delete-instance-profile', 'tag-instance-profile',
  'untag-instance-profile', 'list-instance-profile-tags', 'wait', 'help',
];

describe('difflib.get_close_matches', () => {
  it.each<[string, string[], string[]]>([
    ['create-rolez', ['create-role'], ['create-role', 'create-policy', 'get-role']],
    ['get-rol', ['get-role'], ['get-role', 'get-policy', 'tag-role']],
    ['list-role', ['list-roles'], ['list-roles', 'list-role-tags', 'list-policies']],
    ['delete-roles', ['delete-role'], ['delete-role', 'delete-role-policy', 'list-roles']],
    ['creat-role', ['create-role'], ['create-role', 'get-role', 'create-policy']],
    ['list-instance-profile', ['list-instance-profiles', 'list-instance-profile-tags', 'tag-instance-profile'], ['list-instance-profiles', 'list-instance-profile-tags', 'tag-instance-profile']],
    ['tag-rol', ['tag-role', 'untag-role'], ['tag-role', 'untag-role', 'get-role']],
    ['gte-role', ['get-role'], ['get-role', 'tag-role', 'update-role']],
    ['x', [], []],
    ['', [], []],
    ['list-role-tag', ['list-role-tags'], ['list-role-tags', 'list-roles', 'list-instance-profile-tags']],
    ['add-role-to-instance-profiles', ['add-role-to-instance-profile', 'delete-instance-profile'], ['add-role-to-instance-profile', 'delete-instance-profile', 'list-instance-profiles']],
    ['wiat', [], ['wait']],
  ])('%s', (word, at08, at06) => {
    expect(getCloseMatches(word, IAM_OPERATIONS, 3, 0.8)).toEqual(at08);
    expect(getCloseMatches(word, IAM_OPERATIONS)).toEqual(at06);
  });

  it.each<[string, string, number]>([
    ['abcd', 'bcde', 0.75],
    ['create-role', 'create-rolez', 0.9565217391304348],
    ['', '', 1.0],
    ['a', '', 0.0],
    ['kitten', 'sitting', 0.6153846153846154],
    // Long second sequences trigger the autojunk heuristic: popular elements stop matching.
    [`${'x'.repeat(250)}y`, `y${'x'.repeat(250)}`, 0.00398406374501992],
    ['abxcd'.repeat(60), 'abcd'.repeat(70), 0.006896551724137931],
  ])('ratio(%j, %j)', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

describe('Python repr and int()', () => {
  it.each<[PyValue, string]>([
    ['abc', "'abc'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['tab\tnl\nbs\\', "'tab\\tnl\\nbs\\\\'"],
    ['\x00\x1f\x7f', "'\\x00\\x1f\\x7f'"],
    ['é日本😀', "'é日本😀'"],
    ['\u2028\xa0', "'\\u2028\\xa0'"],
    ['', "''"],
    [1.0, '1.0'],
    [1.5, '1.5'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [1e-4, '0.0001'],
    [1e-5, '1e-05'],
    [0.1 + 0.2, '0.30000000000000004'],
    [-0.0, '-0.0'],
    [Infinity, 'inf'],
    [2.5e-7, '2.5e-07'],
    [5n, '5'],
    [true, 'True'],
    [null, 'None'],
    [['x', 'Arn'], "['x', 'Arn']"],
    [new PyDict(new Map<string, PyValue>([['a', 1n]])), "{'a': 1}"],
    [new PyDict(new Map<string, PyValue>([['a', 1n]]), true), "OrderedDict({'a': 1})"],
    [new PyDict(new Map(), true), 'OrderedDict()'],
    [new PyBytes('{"a": 1}'), `b'{"a": 1}'`],
  ])('repr case %#', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it.each<[PyValue, string]>([
    ['s', "<class 'str'>"],
    [[], "<class 'list'>"],
    [new PyDict(), "<class 'dict'>"],
    [new PyDict(new Map(), true), "<class 'collections.OrderedDict'>"],
    [1.5, "<class 'float'>"],
    [1n, "<class 'int'>"],
    [false, "<class 'bool'>"],
    [null, "<class 'NoneType'>"],
    [new PyBytes(''), "<class 'bytes'>"],
  ])('type case %#', (value, expected) => {
    expect(pyTypeName(value)).toBe(expected);
  });

  it.each<[string, string | bigint]>([
    [' 42 ', 42n],
    ['+7', 7n],
    ['-0', 0n],
    ['1_000', 1000n],
    ['007', 7n],
    ['١٢', 12n],
    ['1__0', "invalid literal for int() with base 10: '1__0'"],
    ['_1', "invalid literal for int() with base 10: '_1'"],
    ['1_', "invalid literal for int() with base 10: '1_'"],
    ['4.0', "invalid literal for int() with base 10: '4.0'"],
    ['', "invalid literal for int() with base 10: ''"],
    ['  ', "invalid literal for int() with base 10: '  '"],
    ['0x10', "invalid literal for int() with base 10: '0x10'"],
    ['12a', "invalid literal for int() with base 10: '12a'"],
  ])('int(%j)', (text, expected) => {
    const result = pyInt(text);
    expect(result.ok ? result.value : result.message).toEqual(expected);
  });
});

describe('json.loads', () => {
  it.each<[string, string]>([
    ['{}', 'OrderedDict()'],
    ['[]', '[]'],
    ['1.5', '1.5'],
    ['1e5', '100000.0'],
    ['-0', '0'],
    ['NaN', 'nan'],
    ['Infinity', 'inf'],
    ['-Infinity', '-inf'],
    ['[true, false, null]', '[True, False, None]'],
    ['{"a": {"b": [1, 2.0, "x"]}, "a": 3}', "OrderedDict({'a': 3})"],
    ['{"é": "日本"}', "OrderedDict({'é': '日本'})"],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['"\\u0041"', "'A'"],
    ['"\\/\\b\\f\\n\\r\\t\\"\\\\"', `'/\\x08\\x0c\\n\\r\\t"\\\\'`],
    ['"\\ud83d\\ude00"', "'😀'"],
    ['"\\ud83d\\u0041"', "'\\ud83dA'"],
    ['"\\ud83dx"', "'\\ud83dx'"],
    ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}', "OrderedDict({'Version': '2012-10-17', 'Statement': [OrderedDict({'Effect': 'Allow'})]})"],
  ])('%s', (text, expected) => {
    const result = pyJsonLoads(text, true);
    expect(result.ok ? pyRepr(result.value) : result.message).toBe(expected);
  });

  it.each<[string, string]>([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    [' ', 'Expecting value: line 1 column 2 (char 1)'],
    ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[', 'Expecting value: line 1 column 2 (char 1)'],
    [']', 'Expecting value: line 1 column 1 (char 0)'],
    ['[1,]', 'Illegal trailing comma before end of array: line 1 column 3 (char 2)'],
    ['{"a":1,}', 'Illegal trailing comma before end of object: line 1 column 7 (char 6)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{"a":}', 'Expecting value: line 1 column 6 (char 5)'],
    ['{a:1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ["{'a': 1}", 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['[1,,2]', 'Expecting value: line 1 column 4 (char 3)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\qb"', 'Invalid \\escape: line 1 column 3 (char 2)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"\\u12zz"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['"a\tb"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['1 2', 'Extra data: line 1 column 3 (char 2)'],
    ['01', 'Extra data: line 1 column 2 (char 1)'],
    ['-', 'Expecting value: line 1 column 1 (char 0)'],
    ['-a', 'Expecting value: line 1 column 1 (char 0)'],
    ['1.', 'Extra data: line 1 column 2 (char 1)'],
    ['1e', 'Extra data: line 1 column 2 (char 1)'],
    ['1e+', 'Extra data: line 1 column 2 (char 1)'],
    ['nul', 'Expecting value: line 1 column 1 (char 0)'],
    ['true false', 'Extra data: line 1 column 6 (char 5)'],
    ['\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
    ['{\n  "Key": "a",\n}', 'Illegal trailing comma before end of object: line 2 column 13 (char 14)'],
    ['[\n 1,\n 2\n', "Expecting ',' delimiter: line 4 column 1 (char 9)"],
    ['[1, 2', "Expecting ',' delimiter: line 1 column 6 (char 5)"],
    ['{"a": 1', "Expecting ',' delimiter: line 1 column 8 (char 7)"],
    ['{"a"', "Expecting ':' delimiter: line 1 column 5 (char 4)"],
    ['  [ ]  x', 'Extra data: line 1 column 8 (char 7)'],
    ['["a",\n "b",]', 'Illegal trailing comma before end of array: line 2 column 5 (char 10)'],
  ])('%j fails as Python does', (text, expected) => {
    const result = pyJsonLoads(text, true);
    expect(result.ok ? pyRepr(result.value) : result.message).toBe(expected);
  });
});
