import { describe, expect, it } from 'vitest';
import { applyCompletion, FRESH_HISTORY, onFirstLine, onLastLine, planSubmit, stepHistory, type HistoryCursor } from './input';

describe('planSubmit', () => {
  it.each<[string, string[], string, string[], string[]]>([
    ['one command', [], 'aws iam list-roles', ['aws iam list-roles'], []],
    ['a pasted block runs command by command', [], 'aws iam create-role --role-name a \\\n  --assume-role-policy-document file://ec2-role-trust-policy.json\n\n# next\naws iam get-role --role-name a', ['aws iam create-role --role-name a \\\n  --assume-role-policy-document file://ec2-role-trust-policy.json', 'aws iam get-role --role-name a'], []],
    ['a trailing backslash waits for more', [], 'aws iam get-role \\', [], ['aws iam get-role \\']],
    ['an open quote waits for more', [], "echo 'one", [], ["echo 'one"]],
    ['the next line finishes the command', ['aws iam get-role \\'], '--role-name a', ['aws iam get-role \\\n--role-name a'], []],
    ['a block whose last command is unfinished runs the rest', [], 'aws iam list-roles\naws iam get-role \\', ['aws iam list-roles'], ['aws iam get-role \\']],
    ['a blank line runs nothing', [], '   ', [], []],
    ['a syntax error still runs, so the shell says why', [], 'echo )', ['echo )'], []],
  ])('%s', (_name, pending, input, run, left) => {
    expect(planSubmit(pending, input)).toEqual({ run, pending: left });
  });
});

describe('stepHistory', () => {
  const history = ['one', 'two', 'three'];
  it('walks up from the draft, stops at the oldest, and comes back down to the draft', () => {
    let cursor: HistoryCursor = FRESH_HISTORY;
    const seen: string[] = [];
    for (const direction of ['up', 'up', 'up', 'up', 'down', 'down', 'down', 'down'] as const) {
      const step = stepHistory(history, cursor, 'draft', direction);
      if (!step) {
        seen.push('·');
        continue;
      }
      cursor = step.cursor;
      seen.push(step.text);
    }
    expect(seen).toEqual(['three', 'two', 'one', '·', 'two', 'three', 'draft', '·']);
  });

  it('does nothing with an empty history', () => {
    expect(stepHistory([], FRESH_HISTORY, 'x', 'up')).toBeUndefined();
  });

  it.each([
    ['a\nb', 0, true, false],
    ['a\nb', 3, false, true],
    ['ab', 1, true, true],
  ])('%j at %i: first line %s, last line %s', (text, caret, first, last) => {
    expect([onFirstLine(text, caret), onLastLine(text, caret)]).toEqual([first, last]);
  });
});

describe('applyCompletion', () => {
  it.each([
    ['one candidate replaces the word and adds a space', 'aws iam cre', 11, { from: 8, candidates: ['create-role'] }, 'aws iam create-role ', 20, []],
    ['a file path keeps going', 'cat fo', 6, { from: 4, candidates: ['folder/'] }, 'cat folder/', 11, []],
    ['several extend to their common prefix and are listed', 'aws iam list-r', 14, { from: 8, candidates: ['list-role-policies', 'list-role-tags', 'list-roles'] }, 'aws iam list-role', 17, ['list-role-policies', 'list-role-tags', 'list-roles']],
    ['several with nothing in common to add are only listed', 'aws ', 4, { from: 4, candidates: ['ec2', 'iam'] }, 'aws ', 4, ['ec2', 'iam']],
    ['none leaves the line alone', 'aws zzz', 7, { from: 4, candidates: [] }, 'aws zzz', 7, []],
    ['text after the caret stays', 'aws iam cre --x', 11, { from: 8, candidates: ['create-role'] }, 'aws iam create-role  --x', 20, []],
  ])('%s', (_name, line, caret, completion, text, newCaret, list) => {
    expect(applyCompletion(line, caret, completion)).toEqual({ text, caret: newCaret, list });
  });
});
