import type { ConsoleAction, SimEvent, SimState } from '../sim';
import type { LessonKey, MissingKey } from './keys';
import type { Lookups } from './lookups';

/** The curriculum's facts (`/work/shared/seeds/README.md`): what a step or a question teaches. */
export const FACT_IDS = [
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11',
  'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19', 'F20', 'F21', 'F22',
] as const;
export type FactId = (typeof FACT_IDS)[number];

/** Where the learner's terminal is: their own machine, or a shell inside an instance. */
export type ShellLocation = { type: 'local' } | { type: 'instance'; instanceId: string };

/**
 * A service error the learner met: the answer to a request a command or a console action sent,
 * as the simulator gave it (never read from the terminal's text). A failed request changes
 * nothing, so a step that asks the learner to *see* a failure checks these.
 */
export interface MetError {
  code: string;
  message: string;
  /** The API operation that failed. */
  operation: string;
}

/** Everything a check may look at. Never the typed text: any correct way to get there passes. */
export interface CheckContext {
  state: SimState;
  /** Simulated time, epoch ms. */
  now: number;
  /** Simulated time when the step started. */
  startedAt: number;
  /** What changed since the step started. */
  events: readonly SimEvent[];
  /** The service errors met since the step started. */
  errors: readonly MetError[];
  location: ShellLocation;
  find: Lookups;
}

/** One thing a check still misses, worded by a `missing.*` key of `lessons.json`. */
export interface Missing {
  key: MissingKey;
  values: Record<string, string | number>;
}

export type CheckResult = { passed: true } | { passed: false; missing: Missing[] };

/**
 * One thing the learner (or "show me") does. Text may name resources that only exist at run
 * time: `{{instance:NAME}}` (the id of the live instance tagged `Name=NAME`),
 * `{{association:NAME}}` (that instance's live association id) and `{{account}}` (the account id).
 * `resolveAction` fills them in from the state just before the action runs.
 */
export type LessonAction =
  | {
      kind: 'command';
      line: string;
      /**
       * Run only when the terminal is there: `inside-instance` for an `exit` that may not be
       * needed, `local` for an `ssh` the learner may already have made.
       */
      only?: 'inside-instance' | 'local';
    }
  | { kind: 'console'; action: ConsoleAction };

/** What "show me" does, in order. */
export type Solution = readonly LessonAction[];

/** A typical mistake: what the learner does, and the `missing` key the check answers it with. */
export interface WrongAttempt {
  id: string;
  actions: Solution;
  messageKey: MissingKey;
}

/** What a chapter starts from: actions run headless through the same engine on a fresh lab. */
export interface ScenarioSetup {
  actions: Solution;
}

export type StepMode = 'console' | 'terminal' | 'either';

export interface Step {
  id: string;
  facts: readonly FactId[];
  explanationKey: LessonKey;
  taskKey: LessonKey;
  /** Which panel the step is written for; the check accepts any way. */
  mode: StepMode;
  check: (ctx: CheckContext) => CheckResult;
  hints: readonly LessonKey[];
  solution: Solution;
  wrongAttempts: readonly WrongAttempt[];
}

export interface QuizOption {
  id: string;
  key: LessonKey;
  correct?: true;
}

/** Exam-style multiple choice; the explanation says why the right answer is right. */
export interface QuizQuestion {
  id: string;
  facts: readonly FactId[];
  questionKey: LessonKey;
  options: readonly QuizOption[];
  explanationKey: LessonKey;
}

export interface Chapter {
  id: string;
  titleKey: LessonKey;
  introKey: LessonKey;
  /** Absent: the chapter starts from an empty lab. */
  scenario?: ScenarioSetup;
  steps: readonly Step[];
  quiz: readonly QuizQuestion[];
}
