import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isShareLink } from '../store/share';
import { ConfirmDialog } from './Dialog';
import { useLab, useLabActions } from './LabContext';

/**
 * Opening a share link (`#scenario=…`) loads its lab, asking first when the current lab has
 * something in it. The fragment is removed at once, so a reload does not ask again.
 */
export function SharedLinkPrompt() {
  const { t } = useTranslation();
  const ready = useLab((s) => s.status.phase === 'ready');
  const waiting = useLab((s) => s.sharedWaiting !== undefined);
  const { arriveShared, answerShared } = useLabActions();

  useEffect(() => {
    if (!ready) return;
    const arrive = () => {
      const hash = location.hash;
      if (!isShareLink(hash)) return;
      history.replaceState(null, '', location.pathname + location.search);
      arriveShared(hash);
    };
    arrive();
    addEventListener('hashchange', arrive);
    return () => removeEventListener('hashchange', arrive);
  }, [ready, arriveShared]);

  return (
    <ConfirmDialog
      open={waiting}
      title={t('scenario.openShared.title')}
      body={t('scenario.openShared.body')}
      confirm={t('scenario.openShared.confirm')}
      cancel={t('scenario.openShared.cancel')}
      focus="confirm"
      testId="dialog.shared"
      onCancel={() => answerShared(false)}
      onConfirm={() => answerShared(true)}
    />
  );
}
