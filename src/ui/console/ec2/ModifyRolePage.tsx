import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { findInstance, profileOptions } from '../model/ec2';
import { Container, Page } from '../parts/Page';
import { ConfirmTextDialog } from '../parts/ConfirmTextDialog';
import { useSim } from '../parts/useSim';

/**
 * Actions › Security › Modify IAM role. The dropdown lists instance profile names (F5); the
 * console action associates, replaces or disassociates. "No IAM Role" asks to type Detach first.
 */
export function ModifyRolePage({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation('console');
  const sim = useSim();
  const { go, perform, busy } = useConsole();
  const row = useMemo(() => (sim ? findInstance(sim, instanceId) : undefined), [sim, instanceId]);
  const profiles = useMemo(() => (sim ? profileOptions(sim) : []), [sim]);
  const current = row?.instanceProfileArn ? profiles.find((p) => p.arn === row.instanceProfileArn)?.name ?? '' : '';
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const [confirmDetach, setConfirmDetach] = useState(false);
  const selectId = useId();
  const helpId = useId();
  const chosen = choice ?? current;
  const crumbs = [
    { label: t('services.ec2'), route: { service: 'ec2', page: 'instances' } as const },
    { label: t('nav.instances'), route: { service: 'ec2', page: 'instances' } as const },
    { label: instanceId, route: { service: 'ec2', page: 'instance', instanceId, tab: 'security' } as const },
    { label: t('ec2.modifyRole.title') },
  ];
  const backToInstance = () => go({ service: 'ec2', page: 'instance', instanceId, tab: 'security' });
  const apply = (profileName: string | null) => void perform({ type: 'ec2.modifyIamRole', instanceId, instanceProfileName: profileName }, backToInstance);

  if (!row) {
    return (
      <Page crumbs={crumbs} title={t('ec2.modifyRole.title')} testId="console.ec2.modifyRole">
        <div className="c-empty">
          <p className="c-empty-title">{t('ec2.instance.notFound', { id: instanceId })}</p>
          <button type="button" className="button" onClick={() => go({ service: 'ec2', page: 'instances' })}>
            {t('ec2.instance.back')}
          </button>
        </div>
      </Page>
    );
  }

  const attached = row.instanceProfileArn !== undefined;
  // An attached profile that was deleted since has no name to pick: "No IAM Role" then still detaches.
  const unchanged = attached ? current !== '' && chosen === current : chosen === '';
  return (
    <Page crumbs={crumbs} title={t('ec2.modifyRole.title')} intro={t('ec2.modifyRole.intro')} testId="console.ec2.modifyRole">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          if (chosen === '') setConfirmDetach(true);
          else apply(chosen);
        }}
      >
        <Container title={t('ec2.modifyRole.title')}>
          <dl className="c-kv">
            <div className="c-kv-item">
              <dt>{t('ec2.fields.id')}</dt>
              <dd>
                <code>{row.instanceId}</code>
                {row.name ? ` (${row.name})` : ''}
              </dd>
            </div>
          </dl>
          <div className="c-field">
            <label htmlFor={selectId}>{t('ec2.modifyRole.role')}</label>
            <p id={helpId} className="c-help">
              {t('ec2.modifyRole.help')}
            </p>
            <select id={selectId} className="c-select" value={chosen} onChange={(e) => setChoice(e.target.value)} aria-describedby={helpId} data-testid="console.ec2.modifyRole.select">
              <option value="">{t('ec2.modifyRole.noRole')}</option>
              {profiles.map((p) => (
                <option key={p.arn} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="c-wizard-footer">
            <button type="button" className="button" onClick={backToInstance} data-testid="console.ec2.modifyRole.cancel">
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy || unchanged} data-testid="console.ec2.modifyRole.update">
              {t('ec2.modifyRole.update')}
            </button>
          </div>
        </Container>
      </form>
      <ConfirmTextDialog
        open={confirmDetach}
        title={t('ec2.modifyRole.detachTitle')}
        body={t('ec2.modifyRole.detachBody', { id: instanceId })}
        prompt={t('ec2.modifyRole.detachPrompt', { word: t('ec2.modifyRole.detachWord') })}
        word={t('ec2.modifyRole.detachWord')}
        inputLabel={t('ec2.modifyRole.detachInput')}
        confirm={t('ec2.modifyRole.detachConfirm')}
        busy={busy}
        onCancel={() => setConfirmDetach(false)}
        onConfirm={() => {
          setConfirmDetach(false);
          apply(null);
        }}
        testId="console.ec2.detach"
      />
    </Page>
  );
}
