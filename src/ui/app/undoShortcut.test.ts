import { describe, expect, it } from 'vitest';
import { TERMINAL_INPUT_ID } from '../terminal/focus';
import { isLabUndo, type UndoKey } from './undoShortcut';

const press = (over: Partial<UndoKey> = {}): UndoKey => ({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, target: { tagName: 'DIV', id: '', isContentEditable: false }, ...over });
const commandLine = (value: string) => ({ tagName: 'TEXTAREA', id: TERMINAL_INPUT_ID, isContentEditable: false, value });

describe('the undo shortcut', () => {
  it.each([
    ['Ctrl+Z on the page', press(), true],
    ['⌘Z on the page', press({ ctrlKey: false, metaKey: true }), true],
    ['Ctrl+Z with a capital Z (Caps Lock)', press({ key: 'Z' }), true],
    ['Ctrl+Z with nothing focused', press({ target: null }), true],
    ['Ctrl+Z at an empty command line', press({ target: commandLine('') }), true],
    ['Ctrl+Z while typing a command', press({ target: commandLine('aws iam') }), false],
    ['Ctrl+Z in a search box', press({ target: { tagName: 'INPUT', id: 'search', isContentEditable: false, value: '' } }), false],
    ['Ctrl+Z in the editor', press({ target: { tagName: 'DIV', id: '', isContentEditable: true } }), false],
    ['Ctrl+Shift+Z (redo elsewhere)', press({ shiftKey: true }), false],
    ['Ctrl+Alt+Z', press({ altKey: true }), false],
    ['Z alone', press({ ctrlKey: false }), false],
    ['Ctrl+Y', press({ key: 'y' }), false],
  ])('%s → %s', (_label, key, expected) => {
    expect(isLabUndo(key)).toBe(expected);
  });
});
