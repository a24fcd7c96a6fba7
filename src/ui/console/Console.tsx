import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { exhaustive } from '../lib/exhaustive';
import { useLab } from '../app/LabContext';
import { ConsoleProvider, useConsole } from './ConsoleContext';
import { InstancePage } from './ec2/InstancePage';
import { InstancesPage } from './ec2/InstancesPage';
import { LaunchWizard } from './ec2/LaunchWizard';
import { ModifyRolePage } from './ec2/ModifyRolePage';
import { CreateRoleWizard } from './iam/CreateRoleWizard';
import { RolePage } from './iam/RolePage';
import { RolesPage } from './iam/RolesPage';
import type { Ec2Route, IamRoute, ServiceId } from './routes';
import { FlashBar } from './parts/FlashBar';
import { TabList, TabPanel } from './parts/Tabs';
import './console.css';

function IamPage({ route }: { route: IamRoute }) {
  switch (route.page) {
    case 'roles':
      return <RolesPage />;
    case 'role':
      return <RolePage key={route.roleName} roleName={route.roleName} tab={route.tab} />;
    case 'createRole':
      return <CreateRoleWizard />;
    default:
      return exhaustive(route);
  }
}

function Ec2Page({ route }: { route: Ec2Route }) {
  switch (route.page) {
    case 'instances':
      return <InstancesPage />;
    case 'instance':
      return <InstancePage key={route.instanceId} instanceId={route.instanceId} tab={route.tab} />;
    case 'launch':
      return <LaunchWizard />;
    case 'modifyRole':
      return <ModifyRolePage key={route.instanceId} instanceId={route.instanceId} />;
    default:
      return exhaustive(route);
  }
}

/** The service's own navigation, shown beside the page when the panel is wide enough. */
function ServiceNav({ service }: { service: ServiceId }) {
  const { t } = useTranslation('console');
  const { go } = useConsole();
  return (
    <nav className="c-sidenav" aria-label={t('nav.service', { service: t(`services.${service}`) })}>
      <p className="c-sidenav-title">{service === 'iam' ? t('nav.iamTitle') : t('nav.ec2Title')}</p>
      <p className="c-sidenav-group">{service === 'iam' ? t('nav.accessManagement') : t('nav.instancesGroup')}</p>
      <ul>
        <li>
          <button
            type="button"
            className="c-sidenav-link"
            aria-current="true"
            onClick={() => go(service === 'iam' ? { service: 'iam', page: 'roles' } : { service: 'ec2', page: 'instances' })}
          >
            {service === 'iam' ? t('nav.roles') : t('nav.instances')}
          </button>
        </li>
      </ul>
    </nav>
  );
}

function ConsoleBody() {
  const { t } = useTranslation('console');
  const { nav, showService } = useConsole();
  const base = useId();
  return (
    <div className="c-console" data-testid="console" data-service={nav.service}>
      <div className="c-topbar">
        <span className="c-topbar-brand">{t('topbar.brand')}</span>
        <TabList
          label={t('services.label')}
          base={base}
          selected={nav.service}
          onSelect={showService}
          className="c-service-tabs"
          tabs={[
            { id: 'iam', label: t('services.iam'), testId: 'console.tab.iam' },
            { id: 'ec2', label: t('services.ec2'), testId: 'console.tab.ec2' },
          ]}
        />
        <span className="c-topbar-region" title={t('topbar.regionTitle')}>
          {t('topbar.region')}
        </span>
      </div>
      {/* Both services stay mounted, so a half-filled wizard survives a look at the other one. */}
      {(['iam', 'ec2'] as const).map((service) => (
        <TabPanel key={service} base={base} id={service} selected={nav.service === service} keepMounted className="c-service">
          <ServiceNav service={service} />
          <div className="c-main">
            {nav.service === service && <FlashBar />}
            {service === 'iam' ? <IamPage route={nav.iam} /> : <Ec2Page route={nav.ec2} />}
          </div>
        </TabPanel>
      ))}
    </div>
  );
}

/** The simulated AWS console (IAM and EC2). It reads the published account and acts only through console actions. */
export function Console() {
  const { t } = useTranslation('console');
  const status = useLab((s) => s.status);
  if (status.phase === 'starting') {
    return (
      <p className="c-loading" role="status" data-testid="console.loading">
        {t('common.loading')}
      </p>
    );
  }
  if (status.phase === 'failed') {
    return (
      <p className="c-empty-note" role="alert" data-testid="console.failed">
        {t('common.failed')}
      </p>
    );
  }
  return (
    <ConsoleProvider>
      <ConsoleBody />
    </ConsoleProvider>
  );
}
