import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { invoke, messageOf } from '../../api/client';
import { saveContent } from '../../api/files';
import { PrintButton } from '../../components/PrintButton';
import { t } from '../../i18n';

const text = t.funds;

/** 导出使用情况表: the xlsx or PDF of the year and project chosen. */
export function FundsExports({ year, projectId }: { year: number; projectId: number | null }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'sheet' | 'pdf' | null>(null);
  const run = async (which: 'sheet' | 'pdf') => {
    setBusy(which);
    try {
      const file = await invoke(which === 'sheet' ? 'funds.sheet' : 'funds.pdf', {
        year,
        projectId,
      });
      saveContent({ fileName: file.fileName, mime: file.mime, contentBase64: file.contentBase64 });
      message.success(text.downloaded(file.fileName));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'sheet'}
        onClick={() => void run('sheet')}
      >
        {text.exportXlsx}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'pdf'} onClick={() => void run('pdf')}>
        {text.exportPdf}
      </Button>
      <PrintButton load={() => invoke('funds.pdf', { year, projectId })} testId="funds-print" />
    </>
  );
}
