import { useTranslation } from 'react-i18next';
import type { SimState } from '../../../sim';
import { useLab } from '../../app/LabContext';
import { formatDate } from '../model/format';

/** The published account, or undefined until the lab has started. */
export const useSim = (): SimState | undefined => useLab((s) => s.published?.sim);

/** Formats AWS timestamps in the current language, marked as UTC. */
export function useDate(): (iso: string) => string {
  const { t, i18n } = useTranslation('console');
  return (iso) => t('common.utc', { date: formatDate(iso, i18n.language) });
}
