/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that keeps the built app for offline use (see `pwa.config.ts`).
 * It registers after the page's load event, so it never delays the first paint. In dev the
 * plugin's module does nothing. A failure (private mode, a browser without service workers)
 * only means no offline copy: the lab itself runs as before.
 */
export function registerOfflineCopy(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    onRegisterError: (error: unknown) => console.warn('IAM Lab could not keep an offline copy:', error),
  });
}
