import { detectLanguage, type Language } from '../i18n/language';

/** Panels that collapse; the terminal always stays. */
export type CollapsiblePanel = 'walkthrough' | 'graph' | 'details';
/** Every panel, as the tabs of the narrow layout show them. */
export type PanelId = CollapsiblePanel | 'terminal';
export type Theme = 'light' | 'dark';

/** The learner's UI preferences: kept in localStorage (they are not part of the lab). */
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

export const PREFS_KEY = 'iam-lab:ui-prefs';

export interface BrowserHints {
  languages: readonly string[];
  prefersDark: boolean;
}

/**
 * Saved preferences, each field checked on its own: a damaged or older entry keeps what is still
 * valid and falls back to the browser's hints for the rest.
 */
export function readPrefs(saved: string | null, hints: BrowserHints): UiPrefs {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = saved ? JSON.parse(saved) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Record<string, unknown>;
  } catch {
    // Unreadable: start from the defaults.
  }
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
