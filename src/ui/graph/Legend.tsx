import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { NODE_KINDS, type NodeKind } from '../../graph/types';
import { KIND_ICONS, WarningIcon } from './icons';
import { NODE_TEST_IDS } from './nodes';

interface LegendProps {
  hidden: ReadonlySet<NodeKind>;
  onToggle(kind: NodeKind): void;
}

/**
 * What the shapes and lines mean, and a filter by resource type: hiding a kind moves nothing
 * (the layout is the whole graph's), so showing it again puts it back where it was.
 */
export function Legend({ hidden, onToggle }: LegendProps) {
  const { t } = useTranslation('graph');
  return (
    <Panel position="top-right" className="graph-overlay graph-legend">
      <details data-testid="graph.legend">
        <summary>{t('legend.title')}</summary>
        <fieldset className="graph-legend-kinds">
          <legend className="visually-hidden">{t('legend.title')}</legend>
          {NODE_KINDS.map((kind) => {
            const Icon = KIND_ICONS[kind];
            return (
              <label key={kind} className={`graph-legend-kind kind-${kind}`}>
                <input type="checkbox" checked={!hidden.has(kind)} onChange={() => onToggle(kind)} data-testid={`graph.filter.${NODE_TEST_IDS[kind]}`} />
                <Icon />
                <span>{t(`kinds.${kind}`)}</span>
              </label>
            );
          })}
        </fieldset>
        <p className="graph-legend-heading">{t('legend.lines')}</p>
        <ul className="graph-legend-lines">
          <li>
            <span className="swatch swatch-may-assume" aria-hidden="true" />
            {t('legend.trust')}
          </li>
          <li>
            <span className="swatch swatch-contains-role" aria-hidden="true" />
            {t('legend.holds')}
          </li>
          <li>
            <span className="swatch swatch-uses-profile" aria-hidden="true" />
            {t('legend.uses')}
          </li>
          <li>
            <span className="swatch swatch-policy" aria-hidden="true" />
            {t('legend.policy')}
          </li>
          <li>
            <span className="swatch-icon" aria-hidden="true">
              <WarningIcon />
            </span>
            {t('legend.warning')}
          </li>
          <li>
            <span className="swatch swatch-changed" aria-hidden="true" />
            {t('legend.changed')}
          </li>
        </ul>
      </details>
    </Panel>
  );
}
