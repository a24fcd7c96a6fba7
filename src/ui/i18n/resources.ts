import enApp from '../../../locales/en/app.json';
import enTerminal from '../../../locales/en/terminal.json';
import jaApp from '../../../locales/ja/app.json';
import jaTerminal from '../../../locales/ja/terminal.json';
import type { Language } from './language';

/**
 * The UI's own namespaces, bundled (the app works offline and never fetches text).
 * `cli.json` and `help.json` belong to the CLI, which reads them without i18next.
 */
export const uiResources = {
  en: { app: enApp, terminal: enTerminal },
  ja: { app: jaApp, terminal: jaTerminal },
} satisfies Record<Language, { app: typeof enApp; terminal: typeof enTerminal }>;

export type UiResources = (typeof uiResources)['en'];
export const NAMESPACES = ['app', 'terminal'] as const satisfies readonly (keyof UiResources)[];
