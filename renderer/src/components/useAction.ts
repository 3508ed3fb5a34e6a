import { App } from 'antd';
import { useState } from 'react';
import { messageOf } from '../api/client';
import { t } from '../i18n';

/**
 * One action at a time of a page or cell: `run(key, work, done)` shows `done` when the work
 * ends and the core's message when it fails; `busy` holds the key of the action under way.
 */
export function useAction<K = true>() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<K | null>(null);
  const run = async (key: K, work: () => Promise<unknown>, done: string): Promise<void> => {
    setBusy(key);
    try {
      await work();
      message.success(done);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
