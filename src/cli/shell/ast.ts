/** The shell subset IAM Lab understands: simple commands joined by `;`, `&&`, `||` and newlines. */

/** One piece of a word. `quoted` parts are never split into several fields. */
export type WordPart =
  | { type: 'literal'; text: string; quoted: boolean }
  /** `$NAME`, `${NAME}`, `$?` */
  | { type: 'parameter'; name: string; quoted: boolean }
  /** `$(…)` or backticks: the inner source, run as a nested script. */
  | { type: 'command'; source: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
  /** The word as typed, for messages and history. */
  raw: string;
}

export interface Redirect {
  /** `>` truncates, `>>` appends; `2>`/`2>>` send standard error; `2>&1` merges it into standard output. */
  op: '>' | '>>' | '2>' | '2>>' | '2>&1';
  target?: Word;
}

export interface SimpleCommand {
  /** `NAME=value` words before the command name. */
  assignments: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

/** A command and how it joins the previous one (`;` or a newline run it regardless). */
export interface ListItem {
  connector: ';' | '&&' | '||';
  command: SimpleCommand;
}

export type Script = ListItem[];
