import { App } from 'antd';
import { PilotError } from '../api/client';
import { t } from '../i18n';

/**
 * Runs a change; when the core answers NEEDS_CONFIRMATION, asks with the core's message (which
 * says what the change would do) and runs it again confirmed. Null when the person cancels.
 */
export function useConfirmedRun({
  title,
  okText,
  danger = false,
}: {
  title: string;
  okText: string;
  danger?: boolean;
}) {
  const { modal } = App.useApp();
  return async <T>(work: (confirmed: boolean) => Promise<T>): Promise<T | null> => {
    try {
      return await work(false);
    } catch (e) {
      if (!(e instanceof PilotError && e.shape.code === 'NEEDS_CONFIRMATION')) throw e;
      const confirmed = await new Promise<boolean>((resolve) => {
        modal.confirm({
          title,
          content: e.shape.message,
          okText,
          cancelText: t.common.cancel,
          okButtonProps: { danger },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
      return confirmed ? work(true) : null;
    }
  };
}
