import { describe, expect, it } from 'vitest';
import { splitCommands } from './split';

describe('splitCommands', () => {
  it('joins continued lines and drops blanks and comments', () => {
    const script = [
      '# create the role',
      'aws iam create-role \\',
      '    --role-name s3access \\',
      '    --assume-role-policy-document file://ec2-role-trust-policy.json',
      '',
      `echo '{`,
      `  "a": 1`,
      `}' > x.json`,
      'aws iam list-roles &&',
      '  echo done',
      'aws sts get-caller-identity',
    ].join('\n');
    expect(splitCommands(script)).toEqual([
      'aws iam create-role \\\n    --role-name s3access \\\n    --assume-role-policy-document file://ec2-role-trust-policy.json',
      `echo '{\n  "a": 1\n}' > x.json`,
      'aws iam list-roles &&\n  echo done',
      'aws sts get-caller-identity',
    ]);
  });

  it('keeps an unfinished command at the end so that running it reports the problem', () => {
    expect(splitCommands('echo ok\necho "open')).toEqual(['echo ok', 'echo "open']);
  });

  it('accepts Windows line endings', () => {
    expect(splitCommands('echo a\r\necho b\r\n')).toEqual(['echo a', 'echo b']);
  });
});
