import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/frame.css';
import { AppFrame } from './app/AppFrame';
import { ErrorBoundary } from './app/ErrorBoundary';
import { Notice } from './app/Notice';
import { RecoveryGate } from './features/backup/RecoveryGate';
import { startWebSession } from './api/webSession';
import { t } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('root element missing');

// No antd here: the frame paints with plain elements, and antd loads with the first page.
const root = createRoot(container);
const render = (content: ReactNode) => root.render(<StrictMode>{content}</StrictMode>);

const app = (
  <ErrorBoundary>
    <RecoveryGate>
      <AppFrame />
    </RecoveryGate>
  </ErrorBoundary>
);

// The desktop shell's preload provides window.pilot; in a browser the tab needs a session first.
if (window.pilot) render(app);
else {
  void startWebSession().then((ok) =>
    render(
      ok ? (
        app
      ) : (
        <Notice
          type="warning"
          style={{ maxWidth: 640, margin: '96px auto' }}
          title={t.webSession.expired}
          description={t.webSession.expiredHint}
        />
      ),
    ),
  );
}
