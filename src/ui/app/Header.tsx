import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/language';
import { useLab, useLabActions } from './LabContext';
import { MoonIcon, ScreenIcon } from './Icons';
import { ScenarioMenu } from './ScenarioMenu';
import { useWalkthroughOpen } from '../walkthrough/WalkthroughContext';
import { useCloseWalkthrough, useOpenWalkthrough } from '../walkthrough/useOpenWalkthrough';

/** IAM Lab ─ [Walkthrough | Sandbox] ─ Scenario ▾ ─ 日本語/English ─ theme ─ presentation */
export function Header() {
  const { t } = useTranslation();
  const language = useLab((s) => s.prefs.language);
  const theme = useLab((s) => s.prefs.theme);
  const presentation = useLab((s) => s.prefs.presentation);
  const { setLanguage, setTheme, setPresentation } = useLabActions();
  const walkthrough = useWalkthroughOpen();
  const openWalkthrough = useOpenWalkthrough();
  const closeWalkthrough = useCloseWalkthrough();
  return (
    <header className="app-header" data-testid="app.header">
      <h1 className="app-title">{t('product')}</h1>
      <div role="group" aria-label={t('header.mode.label')} className="segmented" data-testid="header.mode">
        <button type="button" className="segment" aria-pressed={walkthrough} onClick={() => openWalkthrough()} data-testid="header.mode.walkthrough">
          {t('header.mode.walkthrough')}
        </button>
        <button type="button" className="segment" aria-pressed={!walkthrough} onClick={closeWalkthrough} data-testid="header.mode.sandbox">
          {t('header.mode.sandbox')}
        </button>
      </div>
      <ScenarioMenu />
      <div className="header-end">
        <div role="group" aria-label={t('header.language')} className="segmented" data-testid="header.language">
          {LANGUAGES.map((lang) => (
            <button key={lang} type="button" className="segment" lang={lang} aria-pressed={language === lang} onClick={() => setLanguage(lang)} data-testid={`header.language.${lang}`}>
              {t(`languageNames.${lang}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button icon-button" aria-pressed={theme === 'dark'} onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="header.theme">
          <MoonIcon />
          <span className="button-label">{t('header.theme')}</span>
        </button>
        <button type="button" className="button icon-button" aria-pressed={presentation} onClick={() => setPresentation(!presentation)} data-testid="header.presentation">
          <ScreenIcon />
          <span className="button-label">{t('header.presentation')}</span>
        </button>
      </div>
    </header>
  );
}
