/**
 * The guided walkthrough as data: chapters of steps checked against the simulator's state, each
 * with hints, a solution "show me" performs, typical mistakes, and a quiz. Text lives in
 * `locales/{en,ja}/lessons.json`; see README.md for how the UI drives it.
 */
import { attachReplaceDetach } from './chapters/attachReplaceDetach';
import { cliPath } from './chapters/cliPath';
import { consolePath } from './chapters/consolePath';
import { deleting } from './chapters/deleting';
import { insideInstance } from './chapters/insideInstance';
import { otherServices } from './chapters/otherServices';
import { sameNames } from './chapters/sameNames';
import type { Chapter } from './types';

export const CHAPTERS: readonly Chapter[] = [consolePath, cliPath, sameNames, insideInstance, attachReplaceDetach, deleting, otherServices];

export const chapterById = (id: string): Chapter | undefined => CHAPTERS.find((c) => c.id === id);

export type * from './types';
export { FACT_IDS } from './types';
export type { LessonKey, MissingKey } from './keys';
export type { Lookups } from './lookups';
export { observe, startObserving, errorsMet, readObservations, OBSERVED_LIMITS, type Observations, type ObservedChange, type ObservedRequest } from './observe';
export { resolveAction, type Resolved } from './resolve';
export {
  advance,
  answerQuestion,
  chapterDone,
  checkContext,
  evaluateStep,
  goToStep,
  quizScore,
  readProgress,
  recordCheck,
  startChapter,
  type LabView,
  type LessonProgress,
  type QuizAnswer,
} from './progress';
export { PAUSE_MS, checkStep, performAction, prepareChapter, prepareWorkspace, runActions, type ActionResult, type PrepareOptions, type RunOptions } from './run';
