import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { AMI_CHOICES, DEFAULT_LAUNCH_FORM, INSTANCE_TYPES, launchAction, profileOptions, type LaunchForm } from '../model/ec2';
import { Container, Page } from '../parts/Page';
import { useSim } from '../parts/useSim';

/**
 * EC2 › Instances › Launch an instance: one page of sections, as the console's launch wizard.
 * "Advanced details › IAM instance profile" lists instance PROFILE names (empty ones too), not roles.
 */
export function LaunchWizard() {
  const { t } = useTranslation('console');
  const sim = useSim();
  const { go, perform, busy } = useConsole();
  const [form, setForm] = useState<LaunchForm>(DEFAULT_LAUNCH_FORM);
  const profiles = useMemo(() => (sim ? profileOptions(sim) : []), [sim]);
  const ids = { name: useId(), type: useId(), key: useId(), keyHelp: useId(), profile: useId(), profileHelp: useId(), tokens: useId() };
  const set = <K extends keyof LaunchForm>(field: K, value: LaunchForm[K]) => setForm((f) => ({ ...f, [field]: value }));
  const ami = AMI_CHOICES.find((a) => a.id === form.imageId);

  const launch = () => {
    void perform(launchAction(form), () => go({ service: 'ec2', page: 'instances' }));
  };

  return (
    <Page
      crumbs={[
        { label: t('services.ec2'), route: { service: 'ec2', page: 'instances' } },
        { label: t('nav.instances'), route: { service: 'ec2', page: 'instances' } },
        { label: t('ec2.launch.title') },
      ]}
      title={t('ec2.launch.title')}
      intro={t('ec2.launch.intro')}
      testId="console.ec2.launch"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) launch();
        }}
      >
        <Container title={t('ec2.launch.nameAndTags')}>
          <div className="c-field">
            <label htmlFor={ids.name}>{t('ec2.launch.name')}</label>
            <input id={ids.name} className="c-input" value={form.name} onChange={(e) => set('name', e.target.value)} placeholder={t('ec2.launch.namePlaceholder')} autoComplete="off" data-testid="console.ec2.launch.name" />
          </div>
        </Container>

        <Container title={t('ec2.launch.ami')}>
          <fieldset className="c-cards" data-testid="console.ec2.launch.ami">
            <legend className="visually-hidden">{t('ec2.launch.amiLegend')}</legend>
            {AMI_CHOICES.map((choice) => (
              <label key={choice.id} className="c-card" data-checked={form.imageId === choice.id}>
                <input type="radio" name="console-launch-ami" value={choice.id} checked={form.imageId === choice.id} onChange={() => set('imageId', choice.id)} />
                <span className="c-card-text">
                  <span className="c-strong">{t(`ec2.launch.amis.${choice.key}`)}</span>
                  <code className="c-sub">{choice.id}</code>
                </span>
              </label>
            ))}
          </fieldset>
        </Container>

        <Container title={t('ec2.launch.instanceType')}>
          <div className="c-field">
            <label htmlFor={ids.type}>{t('ec2.launch.instanceType')}</label>
            <select id={ids.type} className="c-select" value={form.instanceType} onChange={(e) => set('instanceType', e.target.value)} data-testid="console.ec2.launch.type">
              {INSTANCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type}
                </option>
              ))}
            </select>
          </div>
        </Container>

        <Container title={t('ec2.launch.keyPair')}>
          <div className="c-field">
            <label htmlFor={ids.key}>{t('ec2.launch.keyName')}</label>
            <input id={ids.key} className="c-input" value={form.keyName} onChange={(e) => set('keyName', e.target.value)} aria-describedby={ids.keyHelp} autoComplete="off" spellCheck={false} data-testid="console.ec2.launch.keyName" />
            <p id={ids.keyHelp} className="c-help">
              {t('ec2.launch.keyNameHelp')}
            </p>
          </div>
        </Container>

        <details className="c-box c-advanced" data-testid="console.ec2.launch.advanced">
          <summary className="c-box-head">
            <span className="c-box-title">{t('ec2.launch.advanced')}</span>
          </summary>
          <div className="c-box-body">
            <div className="c-field">
              <label htmlFor={ids.profile}>{t('ec2.launch.profile')}</label>
              <select
                id={ids.profile}
                className="c-select"
                value={form.instanceProfileName}
                onChange={(e) => set('instanceProfileName', e.target.value)}
                aria-describedby={ids.profileHelp}
                data-testid="console.ec2.launch.profile"
              >
                <option value="">{t('ec2.launch.profileNone')}</option>
                {profiles.map((p) => (
                  <option key={p.arn} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
              <p id={ids.profileHelp} className="c-help">
                {profiles.length ? t('ec2.launch.profileHelp') : t('ec2.launch.noProfiles')}
              </p>
            </div>
            <div className="c-field">
              <label htmlFor={ids.tokens}>{t('ec2.launch.metadataVersion')}</label>
              <select id={ids.tokens} className="c-select" value={form.httpTokens} onChange={(e) => set('httpTokens', e.target.value as LaunchForm['httpTokens'])} data-testid="console.ec2.launch.httpTokens">
                <option value="">{t('ec2.launch.metadataDefault')}</option>
                <option value="optional">{t('ec2.launch.metadataOptional')}</option>
                <option value="required">{t('ec2.launch.metadataRequired')}</option>
              </select>
            </div>
          </div>
        </details>

        <Container title={t('ec2.launch.summary')}>
          <dl className="c-kv">
            <div className="c-kv-item">
              <dt>{t('ec2.launch.count')}</dt>
              <dd>1</dd>
            </div>
            <div className="c-kv-item">
              <dt>{t('ec2.launch.amiLegend')}</dt>
              <dd>{ami ? t(`ec2.launch.amis.${ami.key}`) : form.imageId}</dd>
            </div>
            <div className="c-kv-item">
              <dt>{t('ec2.launch.instanceType')}</dt>
              <dd>{form.instanceType}</dd>
            </div>
            <div className="c-kv-item">
              <dt>{t('ec2.launch.profile')}</dt>
              <dd>{form.instanceProfileName || t('common.none')}</dd>
            </div>
          </dl>
          <div className="c-wizard-footer">
            <button type="button" className="button" onClick={() => go({ service: 'ec2', page: 'instances' })} data-testid="console.ec2.launch.cancel">
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy} data-testid="console.ec2.launch.submit">
              {busy ? t('ec2.launch.launching') : t('ec2.launch.submit')}
            </button>
          </div>
        </Container>
      </form>
    </Page>
  );
}
