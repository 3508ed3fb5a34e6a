import { App } from 'antd';
import { useCallback } from 'react';
import type { RestoreResult } from '../../../../shared/contract/backup';
import { messageOf } from '../../api/client';
import { t } from '../../i18n';

const tx = t.settings;

/**
 * The confirm-then-restore step both the settings page and the recovery screen use: a modal
 * saying the current data is kept as a 还原前 backup, then the restore with the core's message
 * on failure. Resolves to the result, or null when cancelled or refused.
 */
export function useConfirmRestore() {
  const { modal, message } = App.useApp();
  return useCallback(
    (what: string, run: () => Promise<RestoreResult>) =>
      new Promise<RestoreResult | null>((resolve) => {
        modal.confirm({
          title: tx.confirmRestoreTitle(what),
          content: tx.confirmRestoreBody,
          okText: tx.restore,
          cancelText: t.common.cancel,
          onCancel: () => resolve(null),
          onOk: async () => {
            try {
              resolve(await run());
            } catch (error) {
              message.error(`${t.common.requestFailed}：${messageOf(error)}`, 8);
              resolve(null);
            }
          },
        });
      }),
    [message, modal],
  );
}
