import { parse } from './parse';

/**
 * Cuts a pasted block or a script file into complete commands, line by line, joining lines that
 * continue (a trailing `\`, an open quote, a trailing `&&`). Blank and comment-only lines are
 * dropped. An unfinished command at the end is returned as it is, so running it reports why.
 */
export function splitCommands(text: string): string[] {
  const commands: string[] = [];
  let buffer: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    buffer = buffer === undefined ? line : `${buffer}\n${line}`;
    const result = parse(buffer);
    if (!result.ok && result.kind === 'incomplete') continue;
    if (!(result.ok && result.script.length === 0)) commands.push(buffer);
    buffer = undefined;
  }
  if (buffer !== undefined && buffer.trim()) commands.push(buffer);
  return commands;
}
