import { textWidth } from '../output/eastAsianWidth';

/**
 * The plain-text shape of a help page, as the CLI's man pages look once rendered: section
 * titles at the margin, text indented under them, paragraphs filled to the terminal's width.
 * Japanese has no spaces between words, so a line may also break between two wide characters,
 * except before closing punctuation or after an opening bracket (kinsoku).
 */
export const INDENT = { section: 7, body: 10, code: 12, nested: 13 } as const;

export const DEFAULT_WIDTH = 80;
/** Narrower than this, filling stops making sense: lines simply run long. */
const MIN_TEXT_WIDTH = 24;

// Characters a line should not start with, and ones it should not end with.
const NO_LINE_START = new Set([...'、。，．・：；？！ー）」』】〕〉》”’ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…']);
const NO_LINE_END = new Set([...'（「『【〔〈《“‘']);

interface Unit {
  text: string;
  width: number;
  /** A space separated it from the unit before. */
  spaced: boolean;
  wide: boolean;
}

function units(text: string): Unit[] {
  const out: Unit[] = [];
  let word = '';
  let spaced = false;
  const flush = () => {
    if (!word) return;
    out.push({ text: word, width: textWidth(word), spaced, wide: false });
    word = '';
    spaced = false;
  };
  for (const ch of text) {
    if (ch === ' ') {
      flush();
      spaced = true;
    } else if (textWidth(ch) === 2) {
      flush();
      out.push({ text: ch, width: 2, spaced, wide: true });
      spaced = false;
    } else {
      word += ch;
    }
  }
  flush();
  return out;
}

/** May a line end before `next` (which follows `prev` with no space)? */
const breakableBetween = (prev: Unit, next: Unit): boolean =>
  (prev.wide || next.wide) && !NO_LINE_START.has(next.text.charAt(0)) && !NO_LINE_END.has(prev.text.charAt(prev.text.length - 1));

/** Fills one paragraph (no newlines) into lines of at most `width` columns, each starting with `indent` spaces. */
export function fill(text: string, width: number, indent: number): string[] {
  const room = Math.max(MIN_TEXT_WIDTH, width - indent);
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line: Unit[] = [];
  let used = 0;
  const emit = () => {
    lines.push(pad + line.map((u, i) => (i > 0 && u.spaced ? ' ' : '') + u.text).join(''));
    line = [];
    used = 0;
  };
  for (const unit of units(text)) {
    const prev = line[line.length - 1];
    if (!prev) {
      line.push(unit);
      used = unit.width;
      continue;
    }
    const extra = (unit.spaced ? 1 : 0) + unit.width;
    if (used + extra <= room) {
      line.push(unit);
      used += extra;
    } else if (unit.spaced || breakableBetween(prev, unit)) {
      emit();
      line.push(unit);
      used = unit.width;
    } else if (!unit.spaced && NO_LINE_END.has(prev.text) && line.length > 1) {
      // An opening bracket moves down with the word it opens.
      line.pop();
      emit();
      line.push(prev, unit);
      used = prev.width + unit.width;
    } else {
      // Closing punctuation hangs past the margin rather than starting a line.
      line.push(unit);
      used += extra;
    }
  }
  if (line.length) emit();
  return lines.length ? lines : [''];
}

/** A page being written: blocks separated by single blank lines. */
export class PageWriter {
  private readonly lines: string[] = [];

  constructor(readonly width: number) {}

  /** A section title at the margin (NAME, SYNOPSIS …). */
  section(title: string): void {
    this.gap();
    this.lines.push(title);
  }

  /** Text filled to the width; `\n` in it starts a new line, a blank line a new paragraph. */
  paragraph(text: string, indent: number, options: { tight?: boolean } = {}): void {
    if (!options.tight) this.gap();
    text.split('\n').forEach((part, i) => {
      if (part === '') {
        if (i > 0) this.gap();
        return;
      }
      this.lines.push(...fill(part, this.width, indent));
    });
  }

  /** Lines kept as they are (syntax, commands, JSON), each indented. */
  verbatim(lines: readonly string[], indent: number, options: { tight?: boolean } = {}): void {
    if (!options.tight) this.gap();
    const pad = ' '.repeat(indent);
    for (const line of lines) this.lines.push(line ? pad + line : '');
  }

  toString(): string {
    const end = this.lines.length && this.lines[this.lines.length - 1] === '' ? -1 : undefined;
    return `${this.lines.slice(0, end).join('\n')}\n`;
  }

  private gap(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
}
