import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLab } from '../app/LabContext';
import { ApiLog } from './ApiLog';
import { Console } from './Console';
import { TabList, TabPanel } from './parts/Tabs';

type View = 'console' | 'details';

/**
 * The right-hand column of ux.md's screen: the console (IAM | EC2) or the details of the selected
 * node, with the "API calls" log below both. Selecting a node (in the terminal or the graph)
 * brings its details forward; both views stay mounted, so the console keeps its page and wizard.
 */
export function SidePanel({ details }: { details: ReactNode }) {
  const { t } = useTranslation('console');
  const selected = useLab((s) => s.selectedNodeId);
  const [view, setView] = useState<View>('console');
  const [seen, setSeen] = useState(selected);
  const base = useId();
  if (selected !== seen) {
    setSeen(selected);
    if (selected) setView('details');
  }
  return (
    <div className="c-side" data-testid="side">
      <TabList
        label={t('side.views')}
        base={base}
        selected={view}
        onSelect={setView}
        className="c-side-tabs"
        tabs={[
          { id: 'console', label: t('side.console'), testId: 'side.tab.console' },
          { id: 'details', label: t('side.details'), testId: 'side.tab.details' },
        ]}
      />
      <TabPanel base={base} id="console" selected={view === 'console'} keepMounted className="c-side-view">
        <Console />
      </TabPanel>
      <TabPanel base={base} id="details" selected={view === 'details'} keepMounted className="c-side-view">
        {details}
      </TabPanel>
      <ApiLog />
    </div>
  );
}
