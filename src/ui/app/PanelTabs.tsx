import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelId } from '../store/prefs';
import { useLab, useLabActions } from './LabContext';

/** Narrow screens: the panels as tabs (arrow keys move between them, as WAI-ARIA tabs do). */
export function PanelTabs({ panels }: { panels: readonly PanelId[] }) {
  const { t } = useTranslation();
  const selected = useLab((s) => s.narrowTab);
  const { setNarrowTab } = useLabActions();

  const onKeyDown = (e: KeyboardEvent) => {
    const at = panels.indexOf(selected);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: panels.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const id = panels[(next + panels.length) % panels.length];
    if (!id) return;
    setNarrowTab(id);
    document.getElementById(`tab-${id}`)?.focus();
  };

  return (
    <div role="tablist" aria-label={t('panels.tabs')} className="tabs" onKeyDown={onKeyDown} data-testid="panels.tabs">
      {panels.map((id) => (
        <button
          key={id}
          id={`tab-${id}`}
          type="button"
          role="tab"
          className="tab"
          aria-selected={selected === id}
          aria-controls={`panel-${id}`}
          tabIndex={selected === id ? 0 : -1}
          onClick={() => setNarrowTab(id)}
          data-testid={`panels.tab.${id}`}
        >
          {t(`panels.${id}`)}
        </button>
      ))}
    </div>
  );
}
