import type { SimState } from '../sim';
import type { LessonKey } from './keys';
import { lookups } from './lookups';
import type { Observations } from './observe';
import type { Chapter, CheckContext, CheckResult, ShellLocation, Step } from './types';

/**
 * Where a learner is in the walkthrough, as plain data the UI persists, and the pure steps that
 * move it on. Nothing here runs a command: the UI evaluates the current step after every change
 * the worker publishes (and after clock ticks, since instances and associations settle with time).
 */

/** What the UI holds of the lab: the published state, the clock and the terminal's location. */
export interface LabView {
  sim: SimState;
  clock: number;
  location: ShellLocation;
}

export function checkContext(lab: LabView, observations: Observations): CheckContext {
  return {
    state: lab.sim,
    now: lab.clock,
    startedAt: observations.startedAt,
    events: observations.events,
    errors: observations.errors,
    location: lab.location.type === 'instance' ? { type: 'instance', instanceId: lab.location.instanceId } : { type: 'local' },
    find: lookups(lab.sim),
  };
}

export const evaluateStep = (step: Step, lab: LabView, observations: Observations): CheckResult => step.check(checkContext(lab, observations));

export interface LessonProgress {
  chapterId: string;
  /** The step shown; `steps.length` means the quiz. */
  stepIndex: number;
  /** Ids of the steps whose check has passed, in the order they passed. */
  completed: string[];
  /** Question id → the option chosen last. */
  quizAnswers: Record<string, string>;
}

export const startChapter = (chapter: Chapter): LessonProgress => ({ chapterId: chapter.id, stepIndex: 0, completed: [], quizAnswers: {} });

/** After a check of the current step: a pass marks it completed (once); a failure changes nothing. */
export function recordCheck(chapter: Chapter, progress: LessonProgress, result: CheckResult): LessonProgress {
  const step = chapter.steps[progress.stepIndex];
  if (!result.passed || !step || progress.completed.includes(step.id)) return progress;
  return { ...progress, completed: [...progress.completed, step.id] };
}

/**
 * On to the next step not yet completed, or the quiz (`steps.length`) when there is none. The UI
 * calls it when the learner asks to go on, so a passed step stays on screen to be read to the end.
 */
export function advance(chapter: Chapter, progress: LessonProgress): LessonProgress {
  const next = chapter.steps.findIndex((s, i) => i > progress.stepIndex && !progress.completed.includes(s.id));
  return { ...progress, stepIndex: next === -1 ? chapter.steps.length : next };
}

/** Lets the learner go back to a step, or on to the quiz (`steps.length`). */
export const goToStep = (chapter: Chapter, progress: LessonProgress, stepIndex: number): LessonProgress =>
  ({ ...progress, stepIndex: Math.max(0, Math.min(chapter.steps.length, Math.trunc(stepIndex))) });

export type QuizAnswer = { known: false } | { known: true; progress: LessonProgress; correct: boolean; explanationKey: LessonKey };

export function answerQuestion(chapter: Chapter, progress: LessonProgress, questionId: string, optionId: string): QuizAnswer {
  const question = chapter.quiz.find((q) => q.id === questionId);
  const option = question?.options.find((o) => o.id === optionId);
  if (!question || !option) return { known: false };
  return {
    known: true,
    progress: { ...progress, quizAnswers: { ...progress.quizAnswers, [questionId]: optionId } },
    correct: option.correct === true,
    explanationKey: question.explanationKey,
  };
}

export function quizScore(chapter: Chapter, progress: LessonProgress): { answered: number; correct: number; total: number } {
  let answered = 0;
  let correct = 0;
  for (const question of chapter.quiz) {
    const chosen = Object.hasOwn(progress.quizAnswers, question.id) ? progress.quizAnswers[question.id] : undefined;
    if (chosen === undefined) continue;
    answered++;
    if (question.options.some((o) => o.id === chosen && o.correct)) correct++;
  }
  return { answered, correct, total: chapter.quiz.length };
}

/** Every step passed and every question answered correctly. */
export function chapterDone(chapter: Chapter, progress: LessonProgress): boolean {
  return chapter.steps.every((s) => progress.completed.includes(s.id)) && quizScore(chapter, progress).correct === chapter.quiz.length;
}

/**
 * A saved record read back: kept when it names a known chapter, and cleaned of ids the chapter
 * no longer has (a newer IAM Lab may rename a step); undefined when it is not a record at all.
 */
export function readProgress(value: unknown, chapters: readonly Chapter[]): LessonProgress | undefined {
  if (!isObject(value) || typeof value.chapterId !== 'string') return undefined;
  const chapter = chapters.find((c) => c.id === value.chapterId);
  if (!chapter) return undefined;
  const stepIds = new Set(chapter.steps.map((s) => s.id));
  const completed = Array.isArray(value.completed) ? value.completed.filter((id): id is string => typeof id === 'string' && stepIds.has(id)) : [];
  const quizAnswers: Record<string, string> = {};
  if (isObject(value.quizAnswers)) {
    for (const question of chapter.quiz) {
      const chosen = Object.hasOwn(value.quizAnswers, question.id) ? value.quizAnswers[question.id] : undefined;
      if (typeof chosen === 'string' && question.options.some((o) => o.id === chosen)) quizAnswers[question.id] = chosen;
    }
  }
  const stepIndex = typeof value.stepIndex === 'number' && Number.isFinite(value.stepIndex) ? value.stepIndex : 0;
  return goToStep(chapter, { chapterId: chapter.id, stepIndex, completed: [...new Set(completed)], quizAnswers }, stepIndex);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
