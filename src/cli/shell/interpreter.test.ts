import { describe, expect, it } from 'vitest';
import { emptyState, execute, seededRandom } from '../../sim';
import { shellBuiltins } from './builtins';
import { runScript } from './interpreter';
import { LOCAL_HOME, type Machine, type ShellState } from './session';

function makeShell(files: Record<string, string> = {}) {
  let now = Date.UTC(2026, 0, 15, 9);
  const shell: ShellState = { cwd: LOCAL_HOME, variables: { HOME: LOCAL_HOME }, files: { ...files }, history: [], location: { type: 'local' }, lastExitCode: 0 };
  const state = emptyState();
  const ctx = { now: () => now, random: seededRandom(1) };
  const machine: Machine = { state, ctx, execute: (request) => execute(state, request, ctx), advanceClock: (ms) => (now += ms), language: 'en' };
  const run = (source: string) => {
    const result = runScript(source, shell, machine, shellBuiltins);
    const stream = (s: 'stdout' | 'stderr') => result.chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    return { stdout: stream('stdout'), stderr: stream('stderr'), exitCode: result.exitCode, effects: result.effects, chunks: result.chunks };
  };
  return { shell, run, now: () => now };
}

describe('shell interpreter', () => {
  it.each([
    ['echo hello world', 'hello world\n', '', 0],
    ['echo -n x', 'x', '', 0],
    ['echo -e "a\\tb"', 'a\tb\n', '', 0],
    ['nosuch --flag', '', 'bash: nosuch: command not found\n', 127],
    ['valueOf', '', 'bash: valueOf: command not found\n', 127],
    ['echo "[$constructor]"', '[]\n', '', 0],
    ['false && echo no', '', '', 1],
    ['false || echo yes', 'yes\n', '', 0],
    ['true; echo $?', '0\n', '', 0],
    ['false; echo $?', '1\n', '', 0],
    ['cat missing.json', '', 'cat: missing.json: No such file or directory\n', 1],
    ['rm missing.json', '', "rm: cannot remove 'missing.json': No such file or directory\n", 1],
    ['ls nope', '', "ls: cannot access 'nope': No such file or directory\n", 2],
    ['sleep x', '', "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1],
    ['export 1BAD=x', '', "bash: export: `1BAD=x': not a valid identifier\n", 1],
    ['cd nowhere', '', 'bash: cd: nowhere: No such file or directory\n', 1],
    ['echo x > /nodir/file', '', 'bash: /nodir/file: No such file or directory\n', 1],
    ['ls | grep x', '', 'iam-lab: pipes (|) are not available in this shell. Use --query to pick fields from AWS output.\n', 2],
    ['echo "open', '', 'iam-lab: the command ended too early (an open quote, a trailing \\ or &&).\n', 2],
    ['&& x', '', "bash: syntax error near unexpected token `&&'\n", 2],
  ])('%j', (line, stdout, stderr, exitCode) => {
    expect(makeShell().run(line)).toMatchObject({ stdout, stderr, exitCode });
  });

  it('writes, appends, lists, reads and removes files', () => {
    const { run, shell } = makeShell();
    expect(run(`echo '{"Version":"2012-10-17"}' > trust.json`).exitCode).toBe(0);
    run('echo second >> trust.json');
    expect(shell.files[`${LOCAL_HOME}/trust.json`]).toBe('{"Version":"2012-10-17"}\nsecond\n');
    expect(run('ls').stdout).toBe('trust.json\n');
    expect(run('cat trust.json').stdout).toBe('{"Version":"2012-10-17"}\nsecond\n');
    expect(run('rm trust.json && ls').stdout).toBe('');
  });

  it('sends standard error where 2> and 2>&1 say', () => {
    const { run, shell } = makeShell();
    expect(run('cat nope 2> err.txt')).toMatchObject({ stderr: '', exitCode: 1 });
    expect(shell.files[`${LOCAL_HOME}/err.txt`]).toBe('cat: nope: No such file or directory\n');
    expect(run('cat nope > all.txt 2>&1')).toMatchObject({ stdout: '', stderr: '' });
    expect(shell.files[`${LOCAL_HOME}/all.txt`]).toBe('cat: nope: No such file or directory\n');
  });

  it('keeps variables, exports them to commands, and runs command substitutions in a subshell', () => {
    const { run } = makeShell();
    run('NAME=web-1');
    expect(run('echo "$NAME" ${NAME}').stdout).toBe('web-1 web-1\n');
    expect(run('X=$(echo inner; INNER=1) && echo "$X" "$INNER"').stdout).toBe('inner \n');
    expect(run('GREETING=hi env').stdout).toContain('GREETING=hi\n');
    expect(run('echo "$GREETING"').stdout).toBe('\n');
    expect(run('X=$(false)').exitCode).toBe(1);
  });

  it('advances simulated time with sleep and says so through an effect', () => {
    const { run, now } = makeShell();
    const before = now();
    expect(run('sleep 2m').effects).toEqual([{ type: 'clock', advancedSeconds: 120 }]);
    expect(now() - before).toBe(120_000);
  });

  it('asks the terminal to clear and to open the editor', () => {
    const { run } = makeShell();
    expect(run('clear').effects).toEqual([{ type: 'clear' }]);
    expect(run('edit policy.json').effects).toEqual([{ type: 'edit', path: `${LOCAL_HOME}/policy.json` }]);
  });

  it('prints help in the learner language', () => {
    expect(makeShell().run('help').stdout).toContain('aws help');
  });
});
