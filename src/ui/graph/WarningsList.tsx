import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { GraphWarning } from '../../graph/types';
import { useLabActions } from '../app/LabContext';
import { WarningIcon } from './icons';
import { warningShort } from './text';

/**
 * The graph's warnings in words, over the graph where a class can read them: each one selects the
 * node it is about (its details explain it and offer the fix).
 */
export function WarningsList({ warnings }: { warnings: readonly GraphWarning[] }) {
  const { t } = useTranslation('graph');
  const { selectNode } = useLabActions();
  if (warnings.length === 0) return null;
  return (
    <Panel position="top-left" className="graph-overlay graph-warnings">
      <details open data-testid="graph.warnings">
        <summary>{t('warningsList.title', { count: warnings.length })}</summary>
        <ul>
          {warnings.map((warning) => (
            <li key={warning.id}>
              <button type="button" className="graph-warning" data-testid="graph.warning" data-code={warning.code} title={t('warningsList.show')} onClick={() => selectNode(warning.nodeIds[0])}>
                <WarningIcon />
                <span>{warningShort(t, warning)}</span>
              </button>
            </li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}
