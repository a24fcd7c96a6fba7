import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parse';
import { expandWord, type ExpansionContext } from './expand';
import type { Script } from './ast';

const vars: Record<string, string> = { TOKEN: 'tok en', HOME: '/home/learner', EMPTY: '', IDS: 'i-1 i-2\ni-3' };
const ctx: ExpansionContext = {
  variable: (name) => vars[name],
  substitute: (source) => `<${source}>\n\n`,
};

function argv(source: string): string[][] {
  const result = parse(source);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result)}`);
  return result.script.map((item) => item.command.words.flatMap((w) => expandWord(w, ctx)));
}

function script(source: string): Script {
  const result = parse(source);
  if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result)}`);
  return result.script;
}

describe('parse and expand', () => {
  it.each([
    ['aws iam list-roles', [['aws', 'iam', 'list-roles']]],
    ['aws iam get-role --role-name "my role"', [['aws', 'iam', 'get-role', '--role-name', 'my role']]],
    [`echo 'single $TOKEN' "double $TOKEN" $TOKEN`, [['echo', 'single $TOKEN', 'double tok en', 'tok', 'en']]],
    ['echo ${TOKEN}x "$EMPTY" $EMPTY end', [['echo', 'tok', 'enx', '', 'end']]],
    ['echo a\\ b \\$HOME ~ ~/x', [['echo', 'a b', '$HOME', '/home/learner', '/home/learner/x']]],
    ['echo "a\\"b\\\\c\\d"', [['echo', 'a"b\\c\\d']]],
    ['echo $IDS', [['echo', 'i-1', 'i-2', 'i-3']]],
    ['echo "$(aws sts get-caller-identity)"', [['echo', '<aws sts get-caller-identity>']]],
    ['echo $(echo "a)b")', [['echo', '<echo', '"a)b">']]],
    ['echo `echo hi`', [['echo', '<echo', 'hi>']]],
    ['aws iam list-roles # a comment', [['aws', 'iam', 'list-roles']]],
    ['# only a comment', []],
    ['a; b && c || d', [['a'], ['b'], ['c'], ['d']]],
    ['a\nb\n\n', [['a'], ['b']]],
    ['echo 5$', [['echo', '5$']]],
    ['echo ""', [['echo', '']]],
  ])('%j', (source, expected) => {
    expect(argv(source)).toEqual(expected);
  });

  it('joins backslash-newline continuations, as the AWS docs print multi-line commands', () => {
    const source = 'aws iam create-role \\\n    --role-name s3access \\\n    --assume-role-policy-document file://ec2-role-trust-policy.json';
    expect(argv(source)).toEqual([['aws', 'iam', 'create-role', '--role-name', 's3access', '--assume-role-policy-document', 'file://ec2-role-trust-policy.json']]);
  });

  it('treats a lone " \\ " inside a line as a lost line break, as docs pages flatten commands', () => {
    expect(argv('aws iam put-role-policy \\ --role-name s3access \\ --policy-name S3-Permissions')).toEqual([
      ['aws', 'iam', 'put-role-policy', '--role-name', 's3access', '--policy-name', 'S3-Permissions'],
    ]);
  });

  it('parses the IMDSv2 example from the EC2 user guide, in both its forms', () => {
    const twoLines =
      'TOKEN=`curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"` \\\n&& curl -H "X-aws-ec2-metadata-token: $TOKEN" -v http://169.254.169.254/latest/meta-data/iam/security-credentials/s3access';
    const flattened = twoLines.replace('\\\n', '\\ ');
    for (const source of [twoLines, flattened]) {
      const items = script(source);
      expect(items).toHaveLength(2);
      expect(items[0]?.command.assignments.map((a) => a.name)).toEqual(['TOKEN']);
      expect(items[0]?.command.assignments[0]?.value.parts[0]).toEqual({
        type: 'command',
        source: 'curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"',
        quoted: false,
      });
      expect(items[0]?.command.words).toEqual([]);
      expect(items[1]?.connector).toBe('&&');
      expect(items[1]?.command.words.flatMap((w) => expandWord(w, ctx))).toEqual([
        'curl', '-H', 'X-aws-ec2-metadata-token: tok en', '-v', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/s3access',
      ]);
    }
  });

  it('parses redirections', () => {
    const [item] = script('echo \'{"a":1}\' > trust.json 2>&1');
    expect(item?.command.redirects.map((r) => r.op)).toEqual(['>', '2>&1']);
    expect(item?.command.redirects[0]?.target?.raw).toBe('trust.json');
    expect(script('echo x >> log.txt')[0]?.command.redirects[0]?.op).toBe('>>');
    expect(script('echo a2>b')[0]?.command.words.map((w) => w.raw)).toEqual(['echo', 'a2']);
  });

  it.each([
    ['echo "open', { ok: false, kind: 'incomplete', awaiting: '"' }],
    ["echo 'open", { ok: false, kind: 'incomplete', awaiting: "'" }],
    ['echo `open', { ok: false, kind: 'incomplete', awaiting: '`' }],
    ['echo $(open', { ok: false, kind: 'incomplete', awaiting: ')' }],
    ['aws iam list-roles \\', { ok: false, kind: 'incomplete', awaiting: '\\' }],
    ['aws iam list-roles &&', { ok: false, kind: 'incomplete', awaiting: '&&' }],
    ['&& ls', { ok: false, kind: 'syntax', message: "bash: syntax error near unexpected token `&&'" }],
    ['ls ;; ls', { ok: false, kind: 'syntax', message: "bash: syntax error near unexpected token `;'" }],
    ['ls; && ls', { ok: false, kind: 'syntax', message: "bash: syntax error near unexpected token `&&'" }],
    ['echo >', { ok: false, kind: 'syntax', message: "bash: syntax error near unexpected token `newline'" }],
    ['echo ${a b}', { ok: false, kind: 'syntax', message: 'bash: ${a b}: bad substitution' }],
    ['ls | grep x', { ok: false, kind: 'unsupported', feature: 'pipe' }],
    ['sleep 5 &', { ok: false, kind: 'unsupported', feature: 'background' }],
    ['echo $((1+2))', { ok: false, kind: 'unsupported', feature: 'arithmetic' }],
  ])('%j fails as %j', (source, expected) => {
    expect(parse(source)).toEqual(expected);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '\\', '$', '(', ')', '`', ';', '&', '|', '>', '\n', '#', '{', '}', '=', '~', '2') }), (source) => {
        const result = parse(source);
        if (result.ok) for (const item of result.script) for (const w of item.command.words) expandWord(w, ctx);
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});
