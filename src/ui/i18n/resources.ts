import enApp from '../../../locales/en/app.json';
import enConsole from '../../../locales/en/console.json';
import enEditor from '../../../locales/en/editor.json';
import enGraph from '../../../locales/en/graph.json';
import enLessons from '../../../locales/en/lessons.json';
import enTerminal from '../../../locales/en/terminal.json';
import enWalkthrough from '../../../locales/en/walkthrough.json';
import jaApp from '../../../locales/ja/app.json';
import jaConsole from '../../../locales/ja/console.json';
import jaEditor from '../../../locales/ja/editor.json';
import jaGraph from '../../../locales/ja/graph.json';
import jaLessons from '../../../locales/ja/lessons.json';
import jaTerminal from '../../../locales/ja/terminal.json';
import jaWalkthrough from '../../../locales/ja/walkthrough.json';
import type { Language } from './language';

/**
 * The UI's own namespaces, bundled (the app works offline and never fetches text).
 * `lessons` holds the walkthrough's chapters (keys typed in `src/lessons/keys.ts`).
 * `cli.json` and `help.json` belong to the CLI, which reads them without i18next.
 */
export const uiResources = {
  en: { app: enApp, terminal: enTerminal, console: enConsole, graph: enGraph, lessons: enLessons, walkthrough: enWalkthrough, editor: enEditor },
  ja: { app: jaApp, terminal: jaTerminal, console: jaConsole, graph: jaGraph, lessons: jaLessons, walkthrough: jaWalkthrough, editor: jaEditor },
} satisfies Record<Language, { app: typeof enApp; terminal: typeof enTerminal; console: typeof enConsole; graph: typeof enGraph; lessons: typeof enLessons; walkthrough: typeof enWalkthrough; editor: typeof enEditor }>;

export type UiResources = (typeof uiResources)['en'];
export const NAMESPACES = ['app', 'terminal', 'console', 'graph', 'lessons', 'walkthrough', 'editor'] as const satisfies readonly (keyof UiResources)[];
