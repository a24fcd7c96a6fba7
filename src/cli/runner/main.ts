/**
 * The headless runner: the same shell and simulator as the browser terminal, in Node.
 *
 *   npm run --silent sim -- [--json] [--seed N] [--state FILE] [--lang en|ja] [SCRIPT|-]
 *
 * Runs a script of command lines (continuations and comments allowed) and prints what the terminal
 * would; with --json, one {"command","exitCode","stdout","stderr"} object per line. --state loads a
 * saved workspace if the file exists and saves the final one. Output is deterministic for a seed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadAllParts } from '../parts';
import { splitCommands } from '../shell/split';
import { newWorkspace, prompt, runCommand } from '../terminal';
import type { Language } from '../text';
import { parseWorkspace } from '../workspace/file';

const USAGE = 'usage: npm run --silent sim -- [--json] [--seed N] [--state FILE] [--lang en|ja] [SCRIPT|-]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, seed: { type: 'string' }, state: { type: 'string' }, lang: { type: 'string', default: 'en' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, not ${values.seed}`);
  if (values.lang !== 'en' && values.lang !== 'ja') fail(`--lang must be en or ja, not ${values.lang}`);
  const language: Language = values.lang;
  if (positionals.length > 1) fail('give one script (or - for standard input)');
  const source = positionals[0] ?? '-';
  let script: string;
  try {
    script = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  } catch {
    fail(`cannot read ${source}`);
  }

  let workspace = newWorkspace({ seed });
  if (values.state && existsSync(values.state)) {
    const loaded = parseWorkspace(readFileSync(values.state, 'utf8'));
    if (!loaded.ok) fail(`${values.state}: ${loaded.error}`);
    workspace = loaded.value;
  }

  let exitCode = 0;
  for (const command of splitCommands(script)) {
    const promptText = prompt(workspace);
    const result = runCommand(workspace, command, { language });
    exitCode = result.exitCode;
    const text = (stream: 'stdout' | 'stderr') => result.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
    if (values.json) {
      process.stdout.write(JSON.stringify({ command, exitCode: result.exitCode, stdout: text('stdout'), stderr: text('stderr') }) + '\n');
      continue;
    }
    process.stdout.write(`${promptText}${command}\n`);
    for (const chunk of result.chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
  }
  if (values.state) writeFileSync(values.state, JSON.stringify(workspace));
  return exitCode;
}

// The parts the browser loads on first use (help pages, YAML, JMESPath) are all loaded before the first line.
await loadAllParts();
process.exitCode = main();
