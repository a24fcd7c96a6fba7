import type { ConsoleOutput } from '../../worker/protocol';

/** Older console actions are dropped past this many: the log stays quick to render. */
export const CONSOLE_LOG_LIMIT = 200;

export function appendConsoleLog(log: readonly ConsoleOutput[], output: ConsoleOutput, limit = CONSOLE_LOG_LIMIT): ConsoleOutput[] {
  const next = [...log, output];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
