import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { instanceRows } from '../model/ec2';
import { paginate } from '../model/format';
import { Page } from '../parts/Page';
import { Pager } from '../parts/Pager';
import { SearchBox } from '../parts/SearchBox';
import { useSim } from '../parts/useSim';
import { IamRoleText } from './IamRoleText';
import { InstanceActions } from './InstanceActions';
import { StateText } from './StateText';
import { TableScroll } from '../parts/TableScroll';

const PAGE_SIZE = 20;

/** EC2 › Instances: select, act on the selection, open one, launch. */
export function InstancesPage() {
  const { t } = useTranslation('console');
  const sim = useSim();
  const { go } = useConsole();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<readonly string[]>([]);

  const all = useMemo(() => (sim ? instanceRows(sim) : []), [sim]);
  const rows = useMemo(() => (sim ? instanceRows(sim, search) : []), [sim, search]);
  const shown = paginate(rows, page, PAGE_SIZE);
  const chosen = all.filter((r) => selected.includes(r.instanceId));
  const allShownSelected = shown.items.length > 0 && shown.items.every((r) => selected.includes(r.instanceId));

  return (
    <Page
      crumbs={[{ label: t('services.ec2'), route: { service: 'ec2', page: 'instances' } }, { label: t('nav.instances') }]}
      title={t('ec2.instances.count', { count: all.length })}
      testId="console.ec2.instances"
      actions={
        <>
          <InstanceActions rows={chosen} testId="console.ec2.instances" />
          <button type="button" className="button button-primary" onClick={() => go({ service: 'ec2', page: 'launch' })} data-testid="console.ec2.instances.launch">
            {t('ec2.instances.launch')}
          </button>
        </>
      }
    >
      <SearchBox
        label={t('ec2.instances.search')}
        placeholder={t('ec2.instances.search')}
        value={search}
        onChange={(value) => {
          setSearch(value);
          setPage(1);
        }}
        testId="console.ec2.instances.search"
      />
      {all.length === 0 ? (
        <div className="c-empty" data-testid="console.ec2.instances.empty">
          <p className="c-empty-title">{t('ec2.instances.empty')}</p>
          <p>{t('ec2.instances.emptyBody')}</p>
        </div>
      ) : rows.length === 0 ? (
        <p className="c-empty-note">{t('ec2.instances.noMatch')}</p>
      ) : (
        <TableScroll label={t('ec2.instances.caption')}>
          <table className="c-table">
            <caption className="visually-hidden">{t('ec2.instances.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="c-select-col">
                  <input
                    type="checkbox"
                    checked={allShownSelected}
                    onChange={(e) => setSelected(e.target.checked ? shown.items.map((r) => r.instanceId) : [])}
                    aria-label={t('ec2.instances.selectAll')}
                  />
                </th>
                <th scope="col">{t('ec2.instances.columns.name')}</th>
                <th scope="col">{t('ec2.instances.columns.id')}</th>
                <th scope="col">{t('ec2.instances.columns.state')}</th>
                <th scope="col" className="c-optional-col">
                  {t('ec2.instances.columns.type')}
                </th>
                <th scope="col" className="c-role-col">
                  {t('ec2.instances.columns.role')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((row) => {
                const on = selected.includes(row.instanceId);
                return (
                  <tr key={row.instanceId} data-testid="console.ec2.instances.row" data-instance-id={row.instanceId} data-selected={on}>
                    <td className="c-select-col">
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={(e) => setSelected((list) => (e.target.checked ? [...list, row.instanceId] : list.filter((id) => id !== row.instanceId)))}
                        aria-label={t('common.select', { name: row.name ? `${row.name} (${row.instanceId})` : row.instanceId })}
                      />
                    </td>
                    <td>{row.name ?? <span className="quiet">{t('common.none')}</span>}</td>
                    <th scope="row" className="c-nowrap">
                      <button type="button" className="c-link c-mono" onClick={() => go({ service: 'ec2', page: 'instance', instanceId: row.instanceId, tab: 'details' })} data-testid="console.ec2.instances.link">
                        {row.instanceId}
                      </button>
                    </th>
                    <td className="c-nowrap">
                      <StateText state={row.state} />
                    </td>
                    <td className="c-nowrap c-optional-col">{row.instanceType}</td>
                    <td>
                      <IamRoleText cell={row.iamRole} testId="console.ec2.instances.role" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager of={shown} onPage={setPage} testId="console.ec2.instances.pager" />
    </Page>
  );
}
