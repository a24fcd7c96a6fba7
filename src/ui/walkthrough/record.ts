import { readProgress, type Chapter, type LessonProgress } from '../../lessons';

/**
 * What the walkthrough keeps between visits (localStorage, beside the UI preferences; the lab
 * itself is saved by the worker): whether it is open, the chapter on screen, and the progress of
 * every chapter started, so a reload comes back to the same step and the chapter list shows
 * what is done.
 */
export interface WalkthroughRecord {
  /** Walkthrough mode (the panel shown) or sandbox mode (closed for free play). */
  open: boolean;
  /** The chapter on screen; undefined shows the list of chapters. */
  chapterId: string | undefined;
  /** Chapter id → its progress, for every chapter started. */
  progress: Record<string, LessonProgress>;
}

export { RECORD_KEY } from './recordKey';

export const emptyRecord = (): WalkthroughRecord => ({ open: false, chapterId: undefined, progress: {} });

/**
 * A saved record read back field by field: a damaged or older entry keeps what is still valid,
 * and ids a newer IAM Lab no longer has are dropped (`readProgress`).
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
  return { open: raw.open === true, chapterId: known(raw.chapterId) ? raw.chapterId : undefined, progress };
}

export const recordText = (record: WalkthroughRecord): string => JSON.stringify({ open: record.open, chapterId: record.chapterId, progress: record.progress });

/** Chapter id → progress, read with `Object.hasOwn` (a record parsed from storage has a prototype). */
export const progressOf = (record: Pick<WalkthroughRecord, 'progress'>, chapterId: string): LessonProgress | undefined =>
  Object.hasOwn(record.progress, chapterId) ? record.progress[chapterId] : undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
