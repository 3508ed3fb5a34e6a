import { App } from 'antd';
import { useCallback } from 'react';
import type { RestoreResult } from '../../../../shared/contract/backup';
import { messageOf, PilotError } from '../../api/client';
import { confirmLeaveAll } from '../../app/unsavedEdits';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';

/** Bytes of a picked file sent to the core so far (api/files.ts stageFile). */
export type ProgressListener = (sent: number, total: number) => void;

const tx = t.backup;

/**
 * The confirm-then-restore step both the settings page and the recovery screen use: a modal
 * saying the current data is kept as a 还原前 backup, then the restore (a picked file's upload
 * progress shown in the modal, 取消 stopping it while it is still being sent) with the core's
 * message on failure. Resolves to the result, or null when cancelled or refused.
 */
export function useConfirmRestore() {
  const { modal, message } = App.useApp();
  return useCallback(
    async (
      what: string,
      run: (onProgress: ProgressListener, signal: AbortSignal) => Promise<RestoreResult>,
    ) => {
      // A restore replaces every record: unsaved edits anywhere would be lost with them.
      if (!(await confirmLeaveAll())) return null;
      return new Promise<RestoreResult | null>((resolve) => {
        const sending = new AbortController();
        // A picked file is sent first: its progress shows under the text while the modal waits,
        // and 取消 stays available until the last piece is sent.
        const showProgress: ProgressListener = (sent, total) =>
          dialog.update({
            content: (
              <>
                {tx.confirmRestoreBody}
                <UploadProgress staging={{ fileName: what, sent, total }} />
              </>
            ),
            cancelButtonProps: { disabled: sent >= total },
          });
        const dialog = modal.confirm({
          title: tx.confirmRestoreTitle(what),
          content: tx.confirmRestoreBody,
          okText: tx.restore,
          cancelText: t.common.cancel,
          onCancel: () => {
            sending.abort();
            resolve(null);
          },
          onOk: async () => {
            // The restore cannot be stopped half-way: 取消 only while a file is being sent.
            dialog.update({ cancelButtonProps: { disabled: true }, keyboard: false });
            try {
              resolve(await run(showProgress, sending.signal));
            } catch (error) {
              if (error instanceof PilotError && error.shape.code === 'CANCELLED') {
                message.info(error.message);
              } else {
                message.error(`${t.common.requestFailed}：${messageOf(error)}`, 8);
              }
              resolve(null);
            }
          },
        });
      });
    },
    [message, modal],
  );
}
