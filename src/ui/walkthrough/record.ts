import { CHAPTERS, readObservations, readProgress, type Chapter, type LessonProgress, type Observations } from '../../lessons';

/**
 * What the walkthrough keeps between visits (localStorage, beside the UI preferences; the lab
 * itself is saved by the worker): whether it is open, the chapter on screen, the progress of
 * every chapter started, and the step under way as it stands (what it has seen since it started,
 * the hints shown), so a reload comes back to the same step exactly and the chapter list shows
 * what is done.
 */
export interface WalkthroughRecord {
  /** Walkthrough mode (the panel shown) or sandbox mode (closed for free play). */
  open: boolean;
  /** The chapter on screen; undefined shows the list of chapters. */
  chapterId: string | undefined;
  /** Chapter id → its progress, for every chapter started. */
  progress: Record<string, LessonProgress>;
  /**
   * What the current step has seen since it started (undefined outside a step): a step whose
   * point was to meet an error still has it after a reload. Bounded by `observe`.
   */
  observations: Observations | undefined;
  /** Hints of the current step revealed so far. */
  hintsShown: number;
}

export { RECORD_KEY } from './recordKey';

export const emptyRecord = (): WalkthroughRecord => ({ open: false, chapterId: undefined, progress: {}, observations: undefined, hintsShown: 0 });

/**
 * A saved record read back field by field: a damaged or older entry keeps what is still valid,
 * ids a newer IAM Lab no longer has are dropped (`readProgress`), and the step under way is
 * resumed only when it is still the current step of the chapter on screen.
 */
export function readRecord(saved: string | null, chapters: readonly Chapter[]): WalkthroughRecord {
  let raw: unknown;
  try {
    raw = saved ? JSON.parse(saved) : undefined;
  } catch {
    return emptyRecord();
  }
  if (!isObject(raw)) return emptyRecord();
  const known = (id: unknown): id is string => typeof id === 'string' && chapters.some((c) => c.id === id);
  const progress: Record<string, LessonProgress> = {};
  if (isObject(raw.progress)) {
    for (const [id, value] of Object.entries(raw.progress)) {
      const read = known(id) ? readProgress(value, chapters) : undefined;
      if (read && read.chapterId === id) progress[id] = read;
    }
  }
  const record: WalkthroughRecord = { open: raw.open === true, chapterId: known(raw.chapterId) ? raw.chapterId : undefined, progress, observations: undefined, hintsShown: 0 };
  const step = stepUnderWay(record, chapters);
  const current = raw.current;
  if (!step || !isObject(current) || current.chapterId !== record.chapterId || current.stepId !== step.id) return record;
  const hints = current.hintsShown;
  return {
    ...record,
    observations: readObservations(current.observations),
    hintsShown: typeof hints === 'number' && Number.isInteger(hints) ? Math.max(0, Math.min(step.hints.length, hints)) : 0,
  };
}

export function recordText(record: WalkthroughRecord): string {
  const step = stepUnderWay(record);
  const current = step && (record.observations || record.hintsShown > 0) ? { chapterId: record.chapterId, stepId: step.id, observations: record.observations, hintsShown: record.hintsShown } : undefined;
  return JSON.stringify({ open: record.open, chapterId: record.chapterId, progress: record.progress, current });
}

/** Chapter id → progress, read with `Object.hasOwn` (a record parsed from storage has a prototype). */
export const progressOf = (record: Pick<WalkthroughRecord, 'progress'>, chapterId: string): LessonProgress | undefined =>
  Object.hasOwn(record.progress, chapterId) ? record.progress[chapterId] : undefined;

/** The step of the chapter on screen that is being worked on (none before the chapter starts, nor at its quiz). */
function stepUnderWay(record: Pick<WalkthroughRecord, 'chapterId' | 'progress'>, chapters: readonly Chapter[] = CHAPTERS) {
  const chapter = chapters.find((c) => c.id === record.chapterId);
  const progress = chapter && progressOf(record, chapter.id);
  return progress && chapter.steps[progress.stepIndex];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
