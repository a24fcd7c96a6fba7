import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  advance,
  answerQuestion,
  chapterById,
  goToStep,
  recordCheck,
  startChapter,
  startObserving,
  type Chapter,
  type CheckResult,
  type LessonProgress,
  type Missing,
  type Step,
} from '../../lessons';
import type { LabActions, LabState } from '../store/labStore';
import type { Published } from '../../worker/protocol';
import { checkPublished, observePublished, resolvePublished } from './lab';
import { progressOf, recordText, type WalkthroughRecord } from './record';

/** Where "show me" is: idle, sending action `done + 1` of `total`, or stopped on something missing. */
export type ShowMeState = { phase: 'idle' } | { phase: 'running'; done: number; total: number } | { phase: 'blocked'; missing: Missing };

export interface WalkthroughState extends WalkthroughRecord {
  /** The current step's latest check, after every published change. */
  result: CheckResult | undefined;
  showing: ShowMeState;
  /** A prepared lab is being built for this chapter. */
  preparing: string | undefined;
}

export interface WalkthroughActions {
  /** Walkthrough mode (true) or sandbox mode (false). */
  setOpen(open: boolean): void;
  /** Shows a chapter (its intro until started, then its current step), or the list (undefined). */
  showChapter(chapterId: string | undefined): void;
  /**
   * Starts a chapter from its first step. `prepared`: first replace the lab with the chapter's
   * prepared one (the UI asks the learner first); otherwise the lab stays as it is.
   * Resolves to false when the worker refused (a notice says why).
   */
  beginChapter(chapterId: string, prepared: boolean): Promise<boolean>;
  goToStep(stepIndex: number): void;
  /** On to the next step not yet passed, or the quiz. */
  next(): void;
  revealHint(): void;
  /** Performs the current step's solution through the worker, one action after another. */
  showMe(): Promise<void>;
  answer(questionId: string, optionId: string): void;
}

export type WalkthroughStore = StoreApi<WalkthroughState & WalkthroughActions>;

/** The lab store's parts the walkthrough uses. */
type Lab = StoreApi<Pick<LabState, 'published'> & Pick<LabActions, 'runCommands' | 'consoleAction' | 'startChapter'>>;

export interface WalkthroughOptions {
  /** Real time between two "show me" actions, so the learner (or a class) can follow. */
  showMePauseMs?: number;
  /** Called with the record after every change that should outlive the visit. */
  save?: (text: string) => void;
}

/** The chapter on screen with its progress, once started. */
export function currentChapter(state: Pick<WalkthroughState, 'chapterId' | 'progress'>): { chapter: Chapter; progress: LessonProgress | undefined } | undefined {
  const chapter = state.chapterId === undefined ? undefined : chapterById(state.chapterId);
  return chapter && { chapter, progress: progressOf(state, chapter.id) };
}

/** The step being worked on: the shown chapter is started and not at its quiz. */
export function currentStep(state: Pick<WalkthroughState, 'chapterId' | 'progress'>): { chapter: Chapter; progress: LessonProgress; step: Step } | undefined {
  const current = currentChapter(state);
  const step = current?.progress && current.chapter.steps[current.progress.stepIndex];
  return current?.progress && step ? { chapter: current.chapter, progress: current.progress, step } : undefined;
}

const withProgress = (state: Pick<WalkthroughState, 'progress'>, progress: LessonProgress) => ({ progress: { ...state.progress, [progress.chapterId]: progress } });

/**
 * Checks the current step on the latest snapshot; a pass is recorded. Not while "show me" is still
 * sending, nor in sandbox mode (free play does not move the walkthrough on behind the learner's back).
 */
function checkCurrent(store: WalkthroughStore, lab: Lab): void {
  const state = store.getState();
  const current = currentStep(state);
  const published = lab.getState().published;
  if (!state.open || !current || !published || !state.observations || state.showing.phase === 'running') return;
  const result = checkPublished(current.step, published, state.observations);
  const progress = recordCheck(current.chapter, current.progress, result);
  store.setState(progress === current.progress ? { result } : { result, ...withProgress(state, progress) });
}

const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * The walkthrough beside the lab: it follows every snapshot the lab store accepts (commands,
 * console actions, clock ticks, undo, reset, import), adds it to what the current step has seen,
 * and checks the step again. Its progress is plain data from `src/lessons`, saved as it changes.
 */
