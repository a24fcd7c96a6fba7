import { commit, emptyState, execute, invert, seededRandom, settle, type AppliedChange, type Ctx, type RandomSource, type RandomState, type SimEvent, type SimState } from '../sim';
import { COMMANDS } from './commands';
import { promptOf } from './commands/instance';
import { PartMissing } from './parts';
import { runScript } from './shell/interpreter';
import type { ApiRequest, Machine, ScriptResult, ShellState } from './shell/session';
import type { Language } from './text';
import { newShellState } from './workspace/shellState';

/**
 * Everything a terminal session holds: the simulated account, the shell, the simulated clock and
 * the random source's position. Plain data, so the worker can persist it and the headless runner
 * can save and load it.
 */
export interface Workspace {
  sim: SimState;
  shell: ShellState;
  /** Simulated time, epoch ms: moves with each command and with `sleep`. */
  clock: number;
  random: RandomState;
}

export function newWorkspace(options: { seed?: number; startTime?: number } = {}): Workspace {
  return {
    sim: emptyState(),
    shell: newShellState(),
    clock: options.startTime ?? Date.UTC(2026, 0, 15, 9, 0, 0),
    random: seededRandom(options.seed ?? 1).state(),
  };
}

export interface RunOptions {
  language: Language;
  /** How far the clock moves before the command runs (the browser passes real elapsed time). */
  elapsedMs?: number;
}

/** What a Machine's requests did, in order: events and changes (highlights, undo) and each request's outcome (lesson checks). */
export interface MachineLog {
  events: SimEvent[];
  applied: AppliedChange[];
  requests: ApiRequest[];
}

/**
 * The Machine commands run on: every request goes to the workspace's account and is logged,
 * whoever signed it (the learner, an exported session, an instance's role). The metadata service
 * that `curl` reaches inside an instance is no AWS API and does not come through here.
 */
export function loggingMachine(workspace: Workspace, setup: { random: RandomSource; language: Language; advanceClock: (ms: number) => void }): { machine: Machine; log: MachineLog } {
  const ctx: Ctx = { now: () => workspace.clock, random: setup.random };
  const log: MachineLog = { events: [], applied: [], requests: [] };
  const machine: Machine = {
    state: workspace.sim,
    ctx,
    execute(request) {
      const result = execute(workspace.sim, request, ctx);
      log.events.push(...result.events);
      log.applied.push(...result.applied);
      log.requests.push({ service: request.service, operation: request.operation, outcome: result.outcome.ok ? { ok: true } : { ok: false, error: result.outcome.error } });
      return result;
    },
    advanceClock: setup.advanceClock,
    language: setup.language,
  };
  return { machine, log };
}

/**
 * Runs one complete command (a line or a pasted block) and records it in the history. A command
 * that reaches a part of the CLI not loaded yet (`PartMissing`, see ./parts) leaves the workspace
 * as it found it, so that `withParts` can run it again once the part is there.
 */
export function runCommand(workspace: Workspace, source: string, options: RunOptions): ScriptResult {
  const before = { clock: workspace.clock, historyLength: workspace.shell.history.length, shell: copyShell(workspace.shell) };
  workspace.clock += options.elapsedMs ?? 0;
  const random = seededRandom(workspace.random);
  const { machine, log } = loggingMachine(workspace, {
    random,
    language: options.language,
    advanceClock: (ms) => {
      workspace.clock += ms;
    },
  });
  if (source.trim()) workspace.shell.history.push(source);
  let result: ScriptResult;
  try {
    result = runScript(source, workspace.shell, machine, COMMANDS);
  } catch (e) {
    if (e instanceof PartMissing) {
      commit(workspace.sim, invert(log.applied));
      Object.assign(workspace.shell, before.shell);
      workspace.shell.history.length = before.historyLength;
      workspace.clock = before.clock;
    }
    throw e;
  }
  workspace.random = random.state();
  return { ...result, ...log };
}

/** The shell's state but its history (only ever appended to: cut back instead), its records copied (commands change them in place). */
const copyShell = (shell: ShellState): Omit<ShellState, 'history'> => ({
  cwd: shell.cwd,
  variables: { ...shell.variables },
  files: Object.assign(Object.create(null) as Record<string, string>, shell.files),
  location: { ...shell.location },
  lastExitCode: shell.lastExitCode,
});

/** Lets simulated time pass with no command (the browser calls this as real time goes by). */
export function advanceClock(workspace: Workspace, elapsedMs: number): { events: SimEvent[]; applied: AppliedChange[] } {
  workspace.clock += elapsedMs;
  return settle(workspace.sim, workspace.clock);
}

export const prompt = (workspace: Workspace): string => promptOf(workspace.shell, workspace.sim);
