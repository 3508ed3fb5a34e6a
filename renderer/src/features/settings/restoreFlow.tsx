import { App } from 'antd';
import { useCallback } from 'react';
import type { RestoreResult } from '../../../../shared/contract/backup';
import { messageOf } from '../../api/client';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';

/** Bytes of a picked file sent to the core so far (api/files.ts stageFile). */
export type ProgressListener = (sent: number, total: number) => void;

const tx = t.settings;

/**
 * The confirm-then-restore step both the settings page and the recovery screen use: a modal
 * saying the current data is kept as a 还原前 backup, then the restore (a picked file's upload
 * progress shown in the modal) with the core's message on failure. Resolves to the result, or
 * null when cancelled or refused.
 */
export function useConfirmRestore() {
  const { modal, message } = App.useApp();
  return useCallback(
    (what: string, run: (onProgress: ProgressListener) => Promise<RestoreResult>) =>
      new Promise<RestoreResult | null>((resolve) => {
        // A picked file is sent first: its progress shows under the text while the modal waits.
        const showProgress: ProgressListener = (sent, total) =>
          dialog.update({
            content: (
              <>
                {tx.confirmRestoreBody}
                <UploadProgress staging={{ fileName: what, sent, total }} />
              </>
            ),
          });
        const dialog = modal.confirm({
          title: tx.confirmRestoreTitle(what),
          content: tx.confirmRestoreBody,
          okText: tx.restore,
          cancelText: t.common.cancel,
          onCancel: () => resolve(null),
          onOk: async () => {
            // Once it runs it cannot be taken back half-way: no 取消 that would only hide it.
            dialog.update({ cancelButtonProps: { disabled: true }, keyboard: false });
            try {
              resolve(await run(showProgress));
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