export function createWalkthroughStore(lab: Lab, record: WalkthroughRecord, options: WalkthroughOptions = {}): WalkthroughStore {
  const pauseMs = options.showMePauseMs ?? 400;
  const store = createStore<WalkthroughState & WalkthroughActions>()((set, get) => {
    /** New observations from now on, and the step checked at once (it may already be done). */
    const restartStep = () => {
      const published = lab.getState().published;
      set({ observations: published && currentStep(get()) ? startObserving(published.clock) : undefined, result: undefined, hintsShown: 0, showing: { phase: 'idle' } });
      evaluate();
    };

    const setProgress = (progress: LessonProgress) => set((s) => withProgress(s, progress));

    const evaluate = () => checkCurrent(store, lab);

    return {
      open: record.open,
      chapterId: record.chapterId,
      progress: record.progress,
      // A reload resumes the step under way as it was: what it had seen, the hints shown.
      observations: record.observations,
      result: undefined,
      hintsShown: record.hintsShown,
      showing: { phase: 'idle' },
      preparing: undefined,

      setOpen(open) {
        set({ open });
        if (!open) return;
        if (get().observations) evaluate();
        else restartStep();
      },

      showChapter(chapterId) {
        if (chapterId !== undefined && !chapterById(chapterId)) return;
        set({ chapterId });
        restartStep();
      },

      async beginChapter(chapterId, prepared) {
        const chapter = chapterById(chapterId);
        if (!chapter || get().preparing) return false;
        if (prepared) {
          set({ preparing: chapterId });
          const ok = await lab.getState().startChapter(chapterId);
          set({ preparing: undefined });
          if (!ok) return false;
        }
        set({ chapterId, open: true });
        setProgress(startChapter(chapter));
        restartStep();
        return true;
      },

      goToStep(stepIndex) {
        const current = currentChapter(get());
        if (!current?.progress) return;
        setProgress(goToStep(current.chapter, current.progress, stepIndex));
        restartStep();
      },

      next() {
        const current = currentChapter(get());
        if (!current?.progress) return;
        setProgress(advance(current.chapter, current.progress));
        restartStep();
      },

      revealHint() {
        const current = currentStep(get());
        if (current) set((s) => ({ hintsShown: Math.min(current.step.hints.length, s.hintsShown + 1) }));
      },

      async showMe() {
        const current = currentStep(get());
        if (!current || get().showing.phase === 'running') return;
        const { step } = current;
        const total = step.solution.length;
        set({ showing: { phase: 'running', done: 0, total } });
        // Commands the learner already sent go first: each action is resolved on the lab they leave.
        await lab.getState().runCommands([]);
        for (const [i, action] of step.solution.entries()) {
          // The learner moved to another step: stop here.
          if (currentStep(get())?.step !== step) return;
          const published = lab.getState().published;
          const resolved = published ? resolvePublished(published, action) : undefined;
          if (!resolved || resolved.kind === 'missing') {
            set({ showing: resolved ? { phase: 'blocked', missing: resolved.missing } : { phase: 'idle' } });
            evaluate();
            return;
          }
          if (resolved.kind === 'run') {
            if (i > 0) await wait(pauseMs);
            const concrete = resolved.action;
            if (concrete.kind === 'command') await lab.getState().runCommands([concrete.line]);
            else await lab.getState().consoleAction(concrete.action);
          }
          set({ showing: { phase: 'running', done: i + 1, total } });
        }
        if (currentStep(get())?.step !== step) return;
        set({ showing: { phase: 'idle' } });
        evaluate();
      },

      answer(questionId, optionId) {
        const current = currentChapter(get());
        if (!current?.progress) return;
        const answered = answerQuestion(current.chapter, current.progress, questionId, optionId);
        if (answered.known) setProgress(answered.progress);
      },
    };
  });

  // Every snapshot the lab accepts is something the current step may have been waiting for.
  const follow = (published: Published) => {
    const { observations } = store.getState();
    if (observations) store.setState({ observations: observePublished(observations, published) });
    else if (currentStep(store.getState())) store.setState({ observations: startObserving(published.clock) });
    checkCurrent(store, lab);
  };
  lab.subscribe((state, previous) => {
    if (state.published !== previous.published && state.published) follow(state.published);
  });
  // Made after the lab's first snapshot (the walkthrough loads on first use): that one counts too.
  const published = lab.getState().published;
  if (published) follow(published);

  if (options.save) {
    const save = options.save;
    store.subscribe((state, previous) => {
      const changed = (['open', 'chapterId', 'progress', 'observations', 'hintsShown'] as const).some((key) => state[key] !== previous[key]);
      if (changed) save(recordText(state));
    });
  }
  return store;
}
