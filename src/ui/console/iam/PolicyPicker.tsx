import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paginate } from '../model/format';
import { searchPolicies, type PolicyChoice } from '../model/iam';
import { Container } from '../parts/Page';
import { Pager } from '../parts/Pager';
import { SearchBox } from '../parts/SearchBox';
import { TableScroll } from '../parts/TableScroll';

const PAGE_SIZE = 20;

interface PolicyPickerProps {
  choices: readonly PolicyChoice[];
  selected: readonly string[];
  onToggle: (arn: string, on: boolean) => void;
}

/** "Add permissions": the AWS managed catalogue and the account's customer managed policies, searchable. */
export function PolicyPicker({ choices, selected, onToggle }: PolicyPickerProps) {
  const { t } = useTranslation('console');
  const [search, setSearch] = useState('');
  const [type, setType] = useState<'all' | 'aws' | 'customer'>('all');
  const [page, setPage] = useState(1);
  const typeId = useId();
  const rows = useMemo(() => searchPolicies(choices, search, type), [choices, search, type]);
  const shown = paginate(rows, page, PAGE_SIZE);

  return (
    <Container title={t('iam.create.permissions.title', { selected: selected.length, total: choices.length })} testId="console.iam.createRole.policies">
      <p className="c-intro">{t('iam.create.permissions.body')}</p>
      <div className="c-filters">
        <SearchBox
          label={t('iam.create.permissions.search')}
          placeholder={t('iam.create.permissions.search')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(1);
          }}
          testId="console.iam.createRole.policySearch"
        />
        <div className="c-field-inline">
          <label htmlFor={typeId}>{t('iam.create.permissions.filter')}</label>
          <select
            id={typeId}
            className="c-select"
            value={type}
            onChange={(e) => {
              setType(e.target.value as typeof type);
              setPage(1);
            }}
          >
            <option value="all">{t('iam.create.permissions.all')}</option>
            <option value="aws">{t('iam.policyTypes.aws')}</option>
            <option value="customer">{t('iam.policyTypes.customer')}</option>
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="c-empty-note">{t('iam.create.permissions.noMatch')}</p>
      ) : (
        <TableScroll label={t('iam.create.permissions.caption')}>
          <table className="c-table">
            <caption className="visually-hidden">{t('iam.create.permissions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="c-select-col">
                  <span className="visually-hidden">{t('common.selection')}</span>
                </th>
                <th scope="col">{t('iam.create.permissions.name')}</th>
                <th scope="col">{t('iam.create.permissions.type')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.items.map((policy) => {
                const on = selected.includes(policy.arn);
                return (
                  <tr key={policy.arn} data-testid="console.iam.createRole.policy" data-policy-name={policy.name} data-selected={on}>
                    <td className="c-select-col">
                      <input type="checkbox" checked={on} onChange={(e) => onToggle(policy.arn, e.target.checked)} aria-label={t('common.select', { name: policy.name })} />
                    </td>
                    <td>
                      <span className="c-strong">{policy.name}</span>
                      {policy.description && <span className="c-sub">{policy.description}</span>}
                    </td>
                    <td className="c-nowrap">{policy.type === 'aws' ? t('iam.policyTypes.aws') : t('iam.policyTypes.customer')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager of={shown} onPage={setPage} testId="console.iam.createRole.policyPager" />
    </Container>
  );
}
