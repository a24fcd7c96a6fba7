export const TERMINAL_INPUT_ID = 'terminal-input';

/** Puts the caret in the command line (after the welcome, from the skip link, on a click in the terminal). */
export function focusTerminal(): void {
  document.getElementById(TERMINAL_INPUT_ID)?.focus();
}
