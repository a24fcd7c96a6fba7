import { runConsoleAction, seededRandom } from '../sim';
import { advanceClock, newWorkspace, runCommand, type Workspace } from '../cli/terminal';
import type { OutputChunk } from '../cli/shell/session';
import type { Language } from '../cli/text';
import { observe, startObserving, type Observations } from './observe';
import { evaluateStep } from './progress';
import { resolveAction } from './resolve';
import type { Chapter, CheckResult, LessonAction, Missing, ScenarioSetup, ShellLocation, Solution, Step } from './types';

/**
 * Lessons run headless through the same engine as the browser: terminal lines through
 * `runCommand`, console actions through `runConsoleAction`, on one workspace. Used to prepare a
 * chapter's starting lab (so a teacher can jump in), and by the tests that replay every solution.
 */

/** A learner's pause between two actions: simulated time moves on, as it does in the browser. */
export const PAUSE_MS = 2000;

export interface RunOptions {
  language?: Language;
  /** Simulated time that passes before each action. */
  pauseMs?: number;
}

export interface ActionResult {
  observations: Observations;
  /** What the terminal printed (nothing for a console action or a skipped line); checks never read it. */
  output: OutputChunk[];
  /** Set when the action's placeholders could not be filled in: nothing ran. */
  unresolved?: Missing;
  /** A non-zero exit status, or the console action's error. */
  failed: boolean;
}

export const locationOf = (workspace: Workspace): ShellLocation =>
  workspace.shell.location.type === 'instance' ? { type: 'instance', instanceId: workspace.shell.location.instanceId } : { type: 'local' };

export function performAction(workspace: Workspace, action: LessonAction, observations: Observations, options: RunOptions = {}): ActionResult {
  const pauseMs = options.pauseMs ?? PAUSE_MS;
  const resolved = resolveAction(workspace.sim, locationOf(workspace), action);
  if (resolved.kind === 'missing') return { observations, output: [], unresolved: resolved.missing, failed: true };
  if (resolved.kind === 'skip') return { observations, output: [], failed: false };
  const concrete = resolved.action;
  if (concrete.kind === 'command') {
    const result = runCommand(workspace, concrete.line, { language: options.language ?? 'en', elapsedMs: pauseMs });
    return { observations: observe(observations, { events: result.events, output: { requests: result.requests } }), output: result.chunks, failed: result.exitCode !== 0 };
  }
  // As the worker does it: the clock moves first, and the random source's position is kept.
  workspace.clock += pauseMs;
  const random = seededRandom(workspace.random);
  const result = runConsoleAction(workspace.sim, concrete.action, { now: () => workspace.clock, random });
  workspace.random = random.state();
  return { observations: observe(observations, { events: result.events, console: result }), output: [], failed: result.error !== undefined };
}

/** Runs actions in order and lets `settleMs` pass after the last, as a learner reads the output. */
export function runActions(workspace: Workspace, actions: Solution, observations: Observations, options: RunOptions & { settleMs?: number } = {}): { observations: Observations; results: ActionResult[] } {
  const results: ActionResult[] = [];
  let current = observations;
  for (const action of actions) {
    const result = performAction(workspace, action, current, options);
    results.push(result);
    current = result.observations;
  }
  const settled = advanceClock(workspace, options.settleMs ?? PAUSE_MS);
  return { observations: observe(current, { events: settled.events }), results };
}

/** Time a prepared lab is left to settle: instances running, associations associated. */
const SETTLE_SCENARIO_MS = 60_000;

export interface PrepareOptions extends RunOptions {
  seed?: number;
  /** The fresh lab to build on (the browser's starts at the real time with a random seed); `seed` is then unused. */
  from?: Workspace;
}

/**
 * A fresh lab with the scenario's actions applied; the learner's command history starts empty.
 * `problems` lists actions that failed (a defect in the scenario, which the tests rule out).
 */
export function prepareWorkspace(scenario: ScenarioSetup | undefined, options: PrepareOptions = {}): { workspace: Workspace; problems: string[] } {
  const workspace = options.from ?? newWorkspace(options.seed === undefined ? {} : { seed: options.seed });
  const problems: string[] = [];
  if (scenario) {
    const { results } = runActions(workspace, scenario.actions, startObserving(workspace.clock), { ...options, settleMs: SETTLE_SCENARIO_MS });
    results.forEach((result, i) => {
      if (result.failed) problems.push(`action ${i + 1}: ${JSON.stringify(scenario.actions[i])}`);
    });
  }
  workspace.shell.history = [];
  return { workspace, problems };
}

export const prepareChapter = (chapter: Chapter, options: PrepareOptions = {}) => prepareWorkspace(chapter.scenario, options);

/** The step's check on a headless workspace. */
export const checkStep = (step: Step, workspace: Workspace, observations: Observations): CheckResult =>
  evaluateStep(step, { sim: workspace.sim, clock: workspace.clock, location: locationOf(workspace) }, observations);
