import type { Language } from '../../cli/text';

export type { Language };

export const LANGUAGES: readonly Language[] = ['en', 'ja'];

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'ja';

/**
 * The learner's saved choice wins; on a first visit the browser's preferred languages decide:
 * Japanese when the first one IAM Lab can speak is Japanese, English otherwise.
 */
export function detectLanguage(saved: unknown, preferred: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ja') return 'ja';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
