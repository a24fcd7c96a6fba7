import { useTranslation } from 'react-i18next';
import type { PageOf } from '../model/format';

/** "1–25 of 130" with previous and next page buttons; nothing when everything fits on one page. */
export function Pager({ of, onPage, testId }: { of: PageOf<unknown>; onPage: (page: number) => void; testId: string }) {
  const { t } = useTranslation('console');
  if (of.pages <= 1) return null;
  return (
    <nav className="c-pager" aria-label={t('common.pages')} data-testid={testId}>
      <button type="button" className="c-small-button" disabled={of.page <= 1} onClick={() => onPage(of.page - 1)} aria-label={t('common.previousPage')} title={t('common.previousPage')}>
        <span aria-hidden="true">‹</span>
      </button>
      <span>{t('common.pageOf', { from: of.from, to: of.to, total: of.total })}</span>
      <button type="button" className="c-small-button" disabled={of.page >= of.pages} onClick={() => onPage(of.page + 1)} aria-label={t('common.nextPage')} title={t('common.nextPage')}>
        <span aria-hidden="true">›</span>
      </button>
    </nav>
  );
}
