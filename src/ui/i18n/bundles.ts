import type { Language } from './language';
import type { Namespace, UiResources } from './resources';

/**
 * The UI's texts, bundled with the app (it works offline and never fetches from elsewhere) but
 * loaded by need: one chunk per language with what the first paint shows, and one with the
 * walkthrough's, loaded when its panel first shows. Only the learner's language is loaded; the
 * other one when they switch to it.
 */
export const BUNDLES = {
  start: ['app', 'terminal', 'graph', 'console', 'editor'],
  walkthrough: ['walkthrough', 'lessons'],
} as const satisfies Record<string, readonly Namespace[]>;

export type Bundle = keyof typeof BUNDLES;

type Loaders = { [B in Bundle]: () => Promise<Pick<UiResources, (typeof BUNDLES)[B][number]>> };

// Written out, so that each is a chunk of its own, and a language whose file lacks a key fails to compile.
const LOADERS: Record<Language, Loaders> = {
  en: { start: () => import('./texts/en-start'), walkthrough: () => import('./texts/en-walkthrough') },
  ja: { start: () => import('./texts/ja-start'), walkthrough: () => import('./texts/ja-walkthrough') },
};

export const NAMESPACES: readonly Namespace[] = Object.values(BUNDLES).flat();

export function bundleOf(namespace: string): Bundle | undefined {
  return (Object.keys(BUNDLES) as Bundle[]).find((bundle) => (BUNDLES[bundle] as readonly string[]).includes(namespace));
}

/** One namespace's texts in one language: its bundle is loaded once (the module system keeps it). */
export async function loadNamespace(language: Language, namespace: string): Promise<UiResources[Namespace]> {
  const bundle = bundleOf(namespace);
  if (!bundle) throw new Error(`IAM Lab has no namespace ${namespace}.`);
  const texts: Partial<Record<string, UiResources[Namespace]>> = await LOADERS[language][bundle]();
  const found = texts[namespace];
  if (!found) throw new Error(`The ${bundle} bundle lacks the namespace ${namespace}.`);
  return found;
}
