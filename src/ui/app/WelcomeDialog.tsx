import { useTranslation } from 'react-i18next';
import { focusTerminal } from '../terminal/focus';
import { Dialog } from './Dialog';
import { useLab, useLabActions } from './LabContext';
import { useOpenWalkthrough } from '../walkthrough/useOpenWalkthrough';

/** First visit: two ways in, the walkthrough (from its first chapter) or the sandbox. */
export function WelcomeDialog() {
  const { t } = useTranslation();
  const welcomed = useLab((s) => s.prefs.welcomed);
  const { markWelcomed } = useLabActions();
  const openWalkthrough = useOpenWalkthrough();
  const openSandbox = () => {
    markWelcomed();
    requestAnimationFrame(focusTerminal);
  };
  return (
    <Dialog open={!welcomed} title={t('welcome.title')} onClose={openSandbox} testId="dialog.welcome">
      <p className="dialog-body">{t('welcome.body')}</p>
      <div className="dialog-actions dialog-choices">
        <button
          type="button"
          className="button"
          onClick={() => {
            markWelcomed();
            openWalkthrough({ firstVisit: true });
          }}
          data-testid="dialog.welcome.walkthrough"
        >
          {t('welcome.walkthrough')}
        </button>
        <button type="button" className="button button-primary" onClick={openSandbox} data-autofocus="" data-testid="dialog.welcome.sandbox">
          {t('welcome.sandbox')}
        </button>
      </div>
    </Dialog>
  );
}
