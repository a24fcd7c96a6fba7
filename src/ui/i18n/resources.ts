import enApp from '../../../locales/en/app.json';
import enConsole from '../../../locales/en/console.json';
import enGraph from '../../../locales/en/graph.json';
import enTerminal from '../../../locales/en/terminal.json';
import jaApp from '../../../locales/ja/app.json';
import jaConsole from '../../../locales/ja/console.json';
import jaGraph from '../../../locales/ja/graph.json';
import jaTerminal from '../../../locales/ja/terminal.json';
import type { Language } from './language';

/**
 * The UI's own namespaces, bundled (the app works offline and never fetches text).
 * `cli.json` and `help.json` belong to the CLI, which reads them without i18next.
 */
export const uiResources = {
  en: { app: enApp, terminal: enTerminal, console: enConsole, graph: enGraph },
  ja: { app: jaApp, terminal: jaTerminal, console: jaConsole, graph: jaGraph },
} satisfies Record<Language, { app: typeof enApp; terminal: typeof enTerminal; console: typeof enConsole; graph: typeof enGraph }>;

export type UiResources = (typeof uiResources)['en'];
export const NAMESPACES = ['app', 'terminal', 'console', 'graph'] as const satisfies readonly (keyof UiResources)[];
