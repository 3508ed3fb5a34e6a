import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n';
import { Notice } from './Notice';

interface Props {
  children: ReactNode;
  /**
   * Around one page: its crash leaves the sidebar and the other pages working, and
   * 重新加载此页 mounts the page afresh. Without it (around the whole app) the button reloads
   * the window.
   */
  page?: boolean;
}

interface State {
  error: Error | null;
}

/** Catches a rendering error so the user sees what happened and can reload. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  private readonly reload = () => {
    // React unmounted the failed page: clearing the error mounts it afresh, with fresh state.
    if (this.props.page) this.setState({ error: null });
    else window.location.reload();
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const text = this.props.page ? t.errorBoundary.page : t.errorBoundary;
    // Plain elements: around the whole app this shows even when antd's code failed to load.
    return (
      <Notice
        type="error"
        style={{ margin: 24 }}
        title={text.title}
        description={
          <>
            <p>{text.description}</p>
            <code>{error.message}</code>
          </>
        }
        action={
          <button type="button" className="frame-button" onClick={this.reload}>
            {text.reload}
          </button>
        }
      />
    );
  }
}
