import { CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import type { DataCentreExport } from '../../../shared/contract/fees';
import { invoke, messageOf } from '../api/client';
import { saveSheet } from '../api/files';
import { t } from '../i18n';

type DataCentreHandler =
  'fees.skillCertificatesSheet' | 'fees.xCertificatesSheet' | 'projects.coursesSheet';

const text = t.dataCentre;

/**
 * One data-centre sheet (ODS_…): asks the core; when records lack required data, lists each
 * with what it lacks and offers to export only the complete ones.
 */
export function DataCentreExportButton({
  handler,
  label,
}: {
  handler: DataCentreHandler;
  label: string;
}) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  const save = (result: DataCentreExport) => {
    if (!result.file) return;
    if (result.exported === 0) {
      message.warning(text.empty);
      return;
    }
    saveSheet(result.file);
    message.success(text.exported(result.file.fileName, result.exported));
  };

  const run = async (skipIncomplete: boolean) => {
    setBusy(true);
    try {
      const result = await invoke(handler, { skipIncomplete });
      if (result.problems.length > 0 && !skipIncomplete) {
        const total = result.problems.length;
        modal.confirm({
          width: 640,
          title: text.incompleteTitle(total),
          content: (
            <div data-testid="data-centre-problems">
              <Typography.Paragraph>{text.incompleteHint}</Typography.Paragraph>
              <ul style={{ maxHeight: 320, overflow: 'auto', paddingLeft: 20 }}>
                {result.problems.map((p) => (
                  <li key={p.row}>{text.row(p.row, p.record, p.message)}</li>
                ))}
              </ul>
            </div>
          ),
          okText: text.exportComplete(result.complete),
          okButtonProps: { disabled: result.complete === 0 },
          cancelText: t.common.cancel,
          onOk: () => run(true),
        });
        return;
      }
      save(result);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<CloudUploadOutlined />} loading={busy} onClick={() => void run(false)}>
      {label}
    </Button>
  );
}
