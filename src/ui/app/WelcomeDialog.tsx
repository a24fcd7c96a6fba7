import { useTranslation } from 'react-i18next';
import { focusTerminal } from '../terminal/focus';
import { Dialog } from './Dialog';
import { useLab, useLabActions } from './LabContext';

/** First visit: two ways in. The walkthrough is not there yet, so its choice is shown disabled. */
export function WelcomeDialog() {
  const { t } = useTranslation();
  const welcomed = useLab((s) => s.prefs.welcomed);
  const { markWelcomed } = useLabActions();
  const openSandbox = () => {
    markWelcomed();
    requestAnimationFrame(focusTerminal);
  };
  return (
    <Dialog open={!welcomed} title={t('welcome.title')} onClose={openSandbox} testId="dialog.welcome">
      <p className="dialog-body">{t('welcome.body')}</p>
      <div className="dialog-actions dialog-choices">
        <button type="button" className="button" disabled aria-describedby="welcome-soon">
          {t('welcome.walkthrough')}
          <span id="welcome-soon" className="button-note">
            {t('welcome.walkthroughSoon')}
          </span>
        </button>
        <button type="button" className="button button-primary" onClick={openSandbox} data-autofocus="" data-testid="dialog.welcome.sandbox">
          {t('welcome.sandbox')}
        </button>
      </div>
    </Dialog>
  );
}
