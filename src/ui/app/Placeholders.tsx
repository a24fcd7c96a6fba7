import { useTranslation } from 'react-i18next';
import { useLab, useLabActions } from './LabContext';

/**
 * What the walkthrough, graph and details panels show until their features arrive: enough to
 * orient a first-time learner and to show that the lab answers at once.
 */
export function WalkthroughWelcome() {
  const { t } = useTranslation();
  return (
    <div className="placeholder" data-testid="walkthrough.empty">
      <h3>{t('walkthrough.title')}</h3>
      <p>{t('walkthrough.body')}</p>
      <p>{t('walkthrough.try')}</p>
      <pre className="code-sample">aws iam create-role --role-name s3access \{'\n'}  --assume-role-policy-document file://ec2-role-trust-policy.json</pre>
      <p className="quiet">{t('walkthrough.soon')}</p>
    </div>
  );
}

export function GraphPlaceholder() {
  const { t } = useTranslation();
  const tables = useLab((s) => s.published?.sim.tables);
  return (
    <div className="placeholder placeholder-graph" data-testid="graph.placeholder">
      <p>{t('graph.placeholder')}</p>
      {tables && (
        <p className="quiet" data-testid="graph.counts">
          {t('graph.counts', { roles: Object.keys(tables.roles).length, profiles: Object.keys(tables.instanceProfiles).length, instances: Object.keys(tables.instances).length })}
        </p>
      )}
    </div>
  );
}

export function DetailsPanel() {
  const { t } = useTranslation();
  const selected = useLab((s) => s.selectedNodeId);
  const { selectNode } = useLabActions();
  if (!selected) {
    return (
      <div className="placeholder" data-testid="details.empty">
        <p>{t('details.empty')}</p>
      </div>
    );
  }
  return (
    <div className="placeholder" data-testid="details.selected">
      <p>{t('details.selected', { id: selected })}</p>
      <button type="button" className="button" onClick={() => selectNode(undefined)}>
        {t('details.clear')}
      </button>
    </div>
  );
}
