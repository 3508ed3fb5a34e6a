import { StyleProvider } from '@ant-design/cssinjs';
import { Alert, App as AntApp, ConfigProvider } from 'antd';
import type { ModalConfig } from 'antd/es/config-provider/context';
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

/**
 * Every dialog fits the window: a long form (新增考核批次 at 1280×720) scrolls inside its body,
 * so its title and 保存/取消 stay on screen. 260 px is the dialog's 100 px top, its title, its
 * buttons, its padding and a margin below.
 */
const fitToWindow: ModalConfig = {
  styles: { body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } },
};

const container = document.getElementById('root');
if (!container) throw new Error('root element missing');

const root = createRoot(container);
const styleCache = keepingStyleCache();
const render = (content: ReactNode) =>
  root.render(
    <StrictMode>
      <StyleProvider cache={styleCache}>
        <ConfigProvider locale={zhCN} modal={fitToWindow}>
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
