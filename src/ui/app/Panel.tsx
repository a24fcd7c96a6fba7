import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelId } from '../store/prefs';
import { useLab, useLabActions } from './LabContext';

interface PanelProps {
  id: PanelId;
  /** On narrow screens panels are tabs: one shows at a time and none collapses. */
  narrow: boolean;
  children: ReactNode;
  /** Buttons for the panel's header, beside its title (the terminal's "Files"). */
  actions?: ReactNode;
}

/** A titled region of the screen that the learner can hide (all but the terminal) and resize. */
export function Panel({ id, narrow, children, actions }: PanelProps) {
  const { t } = useTranslation();
  const title = t(`panels.${id}`);
  const collapsed = useLab((s) => id !== 'terminal' && s.prefs.collapsed[id]);
  const selected = useLab((s) => s.narrowTab === id);
  const { setCollapsed } = useLabActions();
  const folded = collapsed && !narrow;
  return (
    <section
      id={`panel-${id}`}
      className={`panel panel-${id}`}
      data-collapsed={folded}
      role={narrow ? 'tabpanel' : 'region'}
      aria-labelledby={narrow ? `tab-${id}` : `panel-${id}-title`}
      hidden={narrow && !selected}
      data-testid={`panel.${id}`}
    >
      <div className="panel-header">
        <h2 id={`panel-${id}-title`} className="panel-title">
          {title}
        </h2>
        {actions}
        {id !== 'terminal' && !narrow && (
          <button
            type="button"
            className="panel-toggle"
            aria-expanded={!collapsed}
            aria-controls={`panel-${id}-body`}
            aria-label={collapsed ? t('panels.expand', { panel: title }) : t('panels.collapse', { panel: title })}
            title={collapsed ? t('panels.expand', { panel: title }) : t('panels.collapse', { panel: title })}
            onClick={() => setCollapsed(id, !collapsed)}
            data-testid={`panel.${id}.toggle`}
          >
            <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
          </button>
        )}
      </div>
      <div className="panel-body" id={`panel-${id}-body`} hidden={folded}>
        {children}
      </div>
    </section>
  );
}
