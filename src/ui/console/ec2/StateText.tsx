import { useTranslation } from 'react-i18next';
import type { InstanceRecord } from '../../../sim';

type InstanceStateName = InstanceRecord['State']['Name'];

/** An instance state with its colour dot (the colour is decoration; the word carries the meaning). */
export function StateText({ state }: { state: InstanceStateName }) {
  const { t } = useTranslation('console');
  return (
    <span className="c-state" data-state={state}>
      <span className="c-state-dot" aria-hidden="true" />
      {t(`ec2.states.${state}`)}
    </span>
  );
}
