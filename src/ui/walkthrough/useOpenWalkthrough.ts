import { useLab, useLabActions } from '../app/LabContext';
import { focusWalkthrough } from './focus';
import { useLoadedWalkthrough, useWalkthroughLoader } from './WalkthroughContext';

/**
 * Opens the walkthrough from elsewhere (the header's switch, the welcome): the panel shows,
 * expanded, as the selected tab on a narrow screen, and its heading takes focus. A first visit
 * lands on the first chapter's intro. The first time, it waits for the walkthrough's code and
 * texts, so the panel opens whole and its heading is there to take focus.
 */
export function useOpenWalkthrough(): (options?: { firstVisit?: boolean }) => void {
  const loader = useWalkthroughLoader();
  const { setCollapsed, setNarrowTab, setPresentation } = useLabActions();
  return (options = {}) => {
    loader.load().then(
      ({ store, firstChapterId }) => {
        const { setOpen, showChapter } = store.getState();
        setPresentation(false);
        setCollapsed('walkthrough', false);
        setOpen(true);
        setNarrowTab('walkthrough');
        if (options.firstVisit && firstChapterId) showChapter(firstChapterId);
        focusWalkthrough();
      },
      warn,
    );
  };
}

/** Sandbox mode: the walkthrough closes (its progress stays); a narrow screen goes back to the terminal. */
export function useCloseWalkthrough(): () => void {
  const loader = useWalkthroughLoader();
  const loaded = useLoadedWalkthrough();
  const { setNarrowTab } = useLabActions();
  const narrowTab = useLab((s) => s.narrowTab);
  return () => {
    if (loaded) loaded.store.getState().setOpen(false);
    else if (loader.state.getState().savedOpen) {
      // Still loading, from a record saved open: sandbox mode at once, and the store closed once it is there.
      loader.state.setState({ savedOpen: false });
      loader.load().then(({ store }) => store.getState().setOpen(false), warn);
    }
    if (narrowTab === 'walkthrough') setNarrowTab('terminal');
  };
}

const warn = (error: unknown) => console.warn('IAM Lab could not load the walkthrough:', error);
