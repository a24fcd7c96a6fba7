import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorHost } from '../editor/EditorHost';
import { focusTerminal, TERMINAL_INPUT_ID } from '../terminal/focus';
import { Header } from './Header';
import { useClockTicks, useDocumentSettings } from './hooks';
import { Notices } from './Notices';
import { SharedLinkPrompt } from './SharedLinkPrompt';
import { WelcomeDialog } from './WelcomeDialog';
import { Workspace } from './Workspace';
import { useLab } from './LabContext';
import { useLoadedWalkthrough, useWalkthroughOpen } from '../walkthrough/WalkthroughContext';
import './theme.css';
import './app.css';

/** The screen of ux.md: the header, the panels, and the dialogs and notices above them. */
export function App() {
  const { t } = useTranslation();
  useDocumentSettings();
  useClockTicks();
  const presentation = useLab((s) => s.prefs.presentation);
  const walkthroughOpen = useWalkthroughOpen();
  // The strip comes with the walkthrough's code, loaded when it first opens.
  const walkthrough = useLoadedWalkthrough();
  return (
    <div className="app" data-testid="app.root">
      <a
        className="skip-link"
        href={`#${TERMINAL_INPUT_ID}`}
        onClick={(e) => {
          e.preventDefault();
          focusTerminal();
        }}
      >
        {t('skipToTerminal')}
      </a>
      <Header />
      {presentation && walkthroughOpen && walkthrough && (
        <Suspense fallback={null}>
          <walkthrough.PresentationStep />
        </Suspense>
      )}
      <Workspace />
      <Notices />
      <WelcomeDialog />
      <SharedLinkPrompt />
      <EditorHost />
    </div>
  );
}
