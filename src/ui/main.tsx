import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createLabClient } from '../worker/client';
import { App } from './app/App';
import { LabStoreProvider } from './app/LabContext';
import { createI18n } from './i18n';
import { createLabStore } from './store/labStore';
import { loadPrefs, loadScrollback, persistUi } from './store/persistence';
import { readPrefs } from './store/prefs';
import { createTestApi, testApiEnabled } from './store/testApi';
import { registerOfflineCopy } from './pwa/register';
import { BUNDLES } from './i18n/bundles';
import { createWalkthroughLoader } from './walkthrough/loader';
import { WalkthroughProvider } from './walkthrough/WalkthroughContext';

const container = document.getElementById('root');
if (!container) throw new Error('IAM Lab needs an element with id "root" to render into.');

const testing = testApiEnabled(import.meta.env.MODE, location.search);
// The lab's worker starts at once; the page waits for the saved preferences, so its first paint is
// in the right language and theme.
const client = createLabClient();
const savedScrollback = loadScrollback();

async function start(root: HTMLElement): Promise<void> {
  const prefs = readPrefs(await loadPrefs(), { languages: navigator.languages, prefersDark: matchMedia('(prefers-color-scheme: dark)').matches });
  document.documentElement.lang = prefs.language;
  document.documentElement.dataset.theme = prefs.theme;
  document.documentElement.dataset.presentation = String(prefs.presentation);

  // `?pseudo` (with the test API) shows English in the pseudo-locale, to spot text outside the locale files.
  // The first paint's texts load while the lab's worker starts; the page renders once they are in.
  const i18nReady = createI18n(prefs.language, { pseudo: testing && new URLSearchParams(location.search).has('pseudo') });
  const store = createLabStore(client, prefs);
  const persisting = persistUi(store);
  // The walkthrough (lessons, store, panel) loads when it is first opened, or at once if it was left open.
  const walkthrough = createWalkthroughLoader(store, localStorage, {
    code: () => import('./walkthrough/walkthrough'),
    texts: () => i18nReady.then((i18n) => i18n.loadNamespaces([...BUNDLES.walkthrough])),
  });
  if (testing) window.__iamLab = createTestApi(store, persisting.settled);
  void savedScrollback.then((saved) => store.getState().start(saved));

  const i18n = await i18nReady;
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <LabStoreProvider value={store}>
          <WalkthroughProvider value={walkthrough}>
            <App />
          </WalkthroughProvider>
        </LabStoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start(container);
registerOfflineCopy();
