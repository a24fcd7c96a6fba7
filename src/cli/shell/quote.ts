/**
 * One argument as a POSIX shell reads it back: left bare when it holds only characters no shell
 * treats specially, otherwise single-quoted (a `'` inside becomes `'\''`). Used for the command
 * lines IAM Lab writes for the learner and for completions that need quoting.
 */
const BARE = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

export const shellQuote = (word: string): string => (BARE.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
