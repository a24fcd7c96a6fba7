/**
 * Lesson text as data to render: paragraphs (`\n`) of plain text and code (between backticks).
 * Values are put in after the text is split, so a value (a role name, an instance's Name tag) can
 * never open or close a code span; everything stays text and is rendered as text, never as markup.
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'code'; text: string };
export type Paragraph = Segment[];

export type Values = Record<string, string | number>;

// Private-use characters around a value's index: they never occur in the locale files.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/**
 * `translate` gets markers for the values (as i18next's `t` interpolates them) and returns the
 * template filled with those markers; the real values replace the markers in each segment.
 */
export function richText(translate: (values: Record<string, string>) => string, values: Values = {}): Paragraph[] {
  const names = Object.keys(values);
  const marked = translate(Object.fromEntries(names.map((name, i) => [name, `${OPEN}${i}${CLOSE}`])));
  const fill = (text: string) => text.replace(MARK, (whole, index: string) => {
    const name = names[Number(index)];
    return name === undefined ? whole : String(values[name]);
  });
  return marked.split('\n').map((paragraph) =>
    paragraph
      .split('`')
      .map((part, i): Segment => ({ kind: i % 2 === 1 ? 'code' : 'text', text: fill(part) }))
      .filter((segment) => segment.text !== ''),
  );
}

/** The text without the backticks, for places that take plain text (an accessible name, a title). */
export const plainText = (paragraphs: readonly Paragraph[]): string => paragraphs.map((p) => p.map((s) => s.text).join('')).join('\n');

// What a learner can type in the terminal: the CLI, the shell's own commands, the metadata service.
const COMMAND = /^(aws|curl|ssh|exit|echo|cat|export|TOKEN=)(\s|$|\$)/;

/**
 * Code that is a command line the learner can put in the terminal (to read, edit and run), as
 * opposed to a name, a field or AWS's output. Lines with an elided part (`…`) still paste: the
 * learner fills it in.
 */
export const isCommand = (code: string): boolean => COMMAND.test(code) && !code.includes('\n');
