import { exhaustive } from '../../sim/core/assert';
import { formatJson } from './json';
import { PythonError, type JsonValue } from './python';
import { renderTable } from './table';
import { writeText } from './text';
import { formatYaml } from './yaml';

export type OutputFormat = 'json' | 'yaml' | 'yaml-stream' | 'text' | 'table' | 'off';

export interface FormatOptions {
  format: OutputFormat;
  /** The table's title: the API operation name, e.g. `GetRole`. */
  operationName: string;
  /** Columns of the terminal; the CLI assumes 80 when it cannot tell. */
  terminalWidth?: number;
}

/**
 * What the CLI writes to stdout for one (already queried) response. A shape the CLI's own formatter
 * chokes on (the table of a mixed --query list, say) ends in an uncaught Python error: `error` carries
 * its text for stderr, rc 255, and `stdout` what had been printed before it.
 */
export interface FormatResult {
  stdout: string;
  error?: { message: string; exitCode: 255 };
}

export const DEFAULT_TERMINAL_WIDTH = 80;

export function formatOutput(value: JsonValue, options: FormatOptions): FormatResult {
  const out: string[] = [];
  try {
    write(value, options, out);
    return { stdout: out.join('') };
  } catch (e) {
    if (!(e instanceof PythonError)) throw e;
    return { stdout: out.join(''), error: { message: e.message, exitCode: 255 } };
  }
}

function write(value: JsonValue, { format, operationName, terminalWidth }: FormatOptions, out: string[]): void {
  switch (format) {
    case 'json':
      out.push(formatJson(value));
      return;
    case 'yaml':
      out.push(formatYaml(value));
      return;
    case 'yaml-stream':
      // Each page is dumped as a one-item list; a single response is one page.
      out.push(formatYaml([value]));
      return;
    case 'text':
      writeText(value, out);
      return;
    case 'table':
      out.push(renderTable(operationName, value, terminalWidth ?? DEFAULT_TERMINAL_WIDTH));
      return;
    case 'off':
      return;
    default:
      exhaustive(format);
  }
}
