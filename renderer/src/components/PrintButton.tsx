import { PrinterOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { invoke, messageOf } from '../api/client';
import { contentToBlob, saveContent } from '../api/files';
import { useQuery } from '../api/useQuery';
import { mimeTypes, type GeneratedFile } from '../../../shared/contract/files';
import { t } from '../i18n';

/**
 * 打印: makes the document's PDF and opens it where it prints as it is — the system's PDF viewer
 * in the desktop app, a browser tab in the web version (opened during the click, so it is not
 * taken for a pop-up; if the browser blocks it anyway, the PDF is saved instead).
 */
export function PrintButton({
  load,
  children = t.print.button,
  disabled = false,
  testId,
}: {
  load: () => Promise<GeneratedFile>;
  children?: ReactNode;
  disabled?: boolean;
  testId?: string;
}) {
  const { message } = App.useApp();
  const canOpenFiles = useQuery('system.info', {}).data?.canOpenFiles ?? false;
  const [busy, setBusy] = useState(false);

  const print = async () => {
    const tab = canOpenFiles ? null : window.open('', '_blank');
    setBusy(true);
    try {
      const file = await load();
      if (canOpenFiles) {
        const result = await invoke('system.openFile', file);
        if (result.opened) message.success(result.message);
        else message.warning(result.message, 8);
      } else if (tab) {
        const url = URL.createObjectURL(contentToBlob({ ...file, mime: mimeTypes.pdf }));
        tab.location.href = url;
        // The tab has its copy once loaded; the address is freed a minute later.
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      } else {
        saveContent({ ...file, mime: mimeTypes.pdf });
        message.info(t.print.savedInstead(file.fileName), 8);
      }
    } catch (error) {
      tab?.close();
      message.error(`${t.print.failed}：${messageOf(error)}`, 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      icon={<PrinterOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => void print()}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
