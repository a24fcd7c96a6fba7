import type { KeyboardEvent, ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: string;
  testId?: string;
}

export const tabId = (base: string, id: string): string => `${base}-tab-${id}`;
export const tabPanelId = (base: string, id: string): string => `${base}-panel-${id}`;

interface TabListProps<T extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly TabDef<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** A unique prefix (from `useId`) for the tab and panel ids. */
  base: string;
  className?: string;
  testId?: string;
}

/** WAI-ARIA tabs: one tab stop, arrow keys (and Home/End) move and select. */
export function TabList<T extends string>({ label, tabs, selected, onSelect, base, className = 'c-tabs', testId }: TabListProps<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    document.getElementById(tabId(base, tab.id))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className} onKeyDown={onKeyDown} data-testid={testId}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabId(base, tab.id)}
          type="button"
          role="tab"
          className="c-tab"
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(base, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          data-testid={tab.testId}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

interface TabPanelProps {
  base: string;
  id: string;
  selected: boolean;
  children: ReactNode;
  /** Keeps the content mounted (hidden) while another tab shows, so it keeps its state. */
  keepMounted?: boolean;
  className?: string;
  testId?: string;
}

/** A tab's panel; only the selected one renders its content, unless `keepMounted`. */
export function TabPanel({ base, id, selected, children, keepMounted = false, className, testId }: TabPanelProps) {
  return (
    <div role="tabpanel" id={tabPanelId(base, id)} aria-labelledby={tabId(base, id)} hidden={!selected} className={className} data-testid={testId}>
      {(selected || keepMounted) && children}
    </div>
  );
}
