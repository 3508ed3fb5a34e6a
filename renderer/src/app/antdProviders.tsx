import { StyleProvider } from '@ant-design/cssinjs';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ModalConfig } from 'antd/es/config-provider/context';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { TOAST_TOP_VAR } from '../components/toastTop';
import './antdFixes.css';
import { keepingStyleCache } from './styleCache';

dayjs.locale('zh-cn');

// One cache for every antd part of the app (the workspace, the recovery screen).
const styleCache = keepingStyleCache();

/**
 * Every dialog fits the window: a long form (新增考核批次 at 1280×720) scrolls inside its body,
 * so its title and 保存/取消 stay on screen. 260 px is the dialog's 100 px top, its title, its
 * buttons, its padding and a margin below.
 */
const fitToWindow: ModalConfig = {
  styles: { body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } },
};

/**
 * antd's theme, Chinese locale and message/modal context, around the parts of the app that use
 * antd. Loaded with them, after the frame has painted; `className` goes on antd's App wrapper.
 */
export function AntdProviders({
  children,
  className,
}: {
  children: ReactNode;
  className?: string;
}) {
  return (
    <StyleProvider cache={styleCache}>
      <ConfigProvider locale={zhCN} modal={fitToWindow}>
        {/* Toasts start below the page title (PageHeader sets the offset), never over it. */}
        <AntApp className={className} message={{ top: `var(${TOAST_TOP_VAR}, 8px)` }}>
          {children}
        </AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}
