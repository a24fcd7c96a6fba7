import { useTranslation } from 'react-i18next';
import { useConsole } from '../ConsoleContext';
import { ConfirmTextDialog } from '../parts/ConfirmTextDialog';

interface DeleteRoleDialogProps {
  open: boolean;
  roleName: string;
  onClose: () => void;
  onDeleted?: () => void;
}

/**
 * Delete role, confirmed by typing the role name. The console action takes the role out of its
 * instance profiles and deletes them (F10), detaches and deletes its policies, then the role.
 */
export function DeleteRoleDialog({ open, roleName, onClose, onDeleted }: DeleteRoleDialogProps) {
  const { t } = useTranslation('console');
  const { perform, busy, go } = useConsole();
  return (
    <ConfirmTextDialog
      open={open}
      title={t('iam.deleteRole.title', { name: roleName })}
      body={t('iam.deleteRole.body')}
      prompt={t('iam.deleteRole.prompt')}
      word={roleName}
      inputLabel={t('iam.deleteRole.input')}
      confirm={t('iam.deleteRole.confirm')}
      busy={busy}
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        void perform({ type: 'iam.deleteRole', roleName }, () => {
          onDeleted?.();
          go({ service: 'iam', page: 'roles' });
        });
      }}
      testId="console.iam.deleteRole"
    />
  );
}
