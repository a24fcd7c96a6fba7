import { parse } from '../../cli/shell/parse';
import { splitCommands } from '../../cli/shell/split';
import type { Completion } from '../../worker/protocol';

/**
 * The command line's behaviour as pure functions, so the component only wires keys to them.
 */

/** What Enter does: the complete commands run one by one; an unfinished tail waits for more lines. */
export interface SubmitPlan {
  run: string[];
  /** Lines entered so far of an unfinished command (shown above the input; the input prompt becomes `> `). */
  pending: string[];
}

const unfinished = (command: string): boolean => {
  const result = parse(command);
  return !result.ok && result.kind === 'incomplete';
};

export function planSubmit(pending: readonly string[], input: string): SubmitPlan {
  const commands = splitCommands([...pending, input].join('\n'));
  const last = commands.at(-1);
  if (last !== undefined && unfinished(last)) return { run: commands.slice(0, -1), pending: last.split('\n') };
  return { run: commands, pending: [] };
}

/** Where ↑/↓ is in the history: `index` undefined means editing the draft. */
export interface HistoryCursor {
  index: number | undefined;
  /** What the learner had typed before moving into the history. */
  draft: string;
}

export const FRESH_HISTORY: HistoryCursor = { index: undefined, draft: '' };

export function stepHistory(history: readonly string[], cursor: HistoryCursor, current: string, direction: 'up' | 'down'): { cursor: HistoryCursor; text: string } | undefined {
  if (direction === 'up') {
    if (history.length === 0 || cursor.index === 0) return undefined;
    const index = cursor.index === undefined ? history.length - 1 : cursor.index - 1;
    const draft = cursor.index === undefined ? current : cursor.draft;
    return { cursor: { index, draft }, text: history[index] ?? '' };
  }
  if (cursor.index === undefined) return undefined;
  if (cursor.index + 1 >= history.length) return { cursor: FRESH_HISTORY, text: cursor.draft };
  return { cursor: { index: cursor.index + 1, draft: cursor.draft }, text: history[cursor.index + 1] ?? '' };
}

/** ↑ and ↓ move through the history only from the first and last line of a multi-line input. */
export const onFirstLine = (text: string, caret: number): boolean => !text.slice(0, caret).includes('\n');
export const onLastLine = (text: string, caret: number): boolean => !text.slice(caret).includes('\n');

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Tab's result on the line: one candidate replaces the word (and a space follows, as in bash,
 * unless the candidate ends where more must be typed: `/`, `=`, `:`); several extend the word to
 * their common prefix and are listed.
 */
export function applyCompletion(line: string, caret: number, completion: Completion): { text: string; caret: number; list: string[] } {
  const { from, candidates } = completion;
  const word = line.slice(from, caret);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const insert = only !== undefined ? only + (/[/=:]$/.test(only) ? '' : ' ') : commonPrefix(candidates);
  if (candidates.length === 0 || (only === undefined && insert.length <= word.length)) {
    return { text: line, caret, list: candidates.length > 1 ? candidates : [] };
  }
  const text = line.slice(0, from) + insert + line.slice(caret);
  return { text, caret: from + insert.length, list: only !== undefined ? [] : candidates };
}
