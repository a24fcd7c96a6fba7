import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { wholeHours } from '../model/format';
import { roleView, type RoleView } from '../model/iam';
import type { RoleTab } from '../routes';
import { Container, KeyValues, Page } from '../parts/Page';
import { TabList, TabPanel } from '../parts/Tabs';
import { useDate, useSim } from '../parts/useSim';
import { DeleteRoleDialog } from './DeleteRoleDialog';
import { TableScroll } from '../parts/TableScroll';

/** IAM › Roles › NAME: summary (with the instance profile ARNs when it has any, F22) and tabs. */
export function RolePage({ roleName, tab }: { roleName: string; tab: RoleTab }) {
  const { t } = useTranslation('console');
  const sim = useSim();
  const date = useDate();
  const { go } = useConsole();
  const [deleting, setDeleting] = useState(false);
  const base = useId();
  const role = useMemo(() => (sim ? roleView(sim, roleName) : undefined), [sim, roleName]);
  const crumbs = [
    { label: t('services.iam'), route: { service: 'iam', page: 'roles' } as const },
    { label: t('nav.roles'), route: { service: 'iam', page: 'roles' } as const },
    { label: roleName },
  ];

  if (!role) {
    return (
      <Page crumbs={crumbs} title={roleName} testId="console.iam.role">
        <div className="c-empty" data-testid="console.iam.role.missing">
          <p className="c-empty-title">{t('iam.role.notFound', { name: roleName })}</p>
          <button type="button" className="button" onClick={() => go({ service: 'iam', page: 'roles' })}>
            {t('iam.role.back')}
          </button>
        </div>
      </Page>
    );
  }

  const hours = wholeHours(role.maxSessionDuration);
  const summary = [
    { label: t('iam.role.created'), value: date(role.createDate) },
    { label: t('iam.role.arn'), value: <code className="c-arn" data-testid="console.iam.role.arn">{role.arn}</code> },
    ...(role.instanceProfileArns.length
      ? [
          {
            label: t('iam.role.instanceProfileArns'),
            testId: 'console.iam.role.profileArns',
            value: (
              <ul className="c-plain-list">
                {role.instanceProfileArns.map((arn) => (
                  <li key={arn}>
                    <code className="c-arn">{arn}</code>
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    { label: t('iam.role.lastActivity'), value: role.lastUsed ? date(role.lastUsed) : t('iam.role.never') },
    {
      label: t('iam.role.maxSession'),
      value: hours === 1 ? t('iam.role.oneHour') : hours !== undefined ? t('iam.role.hours', { count: hours }) : t('iam.role.seconds', { count: role.maxSessionDuration }),
    },
    { label: t('iam.role.description'), value: role.description ?? t('common.none') },
  ];
  const select = (next: RoleTab) => go({ service: 'iam', page: 'role', roleName, tab: next }, { keepFocus: true });

  return (
    <Page
      crumbs={crumbs}
      title={role.roleName}
      testId="console.iam.role"
      actions={
        <button type="button" className="button" onClick={() => setDeleting(true)} data-testid="console.iam.role.delete">
          {t('iam.role.delete')}
        </button>
      }
    >
      <Container title={t('iam.role.summary')} testId="console.iam.role.summary">
        <KeyValues items={summary} />
      </Container>
      <TabList
        label={t('iam.role.tabs.label')}
        base={base}
        selected={tab}
        onSelect={select}
        tabs={[
          { id: 'permissions', label: t('iam.role.tabs.permissions'), testId: 'console.iam.role.tab.permissions' },
          { id: 'trust', label: t('iam.role.tabs.trust'), testId: 'console.iam.role.tab.trust' },
          { id: 'tags', label: t('iam.role.tabs.tags'), testId: 'console.iam.role.tab.tags' },
        ]}
      />
      <TabPanel base={base} id="permissions" selected={tab === 'permissions'}>
        <Permissions role={role} />
      </TabPanel>
      <TabPanel base={base} id="trust" selected={tab === 'trust'}>
        <Container title={t('iam.role.trust.title')} testId="console.iam.role.trust">
          <p className="c-intro">{t('iam.role.trust.body')}</p>
          <pre className="c-json" tabIndex={0} aria-label={t('iam.role.trust.document')}>
            {role.trustPolicy}
          </pre>
          <p className="quiet">{t('iam.role.trust.readOnly')}</p>
        </Container>
      </TabPanel>
      <TabPanel base={base} id="tags" selected={tab === 'tags'}>
        <Container title={t('iam.role.tags.title', { count: role.tags.length })} testId="console.iam.role.tags">
          {role.tags.length === 0 ? (
            <p className="c-empty-note">{t('iam.role.tags.empty')}</p>
          ) : (
            <table className="c-table">
              <thead>
                <tr>
                  <th scope="col">{t('iam.role.tags.key')}</th>
                  <th scope="col">{t('iam.role.tags.value')}</th>
                </tr>
              </thead>
              <tbody>
                {role.tags.map((tag) => (
                  <tr key={tag.Key}>
                    <td>{tag.Key}</td>
                    <td>{tag.Value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Container>
      </TabPanel>
      <DeleteRoleDialog open={deleting} roleName={role.roleName} onClose={() => setDeleting(false)} />
    </Page>
  );
}

function Permissions({ role }: { role: RoleView }) {
  const { t } = useTranslation('console');
  const count = role.managedPolicies.length + role.inlinePolicyNames.length;
  return (
    <Container title={t('iam.role.permissions.title', { count })} testId="console.iam.role.permissions">
      {count === 0 ? (
        <p className="c-empty-note">{t('iam.role.permissions.empty')}</p>
      ) : (
        <TableScroll label={t('iam.role.permissions.title', { count })}>
          <table className="c-table">
            <thead>
              <tr>
                <th scope="col">{t('iam.role.permissions.name')}</th>
                <th scope="col">{t('iam.role.permissions.type')}</th>
              </tr>
            </thead>
            <tbody>
              {role.managedPolicies.map((policy) => (
                <tr key={policy.arn} data-testid="console.iam.role.policy" data-policy-name={policy.name}>
                  <td>
                    <span className="c-strong">{policy.name}</span>
                    {policy.description && <span className="c-sub">{policy.description}</span>}
                  </td>
                  <td className="c-nowrap">{policy.type === 'aws' ? t('iam.policyTypes.aws') : t('iam.policyTypes.customer')}</td>
                </tr>
              ))}
              {role.inlinePolicyNames.map((name) => (
                <tr key={`inline:${name}`} data-testid="console.iam.role.policy" data-policy-name={name}>
                  <td>
                    <span className="c-strong">{name}</span>
                  </td>
                  <td className="c-nowrap">{t('iam.policyTypes.inline')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Container>
  );
}
