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
import { PresentationStep } from '../walkthrough/PresentationStep';
import { useWalkthrough } from '../walkthrough/WalkthroughContext';
import './theme.css';
import './app.css';

/** The screen of ux.md: the header, the panels, and the dialogs and notices above them. */
export function App() {
  const { t } = useTranslation();
  useDocumentSettings();
  useClockTicks();
  // The strip's texts come with the walkthrough's, loaded when it first shows.
  const presentation = useLab((s) => s.prefs.presentation);
  const walkthroughOpen = useWalkthrough((s) => s.open);
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
      {presentation && walkthroughOpen && (
        <Suspense fallback={null}>
          <PresentationStep />
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
