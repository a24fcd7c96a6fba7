import { useTranslation } from 'react-i18next';
import type { TrustedEntity } from '../model/iam';

/** One principal of a trust policy, as the roles list words it. */
export function TrustedEntityText({ entity }: { entity: TrustedEntity }) {
  const { t } = useTranslation('console');
  switch (entity.kind) {
    case 'service':
      return t('iam.trusted.service', { name: entity.name });
    case 'account':
      return t('iam.trusted.account', { id: entity.id });
    case 'arn':
      return t('iam.trusted.arn', { arn: entity.arn });
    case 'federated':
      return t('iam.trusted.federated', { name: entity.name });
    case 'everyone':
      return t('iam.trusted.everyone');
  }
}

export function TrustedEntities({ entities }: { entities: readonly TrustedEntity[] }) {
  const { t } = useTranslation('console');
  if (entities.length === 0) return <span className="quiet">{t('common.none')}</span>;
  return (
    <ul className="c-plain-list">
      {entities.map((entity, i) => (
        <li key={i}>
          <TrustedEntityText entity={entity} />
        </li>
      ))}
    </ul>
  );
}
