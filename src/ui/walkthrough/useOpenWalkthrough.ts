import { useTranslation } from 'react-i18next';
import { useLab, useLabActions } from '../app/LabContext';
import { CHAPTERS } from '../../lessons';
import { focusWalkthrough } from './focus';
import { useWalkthroughActions } from './WalkthroughContext';

/**
 * Opens the walkthrough from elsewhere (the header's switch, the welcome): the panel shows,
 * expanded, as the selected tab on a narrow screen, and its heading takes focus. A first visit
 * lands on the first chapter's intro.
 */
export function useOpenWalkthrough(): (options?: { firstVisit?: boolean }) => void {
  const { setOpen, showChapter } = useWalkthroughActions();
  const { setCollapsed, setNarrowTab, setPresentation } = useLabActions();
  const { i18n } = useTranslation();
  return (options = {}) => {
    // The panel's texts load on first use: it opens with them, so its heading is there to take focus.
    void i18n.loadNamespaces(['walkthrough', 'lessons']).then(() => {
      setPresentation(false);
      setCollapsed('walkthrough', false);
      setOpen(true);
      setNarrowTab('walkthrough');
      const first = CHAPTERS[0];
      if (options.firstVisit && first) showChapter(first.id);
      focusWalkthrough();
    });
  };
}

/** Sandbox mode: the walkthrough closes (its progress stays); a narrow screen goes back to the terminal. */
export function useCloseWalkthrough(): () => void {
  const { setOpen } = useWalkthroughActions();
  const { setNarrowTab } = useLabActions();
  const narrowTab = useLab((s) => s.narrowTab);
  return () => {
    setOpen(false);
    if (narrowTab === 'walkthrough') setNarrowTab('terminal');
  };
}
