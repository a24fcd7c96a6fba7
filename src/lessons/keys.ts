import type en from '../../locales/en/lessons.json';

/**
 * Typed keys into `locales/{en,ja}/lessons.json`: a key that the English file lacks fails to
 * compile. The Japanese file has the same keys (a test checks every locale file pair).
 */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type LessonKey = Leaves<typeof en>;

/** What a failing check says is still missing. */
export type MissingKey = Extract<LessonKey, `missing.${string}`>;

/** A chapter's keys follow one layout: `chapters.<chapter>.…`. */
export function chapterKeys<C extends string>(chapter: C) {
  return {
    titleKey: `chapters.${chapter}.title` as const,
    introKey: `chapters.${chapter}.intro` as const,
    step<S extends string>(step: S) {
      const base = `chapters.${chapter}.steps.${step}` as const;
      return {
        explanationKey: `${base}.explanation` as const,
        taskKey: `${base}.task` as const,
        hint: <N extends 1 | 2 | 3>(n: N) => `${base}.hint${n}` as const,
      };
    },
    question<Q extends string>(question: Q) {
      const base = `chapters.${chapter}.quiz.${question}` as const;
      return {
        questionKey: `${base}.question` as const,
        explanationKey: `${base}.explanation` as const,
        option: <O extends string>(option: O) => `${base}.${option}` as const,
      };
    },
  };
}
