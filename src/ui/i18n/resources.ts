import type enApp from '../../../locales/en/app.json';
import type enConsole from '../../../locales/en/console.json';
import type enEditor from '../../../locales/en/editor.json';
import type enGraph from '../../../locales/en/graph.json';
import type enLessons from '../../../locales/en/lessons.json';
import type enTerminal from '../../../locales/en/terminal.json';
import type enWalkthrough from '../../../locales/en/walkthrough.json';

/**
 * The UI's own namespaces, typed from the English files (for typed keys); the texts themselves are
 * loaded by language and by need (`bundles.ts`). `lessons` holds the walkthrough's chapters (keys
 * typed in `src/lessons/keys.ts`). `cli.json` and `help.json` belong to the CLI, which reads them
 * without i18next; `policy.json` comes with the editor.
 */
export interface UiResources {
  app: typeof enApp;
  terminal: typeof enTerminal;
  console: typeof enConsole;
  graph: typeof enGraph;
  lessons: typeof enLessons;
  walkthrough: typeof enWalkthrough;
  editor: typeof enEditor;
}

export type Namespace = keyof UiResources;
