import { Button, Result, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';

interface State {
  error: Error | null;
}

/** Catches a rendering error so the user sees what happened and can reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={t.errorBoundary.title}
        subTitle={t.errorBoundary.description}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t.errorBoundary.reload}
          </Button>
        }
      >
        <Typography.Text code>{this.state.error.message}</Typography.Text>
      </Result>
    );
  }
}
