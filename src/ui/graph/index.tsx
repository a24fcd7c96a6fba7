import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// @xyflow/react and the graph's components load on their own, after the terminal is usable.
const GraphView = lazy(() => import('./GraphView'));

/** The graph panel's content. */
export function GraphPanel() {
  const { t } = useTranslation('graph');
  return (
    <Suspense fallback={<p className="graph-loading">{t('loading')}</p>}>
      <GraphView />
    </Suspense>
  );
}
