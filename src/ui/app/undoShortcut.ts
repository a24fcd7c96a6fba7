import { useEffect } from 'react';
import { TERMINAL_INPUT_ID } from '../terminal/focus';

/** What the shortcut needs of a key press and of where it happened. */
export interface UndoKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The focused element: its tag, id, editable or not, and a text field's value. */
  target: { tagName: string; id: string; isContentEditable: boolean; value?: string } | null;
}

/**
 * Ctrl+Z (⌘Z) takes back the last lab step, except where it belongs to text: any field with text
 * in it, the editor. An empty command line has no text of its own to undo, so there it undoes
 * the lab, as the learner at the prompt expects.
 */
export function isLabUndo(e: UndoKey): boolean {
  if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return false;
  const target = e.target;
  if (!target) return true;
  if (target.isContentEditable) return false;
  const field = target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.tagName === 'SELECT';
  if (!field) return true;
  return target.id === TERMINAL_INPUT_ID && target.value === '';
}

/** Listens for the undo shortcut on the whole page. */
export function useUndoShortcut(undo: () => unknown, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const value = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target.value : undefined;
      const pressed: UndoKey = {
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        target: target && { tagName: target.tagName, id: target.id, isContentEditable: target.isContentEditable, ...(value === undefined ? {} : { value }) },
      };
      if (!isLabUndo(pressed)) return;
      e.preventDefault();
      void undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [undo, enabled]);
}
