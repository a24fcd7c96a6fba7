import type { Workspace } from '../../cli/terminal';
import { startObserving, type Observations } from '../observe';
import { checkStep, prepareChapter, runActions, type ActionResult } from '../run';
import type { Chapter, CheckResult, Solution } from '../types';

/** One run of some actions at the start of a step, with what the step's check then says. */
export interface StepRun {
  workspace: Workspace;
  observations: Observations;
  results: ActionResult[];
  before: CheckResult;
  after: CheckResult;
}

/** The chapter's prepared lab with the solutions of the steps before `stepIndex` replayed. */
export function workspaceAt(chapter: Chapter, stepIndex: number): Workspace {
  const { workspace, problems } = prepareChapter(chapter);
  if (problems.length) throw new Error(`${chapter.id}: scenario failed: ${problems.join('; ')}`);
  for (const step of chapter.steps.slice(0, stepIndex)) runActions(workspace, step.solution, startObserving(workspace.clock));
  return workspace;
}

/** Starts step `stepIndex` on `workspace`, runs `actions`, and checks before and after. */
export function runStep(chapter: Chapter, stepIndex: number, workspace: Workspace, actions: Solution): StepRun {
  const step = chapter.steps[stepIndex];
  if (!step) throw new Error(`${chapter.id} has no step ${stepIndex}`);
  const start = startObserving(workspace.clock);
  const before = checkStep(step, workspace, start);
  const { observations, results } = runActions(workspace, actions, start);
  return { workspace, observations, results, before, after: checkStep(step, workspace, observations) };
}

export const missingKeys = (result: CheckResult): string[] => (result.passed ? [] : result.missing.map((m) => m.key));

export const printed = (results: readonly ActionResult[]): string => results.flatMap((r) => r.output.map((c) => c.text)).join('');

/** Every chapter replayed: each step's solution in order, and each mistake from the state before its step. */
export interface Replays {
  /** Chapter id → one run per step, in order, on one workspace. */
  solutions: ReadonlyMap<string, StepRun[]>;
  /** `chapter/step/attempt` → the mistake's run. */
  attempts: ReadonlyMap<string, StepRun>;
}

let replayed: Replays | undefined;

/** Replays once per test file, so each test reads the runs whatever runs first (or alone). */
export function replayAll(chapters: readonly Chapter[]): Replays {
  if (replayed) return replayed;
  const solutions = new Map<string, StepRun[]>();
  const attempts = new Map<string, StepRun>();
  for (const chapter of chapters) {
    const workspace = workspaceAt(chapter, 0);
    solutions.set(chapter.id, chapter.steps.map((step, i) => runStep(chapter, i, workspace, step.solution)));
    chapter.steps.forEach((step, i) => {
      for (const attempt of step.wrongAttempts) attempts.set(`${chapter.id}/${step.id}/${attempt.id}`, runStep(chapter, i, workspaceAt(chapter, i), attempt.actions));
    });
  }
  replayed = { solutions, attempts };
  return replayed;
}
