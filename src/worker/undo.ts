import { commit, invert, settle, type AppliedChange, type SimEvent } from '../sim';
import type { Workspace } from '../cli/terminal';
import type { ShellState } from '../cli/shell/session';
import type { Positions } from '../graph';

/**
 * Undo from reversible diffs: each step keeps the simulator changes it committed (with their
 * prior rows) and the shell as it was before. The history of typed commands and the clock are
 * not part of a step: what was typed stays typed, and time never runs backwards.
 */
export type ShellSnapshot = Omit<ShellState, 'history'>;

interface Step {
  applied: AppliedChange[];
  shell: ShellSnapshot;
  /** Where the graph's nodes were before the step, so what the undo brings back returns to its place. */
  layout: Readonly<Positions>;
}

/** What an undo did: transitions that came due again, and the graph's layout from before the step. */
export interface Undone {
  events: SimEvent[];
  layout: Readonly<Positions>;
}

export const UNDO_LIMIT = 50;

export function snapshotShell(shell: ShellState): ShellSnapshot {
  return {
    cwd: shell.cwd,
    variables: { ...shell.variables },
    files: Object.assign(Object.create(null) as Record<string, string>, shell.files),
    location: { ...shell.location },
    lastExitCode: shell.lastExitCode,
  };
}

const sameRecord = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
};

/** Whether the shell differs from a snapshot in anything a learner would want undone (not the exit code). */
export function shellChanged(before: ShellSnapshot, shell: ShellState): boolean {
  return (
    before.cwd !== shell.cwd ||
    JSON.stringify(before.location) !== JSON.stringify(shell.location) ||
    !sameRecord(before.variables, shell.variables) ||
    !sameRecord(before.files, shell.files)
  );
}

export class UndoStack {
  private readonly steps: Step[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  get canUndo(): boolean {
    return this.steps.length > 0;
  }

  push(applied: AppliedChange[], shell: ShellSnapshot, layout: Readonly<Positions>): void {
    this.steps.push({ applied: [...applied], shell, layout });
    if (this.steps.length > this.limit) this.steps.shift();
  }

  /**
   * Changes the clock made by itself join the latest step: undoing it then also takes back what
   * time did since, and the transitions still due (those of earlier steps) come due again at once.
   */
  absorb(applied: readonly AppliedChange[]): void {
    this.steps.at(-1)?.applied.push(...applied);
  }

  clear(): void {
    this.steps.length = 0;
  }

  /** Reverts the latest step; undefined with nothing to undo. */
  undo(workspace: Workspace): Undone | undefined {
    const step = this.steps.pop();
    if (!step) return undefined;
    commit(workspace.sim, invert(step.applied));
    workspace.shell = { ...step.shell, history: workspace.shell.history };
    const again = settle(workspace.sim, workspace.clock);
    this.absorb(again.applied);
    return { events: again.events, layout: step.layout };
  }
}
