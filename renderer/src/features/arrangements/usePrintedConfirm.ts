import { App } from 'antd';
import { PilotError } from '../../api/client';
import { t } from '../../i18n';

const text = t.arrangements.run;

/**
 * Runs a change of seats or numbers; when the core answers that tickets were already printed,
 * asks (the core's message says when) and runs it again confirmed. Null when the person cancels.
 */
export function usePrintedConfirm() {
  const { modal } = App.useApp();
  return async <T>(work: (confirmPrinted: boolean) => Promise<T>): Promise<T | null> => {
    try {
      return await work(false);
    } catch (e) {
      if (!(e instanceof PilotError && e.shape.code === 'NEEDS_CONFIRMATION')) throw e;
      const confirmed = await new Promise<boolean>((resolve) => {
        modal.confirm({
          title: text.printedTitle,
          content: e.shape.message,
          okText: text.printedOk,
          cancelText: t.common.cancel,
          okButtonProps: { danger: true },
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
      return confirmed ? work(true) : null;
    }
  };
}
