import enTerminal from '../../../locales/en/terminal.json';
import type { CommandOutput } from '../../worker/protocol';
import type { NoteKey } from './messages';

/** One block of the terminal's scrollback. `key` is the UI's own counter, stable across reloads. */
export type TerminalEntry =
  /** A command the worker ran, with its output. */
  | { kind: 'command'; key: number; output: CommandOutput }
  /** Lines that ran nothing: a blank line, or lines dropped with Ctrl+C (`interrupted`). */
  | { kind: 'echo'; key: number; prompt: string; lines: string[]; interrupted: boolean }
  /** Something the lab did outside the terminal (reset, undo, import), as a quiet line. */
  | { kind: 'note'; key: number; note: NoteKey; values?: Record<string, string> };

/** Older commands are dropped past this many entries: rendering stays fast in long sessions. */
export const SCROLLBACK_LIMIT = 500;

export type NewEntry = TerminalEntry extends infer E ? (E extends TerminalEntry ? Omit<E, 'key'> : never) : never;

export function append(entries: readonly TerminalEntry[], entry: NewEntry, limit = SCROLLBACK_LIMIT): TerminalEntry[] {
  const key = (entries.at(-1)?.key ?? 0) + 1;
  const next = [...entries, { ...entry, key } as TerminalEntry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** What a saved scrollback may contain; anything else is dropped on load. */
export function readScrollback(saved: unknown): TerminalEntry[] {
  if (!Array.isArray(saved)) return [];
  return saved.filter((entry): entry is TerminalEntry => {
    if (!entry || typeof entry !== 'object' || typeof (entry as { key?: unknown }).key !== 'number') return false;
    const e = entry as Record<string, unknown>;
    switch (e.kind) {
      case 'command': {
        const output = e.output as Record<string, unknown> | undefined;
        return !!output && typeof output.prompt === 'string' && typeof output.command === 'string' && Array.isArray(output.chunks) && Array.isArray(output.effects)
          && output.chunks.every((c: { stream?: unknown; text?: unknown }) => (c.stream === 'stdout' || c.stream === 'stderr') && typeof c.text === 'string');
      }
      case 'echo':
        return typeof e.prompt === 'string' && Array.isArray(e.lines) && e.lines.every((l) => typeof l === 'string') && typeof e.interrupted === 'boolean';
      case 'note':
        return typeof e.note === 'string' && Object.hasOwn(enTerminal.notes, e.note);
      default:
        return false;
    }
  }).slice(-SCROLLBACK_LIMIT);
}
