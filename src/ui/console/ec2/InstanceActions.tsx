import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../app/Dialog';
import { useConsole } from '../ConsoleContext';
import { stateActions, type InstanceRow } from '../model/ec2';
import { MenuButton } from '../parts/MenuButton';

/**
 * "Instance state ▾" (start, stop, terminate — terminate asks first) and "Actions ▾ › Security ›
 * Modify IAM role" for the selected instances (Modify IAM role for exactly one).
 */
export function InstanceActions({ rows, testId }: { rows: readonly InstanceRow[]; testId: string }) {
  const { t } = useTranslation('console');
  const { perform, go, busy } = useConsole();
  const [confirmTerminate, setConfirmTerminate] = useState(false);
  const ids = rows.map((r) => r.instanceId);
  const can = stateActions(rows);
  const single = rows.length === 1 ? rows[0] : undefined;

  return (
    <>
      <MenuButton
        label={t('ec2.actions.instanceState')}
        disabled={rows.length === 0 || busy}
        testId={`${testId}.state`}
        items={[
          { id: 'stop', label: t('ec2.actions.stop'), disabled: !can.stop, onSelect: () => void perform({ type: 'ec2.stopInstances', instanceIds: ids }) },
          { id: 'start', label: t('ec2.actions.start'), disabled: !can.start, onSelect: () => void perform({ type: 'ec2.startInstances', instanceIds: ids }) },
          { id: 'terminate', label: t('ec2.actions.terminate'), disabled: !can.terminate, onSelect: () => setConfirmTerminate(true) },
        ]}
      />
      <MenuButton
        label={t('ec2.actions.label')}
        disabled={rows.length === 0 || busy}
        testId={`${testId}.actions`}
        items={[
          {
            id: 'security',
            label: t('ec2.actions.security'),
            items: [
              {
                id: 'modifyRole',
                label: t('ec2.actions.modifyRole'),
                disabled: !single || single.state === 'terminated' || single.state === 'shutting-down',
                onSelect: () => single && go({ service: 'ec2', page: 'modifyRole', instanceId: single.instanceId }),
              },
            ],
          },
        ]}
      />
      <ConfirmDialog
        open={confirmTerminate}
        title={t('ec2.terminate.title')}
        body={t('ec2.terminate.body', { ids: ids.join(', ') })}
        confirm={t('ec2.terminate.confirm')}
        cancel={t('common.cancel')}
        focus="cancel"
        danger
        onCancel={() => setConfirmTerminate(false)}
        onConfirm={() => {
          setConfirmTerminate(false);
          void perform({ type: 'ec2.terminateInstances', instanceIds: ids });
        }}
        testId="console.ec2.terminate"
      />
    </>
  );
}
