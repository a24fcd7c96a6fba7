import { useTranslation } from 'react-i18next';

/**
 * What the walkthrough panel shows until its feature arrives: enough to orient a first-time
 * learner and to show that the lab answers at once.
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
