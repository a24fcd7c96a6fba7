import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SidePanel } from '../console/SidePanel';
import { NodeDetails } from '../details/NodeDetails';
import { FilesButton } from '../editor/FilesButton';
import { GraphPanel } from '../graph';
import type { PanelId } from '../store/prefs';
import { Terminal } from '../terminal/Terminal';
import { useLoadedWalkthrough, useWalkthroughOpen } from '../walkthrough/WalkthroughContext';
import { NARROW_QUERY, useMediaQuery } from './hooks';
import { useLab } from './LabContext';
import { Panel } from './Panel';
import { PanelTabs } from './PanelTabs';
import { Splitter } from './Splitter';

const ALL_PANELS: readonly PanelId[] = ['walkthrough', 'graph', 'terminal', 'details'];
const SANDBOX_PANELS: readonly PanelId[] = ['graph', 'terminal', 'details'];
const PRESENTATION_PANELS: readonly PanelId[] = ['graph', 'terminal'];

/**
 * The body of the screen: walkthrough | graph over terminal | details. Wide screens lay the
 * panels out side by side (a CSS grid sized from the store); narrow ones show them as tabs.
 * Presentation mode keeps the graph and the terminal only; sandbox mode closes the walkthrough.
 */
export function Workspace() {
  const { t } = useTranslation();
  const narrow = useMediaQuery(NARROW_QUERY);
  const presentation = useLab((s) => s.prefs.presentation);
  const sizes = useLab((s) => s.prefs.sizes);
  const collapsed = useLab((s) => s.prefs.collapsed);
  const centre = useRef<HTMLDivElement>(null);
  const sides = !presentation;
  const walkthrough = useWalkthroughOpen() && sides;
  // The panel's code comes in when the walkthrough first opens (at once when it was left open).
  const loaded = useLoadedWalkthrough();

  const columns = [
    walkthrough && (collapsed.walkthrough ? 'auto' : `${sizes.walkthrough}px`),
    walkthrough && !collapsed.walkthrough && 'auto',
    'minmax(0, 1fr)',
    sides && !collapsed.details && 'auto',
    sides && (collapsed.details ? 'auto' : `${sizes.details}px`),
  ]
    .filter(Boolean)
    .join(' ');
  const loading = <p className="panel-loading">{t('panels.loading', { panel: t('panels.walkthrough') })}</p>;
  const rows = collapsed.graph ? 'auto minmax(0, 1fr)' : `minmax(0, ${sizes.graph}fr) auto minmax(0, ${1 - sizes.graph}fr)`;

  return (
    <main className="workspace" data-layout={narrow ? 'narrow' : 'wide'} style={narrow ? undefined : { gridTemplateColumns: columns }} data-testid="workspace">
      {narrow && <PanelTabs panels={presentation ? PRESENTATION_PANELS : walkthrough ? ALL_PANELS : SANDBOX_PANELS} />}
      {walkthrough && (
        <Panel id="walkthrough" narrow={narrow}>
          <Suspense fallback={loading}>{loaded ? <loaded.WalkthroughPanel /> : loading}</Suspense>
        </Panel>
      )}
      {walkthrough && !narrow && !collapsed.walkthrough && <Splitter panel="walkthrough" label={t('panels.resize', { panel: t('panels.walkthrough') })} controls="panel-walkthrough" />}
      <div className="centre" ref={centre} style={narrow ? undefined : { gridTemplateRows: rows }}>
        <Panel id="graph" narrow={narrow}>
          <GraphPanel />
        </Panel>
        {!narrow && !collapsed.graph && <Splitter panel="graph" label={t('panels.resize', { panel: t('panels.graph') })} controls="panel-graph" container={centre} />}
        <Panel id="terminal" narrow={narrow} actions={<FilesButton />}>
          <Terminal />
        </Panel>
      </div>
      {sides && !narrow && !collapsed.details && <Splitter panel="details" label={t('panels.resize', { panel: t('panels.details') })} controls="panel-details" />}
      {sides && (
        <Panel id="details" narrow={narrow}>
          <SidePanel details={<NodeDetails />} />
        </Panel>
      )}
    </main>
  );
}
