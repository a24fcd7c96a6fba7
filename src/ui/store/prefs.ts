import { detectLanguage, type Language } from '../i18n/language';

/** Panels that collapse; the terminal always stays. */
export type CollapsiblePanel = 'walkthrough' | 'graph' | 'details';
/** Every panel, as the tabs of the narrow layout show them. */
export type PanelId = CollapsiblePanel | 'terminal';
export type Theme = 'light' | 'dark';

/** The learner's UI preferences: kept in IndexedDB beside the lab (`persistence.ts`), not part of it. */
export interface UiPrefs {
  language: Language;
  theme: Theme;
  presentation: boolean;
  /** Side panel widths in CSS pixels, and the graph's share of the centre column's height. */
  sizes: { walkthrough: number; details: number; graph: number };
  collapsed: Record<CollapsiblePanel, boolean>;
  /** Set once the first-visit welcome has been answered. */
  welcomed: boolean;
}

export const SIZE_LIMITS = {
  walkthrough: { min: 200, max: 560, step: 16 },
  details: { min: 240, max: 640, step: 16 },
  graph: { min: 0.15, max: 0.85, step: 0.05 },
} as const satisfies Record<keyof UiPrefs['sizes'], { min: number; max: number; step: number }>;

export const clampSize = (panel: keyof UiPrefs['sizes'], value: number): number =>
  Math.min(SIZE_LIMITS[panel].max, Math.max(SIZE_LIMITS[panel].min, value));

export interface BrowserHints {
  languages: readonly string[];
  prefersDark: boolean;
}

/**
 * Saved preferences (as IndexedDB gives them back), each field checked on its own: a damaged or
 * older entry keeps what is still valid and falls back to the browser's hints for the rest.
 */
export function readPrefs(saved: unknown, hints: BrowserHints): UiPrefs {
  const raw: Record<string, unknown> = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Record<string, unknown>) : {};
  const sizes = (raw.sizes ?? {}) as Record<string, unknown>;
  const collapsed = (raw.collapsed ?? {}) as Record<string, unknown>;
  const size = (panel: keyof UiPrefs['sizes'], fallback: number) => {
    const value = sizes[panel];
    return typeof value === 'number' && Number.isFinite(value) ? clampSize(panel, value) : fallback;
  };
  return {
    language: detectLanguage(raw.language, hints.languages),
    theme: raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : hints.prefersDark ? 'dark' : 'light',
    presentation: raw.presentation === true,
    sizes: { walkthrough: size('walkthrough', 300), details: size('details', 340), graph: size('graph', 0.5) },
    collapsed: { walkthrough: collapsed.walkthrough === true, graph: collapsed.graph === true, details: collapsed.details === true },
    welcomed: raw.welcomed === true,
  };
}
