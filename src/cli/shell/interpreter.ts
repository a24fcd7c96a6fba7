import { cliText } from '../text';
import type { Redirect, SimpleCommand } from './ast';
import { expandToString, expandWord, type ExpansionContext } from './expand';
import { parse } from './parse';
import { DEV_NULL, isDirectory, resolvePath, type Builtin, type Effect, type Machine, type OutputChunk, type ScriptResult, type ShellState } from './session';

/** Runs a script (one line or a pasted block) through the shell's builtins. Never throws on bad input. */
export function runScript(source: string, shell: ShellState, machine: Machine, builtins: Readonly<Record<string, Builtin>>, captured = false): ScriptResult {
  const result: ScriptResult = { chunks: [], exitCode: 0, events: [], applied: [], requests: [], effects: [] };
  const parsed = parse(source);
  if (!parsed.ok) {
    const message =
      parsed.kind === 'syntax' ? parsed.message : parsed.kind === 'incomplete' ? cliText(machine.language, 'incomplete') : cliText(machine.language, `unsupported.${parsed.feature}`);
    push(result.chunks, 'stderr', message + '\n');
    result.exitCode = 2;
    shell.lastExitCode = 2;
    return result;
  }
  for (const item of parsed.script) {
    if (item.connector === '&&' && shell.lastExitCode !== 0) continue;
    if (item.connector === '||' && shell.lastExitCode === 0) continue;
    shell.lastExitCode = runCommand(item.command, shell, machine, builtins, result, captured);
  }
  result.exitCode = shell.lastExitCode;
  return result;
}

function push(chunks: OutputChunk[], stream: OutputChunk['stream'], text: string): void {
  if (!text) return;
  const last = chunks[chunks.length - 1];
  if (last && last.stream === stream) last.text += text;
  else chunks.push({ stream, text });
}

function runCommand(command: SimpleCommand, shell: ShellState, machine: Machine, builtins: Readonly<Record<string, Builtin>>, result: ScriptResult, captured: boolean): number {
  let substitutionExit: number | undefined;
  const expansion: ExpansionContext = {
    variable: (name) => (name === '?' ? String(shell.lastExitCode) : name === '$' ? '4242' : Object.hasOwn(shell.variables, name) ? shell.variables[name] : undefined),
    substitute(source) {
      // A substitution runs in a subshell: its variables do not leak, but its files and AWS calls do.
      const subshell: ShellState = { ...shell, variables: { ...shell.variables } };
      const inner = runScript(source, subshell, machine, builtins, true);
      substitutionExit = inner.exitCode;
      result.events.push(...inner.events);
      result.applied.push(...inner.applied);
      result.requests.push(...inner.requests);
      result.effects.push(...inner.effects);
      for (const chunk of inner.chunks) if (chunk.stream === 'stderr') push(result.chunks, 'stderr', chunk.text);
      return inner.chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
    },
  };

  const assignments = command.assignments.map((a) => [a.name, expandToString(a.value, expansion)] as const);
  const argv = command.words.flatMap((w) => expandWord(w, expansion));
  const redirects = command.redirects.map((r) => ({ op: r.op, path: r.target ? resolvePath(shell.cwd, expandToString(r.target, expansion)) : undefined }));

  if (argv.length === 0) {
    for (const [name, value] of assignments) shell.variables[name] = value;
    for (const r of redirects) if (r.path && (r.op === '>' || r.op === '2>')) writeFile(shell, r.path, '', false);
    return substitutionExit ?? 0;
  }

  const [name = '', ...args] = argv;
  const out: OutputChunk[] = [];
  const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
  let code: number;
  if (!builtin) {
    push(out, 'stderr', `bash: ${name}: command not found\n`);
    code = 127;
  } else {
    const effects: Effect[] = [];
    code = builtin({
      name,
      args,
      shell,
      machine,
      stdoutIsTerminal: !captured && !redirects.some((r) => r.op === '>' || r.op === '>>'),
      environment: { ...shell.variables, ...Object.fromEntries(assignments) },
      out: (text) => push(out, 'stdout', text),
      err: (text) => push(out, 'stderr', text),
      effect: (effect) => effects.push(effect),
    });
    result.effects.push(...effects);
  }
  return deliver(out, redirects, shell, result) ?? code;
}

/** Sends a command's output to the terminal or to files; returns an exit code if a redirection failed. */
function deliver(out: OutputChunk[], redirects: { op: Redirect['op']; path?: string }[], shell: ShellState, result: ScriptResult): number | undefined {
  let stdoutTarget: { path: string; append: boolean } | undefined;
  let stderrTarget: { path: string; append: boolean } | 'stdout' | undefined;
  for (const r of redirects) {
    if (r.op === '2>&1') stderrTarget = stdoutTarget ?? 'stdout';
    else if (r.path && (r.op === '>' || r.op === '>>')) stdoutTarget = { path: r.path, append: r.op === '>>' };
    else if (r.path) stderrTarget = { path: r.path, append: r.op === '2>>' };
  }
  for (const target of [stdoutTarget, stderrTarget]) {
    if (target && target !== 'stdout' && target.path !== DEV_NULL) {
      const parent = target.path.slice(0, target.path.lastIndexOf('/')) || '/';
      if (!isDirectory(shell, parent)) {
        push(result.chunks, 'stderr', `bash: ${target.path}: No such file or directory\n`);
        return 1;
      }
      if (!target.append) writeFile(shell, target.path, '', false);
    }
  }
  for (const chunk of out) {
    const mergedIntoStdout = chunk.stream === 'stderr' && stderrTarget === 'stdout';
    const target = chunk.stream === 'stdout' || mergedIntoStdout ? stdoutTarget : stderrTarget === 'stdout' ? undefined : stderrTarget;
    const stream = mergedIntoStdout ? 'stdout' : chunk.stream;
    if (target) writeFile(shell, target.path, chunk.text, true);
    else push(result.chunks, stream, chunk.text);
  }
  return undefined;
}

function writeFile(shell: ShellState, path: string, text: string, append: boolean): void {
  if (path === DEV_NULL) return;
  shell.files[path] = append ? (shell.files[path] ?? '') + text : text;
}
