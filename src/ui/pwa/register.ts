/**
 * Registers the service worker that keeps the built app for offline use (see `pwa.config.ts`).
 * It registers after the page's load event, so it never delays the first paint; in dev there is
 * none (the plugin builds it only for production). A new version waits until every tab of the lab
 * is closed, so nothing here has to prompt or reload. Registered directly rather than through
 * workbox-window, whose update prompts IAM Lab does not use (2 KB less at start). A failure
 * (private mode, a browser without service workers) only means no offline copy: the lab itself
 * runs as before.
 */
export function registerOfflineCopy(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker
      .register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
      .catch((error: unknown) => console.warn('IAM Lab could not keep an offline copy:', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
