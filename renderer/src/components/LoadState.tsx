import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

interface Props {
  state: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  onRetry: () => void;
  children: ReactNode;
}

/** The loading and error states every page shows around its data. */
export function LoadState({ state, error, onRetry, children }: Props) {
  if (state === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        message={t.common.loadFailed}
        description={error}
        action={<Button onClick={onRetry}>{t.common.retry}</Button>}
      />
    );
  }
  if (state !== 'ready') {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin tip={t.common.loading}>
          <div style={{ minHeight: 40 }} />
        </Spin>
      </div>
    );
  }
  return <>{children}</>;
}
