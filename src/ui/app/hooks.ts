import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from './LabContext';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
  );
}

/** Below this width the panels become tabs. */
export const NARROW_QUERY = '(max-width: 899.98px)';

/** Language, theme and presentation mode live on `<html>`, where CSS and assistive technology read them. */
export function useDocumentSettings(): void {
  const { i18n } = useTranslation();
  const language = useLab((s) => s.prefs.language);
  const theme = useLab((s) => s.prefs.theme);
  const presentation = useLab((s) => s.prefs.presentation);
  useEffect(() => {
    if (i18n.language === language) {
      document.documentElement.lang = language;
      return;
    }
    // The new language's texts may still have to load: the page's language changes with its text.
    let current = true;
    void i18n.changeLanguage(language).then(() => {
      if (current) document.documentElement.lang = language;
    });
    return () => {
      current = false;
    };
  }, [i18n, language]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.presentation = String(presentation);
  }, [theme, presentation]);
}

const TICK_MS = 1000;

/** Simulated time follows real time while the page is visible (instances start, associations settle). */
export function useClockTicks(): void {
  const tick = useLab((s) => s.tick);
  const ready = useLab((s) => s.status.phase === 'ready');
  useEffect(() => {
    if (!ready) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void tick();
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [tick, ready]);
}
