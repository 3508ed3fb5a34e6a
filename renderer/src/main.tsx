import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppFrame } from './app/AppFrame';
import { TOAST_TOP_VAR } from './components/PageHeader';
import { ErrorBoundary } from './app/ErrorBoundary';
import { UnsavedEditsDialog } from './app/UnsavedEditsDialog';
import { RecoveryGate } from './features/settings/RecoveryGate';

dayjs.locale('zh-cn');

const container = document.getElementById('root');
if (!container) throw new Error('root element missing');

createRoot(container).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      {/* Toasts start below the page title (PageHeader sets the offset), never over it. */}
      <AntApp message={{ top: `var(${TOAST_TOP_VAR}, 8px)` }}>
        <ErrorBoundary>
          <RecoveryGate>
            <AppFrame />
          </RecoveryGate>
          <UnsavedEditsDialog />
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
