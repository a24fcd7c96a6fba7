import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import type { IamRoleCell } from '../model/ec2';

/**
 * The instance's "IAM role": the role inside its profile, linked to the IAM role page; for an
 * empty profile, the console's own sentence naming the profile (F5).
 */
export function IamRoleText({ cell, testId }: { cell: IamRoleCell; testId?: string }) {
  const { t } = useTranslation('console');
  const { go } = useConsole();
  switch (cell.kind) {
    case 'none':
      return (
        <span className="quiet" data-testid={testId} data-kind={cell.kind}>
          {t('common.none')}
        </span>
      );
    case 'role':
      return (
        <button type="button" className="c-link" onClick={() => go({ service: 'iam', page: 'role', roleName: cell.roleName, tab: 'permissions' })} data-testid={testId} data-kind={cell.kind}>
          {cell.roleName}
        </button>
      );
    case 'emptyProfile':
      return (
        <span data-testid={testId} data-kind={cell.kind}>
          {t('ec2.iamRole.emptyProfile', { name: cell.profileName })}
        </span>
      );
    case 'missingProfile':
      return (
        <span data-testid={testId} data-kind={cell.kind}>
          {t('ec2.iamRole.missingProfile', { name: cell.profileName })}
        </span>
      );
  }
}
