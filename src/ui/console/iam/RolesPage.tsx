import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { paginate } from '../model/format';
import { roleRows } from '../model/iam';
import { Page } from '../parts/Page';
import { Pager } from '../parts/Pager';
import { SearchBox } from '../parts/SearchBox';
import { useDate, useSim } from '../parts/useSim';
import { DeleteRoleDialog } from './DeleteRoleDialog';
import { TrustedEntities } from './TrustedEntity';
import { TableScroll } from '../parts/TableScroll';

const PAGE_SIZE = 20;

/** IAM › Roles: search, select one, open, create, delete. */
export function RolesPage() {
  const { t } = useTranslation('console');
  const sim = useSim();
  const date = useDate();
  const { go } = useConsole();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [deleting, setDeleting] = useState(false);

  const all = useMemo(() => (sim ? roleRows(sim) : []), [sim]);
  const rows = useMemo(() => (sim ? roleRows(sim, search) : []), [sim, search]);
  const shown = paginate(rows, page, PAGE_SIZE);
  const chosen = all.find((r) => r.roleName === selected);

  return (
    <Page
      crumbs={[{ label: t('services.iam'), route: { service: 'iam', page: 'roles' } }, { label: t('nav.roles') }]}
      title={t('iam.roles.count', { count: all.length })}
      intro={t('iam.roles.intro')}
      testId="console.iam.roles"
      actions={
        <>
          <button type="button" className="button" disabled={!chosen} onClick={() => setDeleting(true)} data-testid="console.iam.roles.delete">
            {t('iam.roles.delete')}
          </button>
          <button type="button" className="button button-primary" onClick={() => go({ service: 'iam', page: 'createRole' })} data-testid="console.iam.roles.create">
            {t('iam.roles.create')}
          </button>
        </>
      }
    >
      <SearchBox
        label={t('iam.roles.search')}
        placeholder={t('common.search')}
        value={search}
        onChange={(value) => {
          setSearch(value);
          setPage(1);
        }}
        testId="console.iam.roles.search"
      />
      {all.length === 0 ? (
        <div className="c-empty" data-testid="console.iam.roles.empty">
          <p className="c-empty-title">{t('iam.roles.empty')}</p>
          <p>{t('iam.roles.emptyBody')}</p>
        </div>
      ) : rows.length === 0 ? (
        <p className="c-empty-note">{t('iam.roles.noMatch')}</p>
      ) : (
        <TableScroll label={t('iam.roles.caption')}>
          <table className="c-table">
            <caption className="visually-hidden">{t('iam.roles.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="c-select-col">
                  <span className="visually-hidden">{t('common.selection')}</span>
                </th>
                <th scope="col">{t('iam.roles.columns.name')}</th>
                <th scope="col">{t('iam.roles.columns.trusted')}</th>
                <th scope="col">{t('iam.roles.columns.created')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((row) => (
                <tr key={row.arn} data-testid="console.iam.roles.row" data-role-name={row.roleName} data-selected={row.roleName === selected}>
                  <td className="c-select-col">
                    <input
                      type="radio"
                      name="console-iam-role"
                      checked={row.roleName === selected}
                      onChange={() => setSelected(row.roleName)}
                      aria-label={t('common.select', { name: row.roleName })}
                    />
                  </td>
                  <th scope="row">
                    <button type="button" className="c-link" onClick={() => go({ service: 'iam', page: 'role', roleName: row.roleName, tab: 'permissions' })} data-testid="console.iam.roles.link">
                      {row.roleName}
                    </button>
                  </th>
                  <td>
                    <TrustedEntities entities={row.trusted} />
                  </td>
                  <td className="c-nowrap">{date(row.createDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager of={shown} onPage={setPage} testId="console.iam.roles.pager" />
      {chosen && (
        <DeleteRoleDialog
          open={deleting}
          roleName={chosen.roleName}
          onClose={() => setDeleting(false)}
          onDeleted={() => setSelected(undefined)}
        />
      )}
    </Page>
  );
}
