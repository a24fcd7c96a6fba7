import { emptyState, execute, seededRandom, settle, type AppliedChange, type Ctx, type RandomState, type SimEvent, type SimState } from '../sim';
import { COMMANDS } from './commands';
import { promptOf } from './commands/instance';
import { runScript } from './shell/interpreter';
import type { Machine, ScriptResult, ShellState } from './shell/session';
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

/** Runs one complete command (a line or a pasted block) and records it in the history. */
export function runCommand(workspace: Workspace, source: string, options: RunOptions): ScriptResult {
  workspace.clock += options.elapsedMs ?? 0;
  const random = seededRandom(workspace.random);
  const ctx: Ctx = { now: () => workspace.clock, random };
  const events: SimEvent[] = [];
  const applied: AppliedChange[] = [];
  const machine: Machine = {
    state: workspace.sim,
    ctx,
    execute(request) {
      const result = execute(workspace.sim, request, ctx);
      events.push(...result.events);
      applied.push(...result.applied);
      return result;
    },
    advanceClock: (ms) => {
      workspace.clock += ms;
    },
    language: options.language,
  };
  if (source.trim()) workspace.shell.history.push(source);
  const result = runScript(source, workspace.shell, machine, COMMANDS);
  workspace.random = random.state();
  return { ...result, events, applied };
}

/** Lets simulated time pass with no command (the browser calls this as real time goes by). */
export function advanceClock(workspace: Workspace, elapsedMs: number): { events: SimEvent[]; applied: AppliedChange[] } {
  workspace.clock += elapsedMs;
  return settle(workspace.sim, workspace.clock);
}

export const prompt = (workspace: Workspace): string => promptOf(workspace.shell, workspace.sim);
