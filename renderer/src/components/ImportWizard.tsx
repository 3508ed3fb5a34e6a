import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Result, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import type { ImportProblemGroup, ImportProblemSheet } from '../../../shared/contract/imports';
import { messageOf } from '../api/client';
import { t } from '../i18n';
import { ImportPreviewDetails } from './ImportPreviewDetails';
import type { ImportWords } from './ImportPreviewRows';
import { ImportWizardFooter } from './ImportWizardFooter';
import { TaskProgress } from './TaskProgress';
import { useImportWizard, type ImportHandlers } from './useImportWizard';

interface Props extends ImportHandlers {
  open: boolean;
  title: string;
  /** Which columns the file needs, shown above the file picker. */
  hint: ReactNode;
  /** 下载模板, when the import offers one. */
  template?(): Promise<ImportProblemSheet>;
  /** What a valid row does, when not 新增 / 更新 (e.g. 首次录入 / 更新结果 for results). */
  words?: ImportWords;
  /**
   * A button on a problem group's line that mends its rows, if the import has one; `recheck`
   * previews the file again once it has.
   */
  groupAction?(group: ImportProblemGroup, recheck: () => void): ReactNode;
}

/**
 * The import dialog every spreadsheet import uses: pick a file → preview with the problems grouped
 * by reason and the column mapping → import all rows (only when every row is valid), or only the
 * valid ones after a confirmation, or download the problem rows to fix → result.
 * Long steps show the core's progress events and can be cancelled (取消 beside the progress bar).
 */
export function ImportWizard({
  open,
  title,
  hint,
  template,
  words = t.importer.actions,
  groupAction,
  ...handlers
}: Props) {
  const wizard = useImportWizard(open, handlers);
  const { phase, file, result, done, error, cancelled, task, busy, downloading } = wizard;

  return (
    <Modal
      open={open}
      title={title}
      width={960}
      onCancel={wizard.close}
      footer={
        <ImportWizardFooter
          phase={phase}
          result={result}
          downloading={downloading}
          onClose={wizard.close}
          onDownloadProblems={wizard.onDownload}
          onSkipInvalid={wizard.confirmSkipInvalid}
          onCommit={() => void wizard.onCommit(false)}
        />
      }
      maskClosable={false}
      destroyOnHidden
      // A long preview scrolls inside the dialog, so 仅导入无误的行 and 下载问题行 stay on screen
      // instead of thousands of pixels below a 768-pixel window.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto' } }}
    >
      {phase === 'done' && done ? (
        <Result
          status="success"
          title={t.importer.done(done, words)}
          subTitle={done.leftOut ? t.importer.leftOut(done.leftOut) : undefined}
        />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="start" gap={12}>
            <Typography.Text type="secondary">{hint}</Typography.Text>
            {template && (
              <Button
                icon={<DownloadOutlined />}
                loading={downloading && !file}
                onClick={() => void wizard.download(template, t.importer.templateSaved)}
                data-testid="import-template"
              >
                {t.importer.template}
              </Button>
            )}
          </Flex>
          {!file || phase === 'pick' ? (
            <Upload.Dragger
              accept=".xlsx,.csv,.txt"
              multiple={false}
              showUploadList={false}
              disabled={busy}
              beforeUpload={(picked) => {
                void wizard.onPick(picked);
                return false;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t.importer.pickTitle}</p>
              <p className="ant-upload-hint">{t.importer.pickHint}</p>
            </Upload.Dragger>
          ) : (
            <Flex justify="space-between" align="center">
              <Typography.Text strong>
                {result
                  ? t.importer.fileInfo(result.fileName, result.sheetName, result.headerRowNumber)
                  : file.fileName}
              </Typography.Text>
              <Button icon={<ReloadOutlined />} onClick={wizard.reset} disabled={busy}>
                {t.importer.pickAgain}
              </Button>
            </Flex>
          )}
          {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
          {cancelled && (
            <Alert type="warning" showIcon message={cancelled} data-testid="import-cancelled" />
          )}
          {busy && (
            <TaskProgress
              label={t.importer.reading}
              progress={task.progress}
              cancelling={task.cancelling}
              onCancel={() =>
                void task.cancel().catch((e: unknown) => wizard.setError(messageOf(e)))
              }
              testId="import"
            />
          )}
          {result && phase !== 'pick' && (
            <ImportPreviewDetails
              result={result}
              words={words}
              onMappingChange={wizard.onMappingChange}
              pageLoading={wizard.pageLoading}
              onRowsPage={(rowsFrom) => void wizard.loadRows(rowsFrom)}
              groupAction={groupAction && ((group) => groupAction(group, wizard.recheck))}
            />
          )}
        </Flex>
      )}
    </Modal>
  );
}
