import { StyleProvider } from '@ant-design/cssinjs';
import { Alert, App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/antdFixes.css';
import { AppFrame } from './app/AppFrame';
import { keepingStyleCache } from './app/styleCache';
import { TOAST_TOP_VAR } from './components/toastTop';
import { ErrorBoundary } from './app/ErrorBoundary';
import { UnsavedEditsDialog } from './app/UnsavedEditsDialog';
import { RecoveryGate } from './features/backup/RecoveryGate';
import { startWebSession } from './api/webSession';
import { t } from './i18n';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('root element missing');

const root = createRoot(container);
const styleCache = keepingStyleCache();
const render = (content: ReactNode) =>
  root.render(
    <StrictMode>
      <StyleProvider cache={styleCache}>
        <ConfigProvider locale={zhCN}>
          {/* Toasts start below the page title (PageHeader sets the offset), never over it. */}
          <AntApp message={{ top: `var(${TOAST_TOP_VAR}, 8px)` }}>{content}</AntApp>
        </ConfigProvider>
      </StyleProvider>
    </StrictMode>,
  );

const app = (
  <ErrorBoundary>
    <RecoveryGate>
      <AppFrame />
    </RecoveryGate>
    <UnsavedEditsDialog />
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
        <Alert
          type="warning"
          showIcon
          style={{ maxWidth: 640, margin: '96px auto' }}
          message={t.webSession.expired}
          description={t.webSession.expiredHint}
        />
      ),
    ),
  );
}
