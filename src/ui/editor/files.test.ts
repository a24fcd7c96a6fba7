import { describe, expect, it } from 'vitest';
import { checkNewName, displayName, fileUrlFor, homeFiles, homeFor, insideHome, isFolder, languageFor, MAX_NAME_LENGTH, schemaKindFor, shellWord, type NameCheck } from './files';

const HOME = '/home/learner';
const FILES = ['/home/learner/ec2-role-trust-policy.json', '/home/learner/policies/s3.json', '/home/learner/notes.txt', '/home/ec2-user/token', '/etc/hosts'];

describe('home folder', () => {
  it('is the learner\'s locally and ec2-user\'s inside an instance', () => {
    expect(homeFor({ type: 'local' })).toBe('/home/learner');
    expect(homeFor({ type: 'instance', instanceId: 'i-0123456789abcdef0' })).toBe('/home/ec2-user');
  });

  it('lists the files under the home folder by their relative names, sorted', () => {
    expect(homeFiles(FILES, HOME)).toEqual([
      { path: '/home/learner/ec2-role-trust-policy.json', name: 'ec2-role-trust-policy.json' },
      { path: '/home/learner/notes.txt', name: 'notes.txt' },
      { path: '/home/learner/policies/s3.json', name: 'policies/s3.json' },
    ]);
    expect(homeFiles(FILES, '/home/ec2-user')).toEqual([{ path: '/home/ec2-user/token', name: 'token' }]);
    expect(homeFiles([], HOME)).toEqual([]);
  });

  it.each([
    ['/home/learner/trust.json', true],
    ['/home/learner/a/b.json', true],
    ['/home/ec2-user/x', true],
    ['/home/learner', false],
    ['/home/learner/', false],
    ['/home/learnerx/a', false],
    ['/home/learner/../../etc/passwd', false],
    ['/home/learner/./a', false],
    ['/etc/passwd', false],
    ['/tmp/x', false],
  ])('insideHome(%s) is %s', (path, expected) => {
    expect(insideHome(path)).toBe(expected);
  });

  it.each([
    ['/home/learner', true],
    ['/home/ec2-user', true],
    ['/home/learner/policies', true],
    ['/home/learner/policies/s3.json', false],
    ['/home/learner/pol', false],
  ])('isFolder(%s) is %s', (path, expected) => {
    expect(isFolder(path, FILES)).toBe(expected);
  });
});

describe('new file names', () => {
  it.each<[string, string, NameCheck]>([
    ['a plain name', 'trust.json', { ok: true, path: '/home/learner/trust.json' }],
    ['a name in a new folder', 'policies/ec2/role.json', { ok: true, path: '/home/learner/policies/ec2/role.json' }],
    ['a name in an existing folder', 'policies/iam.json', { ok: true, path: '/home/learner/policies/iam.json' }],
    ['dashes, dots and underscores', 'my_policy-v2.1.json', { ok: true, path: '/home/learner/my_policy-v2.1.json' }],
    ['the longest name', 'a'.repeat(MAX_NAME_LENGTH), { ok: true, path: `/home/learner/${'a'.repeat(MAX_NAME_LENGTH)}` }],
    ['nothing', '', { ok: false, problem: 'empty' }],
    ['too long', 'a'.repeat(MAX_NAME_LENGTH + 1), { ok: false, problem: 'tooLong' }],
    ['a space', 'my policy.json', { ok: false, problem: 'badCharacters' }],
    ['a quote', "it's.json", { ok: false, problem: 'badCharacters' }],
    ['a dollar sign', '$HOME.json', { ok: false, problem: 'badCharacters' }],
    ['Japanese', 'ポリシー.json', { ok: false, problem: 'badCharacters' }],
    ['an absolute path', '/etc/passwd', { ok: false, problem: 'badCharacters' }],
    ['a trailing slash', 'policies/', { ok: false, problem: 'badCharacters' }],
    ['a double slash', 'policies//a.json', { ok: false, problem: 'badCharacters' }],
    ['climbing out', '../ec2-user/x', { ok: false, problem: 'dotSegment' }],
    ['a dot folder', './x.json', { ok: false, problem: 'dotSegment' }],
    ['an existing file', 'notes.txt', { ok: false, problem: 'exists' }],
    ['an existing folder', 'policies', { ok: false, problem: 'folder' }],
    ['under a file', 'notes.txt/more', { ok: false, problem: 'parentIsFile' }],
  ])('%s', (_case, name, expected) => {
    expect(checkNewName(name, HOME, FILES)).toEqual(expected);
  });
});

describe('schema and language for a file', () => {
  it.each([
    ['/home/learner/trust.json', 'trust', 'json'],
    ['/home/learner/ec2-role-trust-policy.json', 'trust', 'json'],
    ['/home/learner/TrustPolicy.JSON', 'trust', 'json'],
    ['/home/learner/s3-read.json', 'identity', 'json'],
    ['/home/learner/trust/policy.json', 'identity', 'json'],
    ['/home/learner/trust.txt', undefined, 'plaintext'],
    ['/home/learner/notes', undefined, 'plaintext'],
    ['/home/learner/json', undefined, 'plaintext'],
  ])('%s: schema %s, language %s', (path, schema, language) => {
    expect(schemaKindFor(path)).toBe(schema);
    expect(languageFor(path)).toBe(language);
  });
});

describe('file:// names, shown names and shell words', () => {
  it.each([
    ['/home/learner/trust.json', 'trust.json'],
    ['/home/learner/policies/s3.json', 'policies/s3.json'],
    ['/home/ec2-user/token', 'token'],
    ['/etc/hosts', '/etc/hosts'],
  ])('%s is shown as %s', (path, expected) => {
    expect(displayName(path)).toBe(expected);
  });

  it.each([
    ['/home/learner/trust.json', '/home/learner', 'file://trust.json'],
    ['/home/learner/policies/s3.json', '/home/learner', 'file://policies/s3.json'],
    ['/home/learner/trust.json', '/home/learner/policies', 'file:///home/learner/trust.json'],
    ['/home/learner/trust.json', '/', 'file://home/learner/trust.json'],
    ['/home/learner2/x', '/home/learner', 'file:///home/learner2/x'],
  ])('%s from %s is %s', (path, cwd, expected) => {
    expect(fileUrlFor(path, cwd)).toBe(expected);
  });

  it.each([
    ['/home/learner/trust.json', '/home/learner/trust.json'],
    ['/home/learner/my file', "'/home/learner/my file'"],
    ["/home/learner/it's", "'/home/learner/it'\\''s'"],
    ['/home/learner/$HOME', "'/home/learner/$HOME'"],
  ])('shellWord(%s) is %s', (text, expected) => {
    expect(shellWord(text)).toBe(expected);
  });
});
