import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../i18n/message';
import type { Notice } from '../store/messages';
import { useLab, useLabActions } from './LabContext';

/** Information fades after a while; errors stay until dismissed, so they can be read in full. */
const INFO_MS = 6000;

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { dismissNotice } = useLabActions();
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismissNotice(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, dismissNotice]);
  return (
    <li className={`notice notice-${notice.tone}`} data-testid="notice" data-tone={notice.tone}>
      <span className="notice-text">{translateMessage(t, notice.message)}</span>
      <button type="button" className="notice-dismiss" aria-label={t('notices.dismiss')} title={t('notices.dismiss')} onClick={() => dismissNotice(notice.id)}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

export function Notices() {
  const { t } = useTranslation();
  const notices = useLab((s) => s.notices);
  return (
    <section className="notices" aria-label={t('notices.region')}>
      <div role="status">
        <ul className="notice-list" data-testid="notices">
          {notices.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} />
          ))}
        </ul>
      </div>
    </section>
  );
}
