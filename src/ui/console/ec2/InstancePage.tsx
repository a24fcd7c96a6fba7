import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { findInstance } from '../model/ec2';
import type { InstanceTab } from '../routes';
import { Container, KeyValues, Page } from '../parts/Page';
import { TabList, TabPanel } from '../parts/Tabs';
import { useDate, useSim } from '../parts/useSim';
import { IamRoleText } from './IamRoleText';
import { InstanceActions } from './InstanceActions';
import { StateText } from './StateText';

/** EC2 › Instances › i-…: the summary, with Details and Security tabs (F5: "IAM Role" is the role inside the profile). */
export function InstancePage({ instanceId, tab }: { instanceId: string; tab: InstanceTab }) {
  const { t } = useTranslation('console');
  const sim = useSim();
  const date = useDate();
  const { go } = useConsole();
  const base = useId();
  const row = useMemo(() => (sim ? findInstance(sim, instanceId) : undefined), [sim, instanceId]);
  const crumbs = [
    { label: t('services.ec2'), route: { service: 'ec2', page: 'instances' } as const },
    { label: t('nav.instances'), route: { service: 'ec2', page: 'instances' } as const },
    { label: instanceId },
  ];

  if (!row || !sim) {
    return (
      <Page crumbs={crumbs} title={instanceId} testId="console.ec2.instance">
        <div className="c-empty" data-testid="console.ec2.instance.missing">
          <p className="c-empty-title">{t('ec2.instance.notFound', { id: instanceId })}</p>
          <button type="button" className="button" onClick={() => go({ service: 'ec2', page: 'instances' })}>
            {t('ec2.instance.back')}
          </button>
        </div>
      </Page>
    );
  }

  const none = t('common.none');
  const iamRole = (testId: string) => <IamRoleText cell={row.iamRole} testId={testId} />;

  return (
    <Page crumbs={crumbs} title={t('ec2.instance.title', { id: instanceId })} testId="console.ec2.instance" actions={<InstanceActions rows={[row]} testId="console.ec2.instance" />}>
      <Container title={t('ec2.instance.summary')}>
        <KeyValues
          items={[
            { label: t('ec2.fields.id'), value: <code>{row.instanceId}</code> },
            { label: t('ec2.fields.state'), value: <StateText state={row.state} /> },
            { label: t('ec2.fields.type'), value: row.instanceType },
            { label: t('ec2.fields.name'), value: row.name ?? none },
            { label: t('ec2.fields.publicIp'), value: row.publicIp ?? none },
            { label: t('ec2.fields.privateIp'), value: row.privateIp },
          ]}
        />
      </Container>
      <TabList
        label={t('ec2.instance.tabs.label')}
        base={base}
        selected={tab}
        onSelect={(next) => go({ service: 'ec2', page: 'instance', instanceId, tab: next }, { keepFocus: true })}
        tabs={[
          { id: 'details', label: t('ec2.instance.tabs.details'), testId: 'console.ec2.instance.tab.details' },
          { id: 'security', label: t('ec2.instance.tabs.security'), testId: 'console.ec2.instance.tab.security' },
        ]}
      />
      <TabPanel base={base} id="details" selected={tab === 'details'} testId="console.ec2.details">
        <Container title={t('ec2.instance.details')}>
          <KeyValues
            items={[
              { label: t('ec2.fields.ami'), value: <code>{row.imageId}</code> },
              { label: t('ec2.fields.keyName'), value: row.keyName ?? none },
              { label: t('ec2.fields.iamRole'), value: iamRole('console.ec2.details.iamRole') },
              { label: t('ec2.fields.launchTime'), value: date(row.launchTime) },
              { label: t('ec2.fields.zone'), value: row.availabilityZone },
              { label: t('ec2.fields.vpc'), value: <code>{row.vpcId}</code> },
              { label: t('ec2.fields.subnet'), value: <code>{row.subnetId}</code> },
              { label: t('ec2.fields.imdsv2'), value: row.httpTokens === 'required' ? t('ec2.fields.required') : t('ec2.fields.optional') },
            ]}
          />
        </Container>
      </TabPanel>
      <TabPanel base={base} id="security" selected={tab === 'security'} testId="console.ec2.security">
        <Container title={t('ec2.instance.security.title')}>
          <KeyValues
            items={[
              { label: t('ec2.fields.iamRole'), value: iamRole('console.ec2.security.iamRole') },
              { label: t('ec2.instance.security.ownerId'), value: <code>{sim.account.accountId}</code> },
              { label: t('ec2.fields.launchTime'), value: date(row.launchTime) },
              {
                label: t('ec2.instance.security.groups'),
                value: row.securityGroups.length ? (
                  <ul className="c-plain-list">
                    {row.securityGroups.map((g) => (
                      <li key={g.GroupId}>
                        <code>{g.GroupId}</code> ({g.GroupName})
                      </li>
                    ))}
                  </ul>
                ) : (
                  none
                ),
              },
            ]}
          />
        </Container>
      </TabPanel>
    </Page>
  );
}
