import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useState, type ReactNode } from 'react';
import type { UploadedFile } from '../../../shared/contract/files';
import {
  IMPORT_PREVIEW_PAGE,
  type ImportPreview,
  type ImportProblemGroup,
  type ImportPreviewRow,
  type ImportProblemSheet,
  type ImportRequest,
  type ImportResult,
} from '../../../shared/contract/imports';
import { messageOf, PilotError } from '../api/client';
import { saveSheet, toUploadedFile } from '../api/files';
import { t } from '../i18n';
import { ImportProblemGroups } from './ImportProblemGroups';
import { noWrap } from './noWrap';
import { useCancellableTask } from './useCancellableTask';
import { TaskProgress } from './TaskProgress';
import { useUnsavedGuard } from './useUnsavedGuard';

interface Props {
  open: boolean;
  title: string;
  /** Which columns the file needs, shown above the file picker. */
  hint: ReactNode;
  preview(request: ImportRequest): Promise<ImportPreview>;
  commit(request: ImportRequest): Promise<ImportResult>;
  /** The rows with errors as xlsx (行号, the file's columns, 问题). */
  problems(request: ImportRequest): Promise<ImportProblemSheet>;
  /** 下载模板, when the import offers one. */
  template?(): Promise<ImportProblemSheet>;
  /** What a valid row does, when not 新增 / 更新 (e.g. 首次录入 / 更新结果 for results). */
  words?: { create: string; update: string };
  /**
   * A button on a problem group's line that mends its rows, if the import has one; `recheck`
   * previews the file again once it has.
   */
  groupAction?(group: ImportProblemGroup, recheck: () => void): ReactNode;
  /** The lists the import changed reload on their own; this is for anything else to do. */
  onImported?(result: ImportResult): void;
  onClose(): void;
}

type Phase = 'pick' | 'previewing' | 'ready' | 'committing' | 'done';

const actionTag = (row: ImportPreviewRow, words: { create: string; update: string }) =>
  row.errors.length > 0 ? (
    <Tag color="error">{t.importer.actions.error}</Tag>
  ) : row.action === 'update' ? (
    <Tag color="processing">{words.update}</Tag>
  ) : (
    <Tag color="success">{words.create}</Tag>
  );

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
  preview,
  commit,
  problems,
  template,
  words = t.importer.actions,
  groupAction,
  onImported,
  onClose,
}: Props) {
  const { modal, message } = App.useApp();
  const [phase, setPhase] = useState<Phase>('pick');
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, number | null>>({});
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** What a cancelled preview or commit said: nothing was saved. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const task = useCancellableTask('imports.cancel', open);
  const { progress } = task;
  /** A cancelled step's message, or false when `e` is another failure. */
  const wasCancelled = (e: unknown) => {
    if (!(e instanceof PilotError && e.shape.code === 'CANCELLED')) return false;
    setCancelled(e.message);
    return true;
  };

  const reset = () => {
    setPhase('pick');
    setFile(null);
    setMapping({});
    setResult(null);
    setDone(null);
    setError(null);
    setCancelled(null);
  };

  const runPreview = async (picked: UploadedFile, nextMapping: Record<string, number | null>) => {
    setPhase('previewing');
    setError(null);
    setCancelled(null);
    try {
      const next = await task.run((taskId) =>
        preview({ file: picked, mapping: nextMapping, taskId }),
      );
      setResult(next);
      setPhase('ready');
    } catch (e) {
      if (!wasCancelled(e)) setError(`${t.importer.previewFailed}：${messageOf(e)}`);
      setResult(null);
      setPhase('pick');
    }
  };

  /** Another page of the checked rows: the same file and mapping, read again by the core. */
  const [pageLoading, setPageLoading] = useState(false);
  const loadRows = async (rowsFrom: number) => {
    if (!file) return;
    setPageLoading(true);
    try {
      setResult(await preview({ file, mapping, rowsFrom }));
    } catch (e) {
      message.error(`${t.importer.previewFailed}：${messageOf(e)}`);
    } finally {
      setPageLoading(false);
    }
  };

  const onPick = async (picked: File) => {
    let uploaded: UploadedFile;
    try {
      uploaded = await toUploadedFile(picked);
    } catch (e) {
      setError(`${t.importer.previewFailed}：${messageOf(e)}`);
      return;
    }
    setFile(uploaded);
    setMapping({});
    await runPreview(uploaded, {});
  };

  const onMappingChange = (field: string, column: number | null) => {
    if (!file) return;
    const next = { ...mapping, [field]: column };
    setMapping(next);
    void runPreview(file, next);
  };

  const onCommit = async (skipInvalid: boolean) => {
    if (!file) return;
    setPhase('committing');
    setError(null);
    setCancelled(null);
    try {
      const imported = await task.run((taskId) => commit({ file, mapping, taskId, skipInvalid }));
      setDone(imported);
      setPhase('done');
      onImported?.(imported);
    } catch (e) {
      if (!wasCancelled(e)) setError(`${t.importer.failed}：${messageOf(e)}`);
      setPhase('ready');
    }
  };

  const [downloading, setDownloading] = useState(false);
  const download = async (
    make: () => Promise<ImportProblemSheet>,
    done: (name: string) => string,
  ) => {
    setDownloading(true);
    try {
      const sheet = await make();
      saveSheet(sheet);
      message.success(done(sheet.fileName));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setDownloading(false);
    }
  };
  const onDownload = () => {
    if (file) void download(() => problems({ file, mapping }), t.importer.downloaded);
  };

  const confirmSkipInvalid = (valid: number, invalid: number) =>
    modal.confirm({
      title: t.importer.skipConfirmTitle,
      content: t.importer.skipConfirm(valid, invalid),
      okText: t.importer.skipConfirmOk,
      cancelText: t.common.cancel,
      onOk: () => void onCommit(true),
    });

  // Columns matched by hand are work the person would lose: leaving asks first.
  const guard = useUnsavedGuard(open && Object.keys(mapping).length > 0 && done === null);
  const close = () => {
    if (phase === 'committing') return;
    guard(() => {
      reset();
      onClose();
    });
  };

  const checked =
    phase === 'ready' &&
    result !== null &&
    result.missingFields.length === 0 &&
    result.summary.total > 0;
  const canCommit = checked && result.summary.invalid === 0;
  const canSkip = checked && result.summary.invalid > 0 && result.summary.valid > 0;
  const busy = phase === 'previewing' || phase === 'committing';

  const footer =
    phase === 'done' ? (
      <Button type="primary" onClick={close}>
        {t.importer.close}
      </Button>
    ) : (
      <Space wrap>
        <Button onClick={close} disabled={phase === 'committing'}>
          {t.common.cancel}
        </Button>
        {checked && result.summary.invalid > 0 && (
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onDownload}
            data-testid="import-download-problems"
          >
            {t.importer.downloadProblems}
          </Button>
        )}
        {canSkip && (
          <Button
            onClick={() => confirmSkipInvalid(result.summary.valid, result.summary.invalid)}
            data-testid="import-skip-invalid"
          >
            {t.importer.skipInvalid(result.summary.valid)}
          </Button>
        )}
        <Tooltip
          title={
            checked && result.summary.invalid > 0
              ? t.importer.fixFirst(result.summary.valid)
              : undefined
          }
        >
          <Button
            type="primary"
            disabled={!canCommit}
            loading={phase === 'committing'}
            onClick={() => void onCommit(false)}
            data-testid="import-commit"
          >
            {phase === 'committing'
              ? t.importer.committing
              : result && result.summary.invalid > 0
                ? t.importer.commitBlocked(result.summary.invalid)
                : t.importer.commit(result?.summary.valid ?? 0)}
          </Button>
        </Tooltip>
      </Space>
    );

  return (
    <Modal
      open={open}
      title={title}
      width={960}
      onCancel={close}
      footer={footer}
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
          title={t.importer.done(done.created, done.updated, words)}
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
                onClick={() => void download(template, t.importer.templateSaved)}
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
                void onPick(picked);
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
              <Button icon={<ReloadOutlined />} onClick={reset} disabled={busy}>
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
              progress={progress}
              cancelling={task.cancelling}
              onCancel={() => void task.cancel().catch((e: unknown) => setError(messageOf(e)))}
              testId="import"
            />
          )}
          {result && phase !== 'pick' && (
            <PreviewDetails
              result={result}
              words={words}
              onMappingChange={onMappingChange}
              pageLoading={pageLoading}
              onRowsPage={(rowsFrom) => void loadRows(rowsFrom)}
              groupAction={
                groupAction &&
                ((group) =>
                  groupAction(group, () => {
                    if (file) void runPreview(file, mapping);
                  }))
              }
            />
          )}
        </Flex>
      )}
    </Modal>
  );
}

function PreviewDetails({
  result,
  words,
  onMappingChange,
  pageLoading,
  onRowsPage,
  groupAction,
}: {
  result: ImportPreview;
  groupAction?: (group: ImportProblemGroup) => ReactNode;
  words: { create: string; update: string };
  onMappingChange(field: string, column: number | null): void;
  pageLoading: boolean;
  onRowsPage(rowsFrom: number): void;
}) {
  const { summary } = result;
  const columnOptions = [
    { value: -1, label: t.importer.notImported },
    ...result.columns.map((c) => ({
      value: c.index,
      label: t.importer.columnOption(c.letter, c.header),
    })),
  ];
  return (
    <>
      {result.missingFields.length > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t.importer.missing(result.missingFields.map((f) => `“${f.label}”`).join('、'))}
        />
      ) : (
        <Alert
          type={summary.invalid > 0 || summary.total === 0 ? 'warning' : 'success'}
          showIcon
          data-testid="import-summary"
          message={
            summary.total === 0
              ? t.importer.noRows
              : t.importer.summary(
                  summary.total,
                  summary.valid,
                  summary.toCreate,
                  summary.toUpdate,
                  summary.invalid,
                  words,
                )
          }
          description={summary.invalid > 0 ? t.importer.fixFirst(summary.valid) : undefined}
        />
      )}
      {t.importer.skipped(result.skipped) && (
        <Alert
          type="info"
          showIcon
          data-testid="import-skipped"
          message={t.importer.skipped(result.skipped)}
        />
      )}
      {result.headline && (
        <Alert type="info" showIcon data-testid="import-headline" message={result.headline} />
      )}
      <ImportProblemGroups result={result} groupAction={groupAction} />
      <div>
        <Typography.Text strong>{t.importer.mappingTitle}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
          {t.importer.mappingHint}
        </Typography.Text>
        <Flex wrap gap={12} style={{ marginTop: 8 }}>
          {result.fields.map((field) => (
            <Space key={field.key} size={4}>
              <Typography.Text type={field.required ? undefined : 'secondary'}>
                {field.required ? '* ' : ''}
                {field.label}
              </Typography.Text>
              <Select
                size="small"
                style={{ width: 180 }}
                aria-label={field.label}
                status={field.required && result.mapping[field.key] === null ? 'error' : undefined}
                value={result.mapping[field.key] ?? -1}
                options={columnOptions}
                onChange={(value: number) => onMappingChange(field.key, value < 0 ? null : value)}
              />
            </Space>
          ))}
        </Flex>
      </div>
      {result.rows.length > 0 && (
        <Table<ImportPreviewRow>
          data-testid="import-rows"
          size="small"
          title={() => <Typography.Text strong>{t.importer.rowsTitle}</Typography.Text>}
          rowKey="rowNumber"
          dataSource={result.rows}
          loading={pageLoading}
          scroll={{ x: true }}
          pagination={{
            current: result.rowsFrom / IMPORT_PREVIEW_PAGE + 1,
            pageSize: IMPORT_PREVIEW_PAGE,
            total: result.summary.total,
            showSizeChanger: false,
            showTotal: (n) => t.common.total(n),
            size: 'small',
            onChange: (page) => onRowsPage((page - 1) * IMPORT_PREVIEW_PAGE),
          }}
          rowClassName={(row) => (row.errors.length > 0 ? 'import-row-error' : '')}
          columns={[
            { title: noWrap(t.importer.rowNumber), dataIndex: 'rowNumber', width: 70 },
            ...result.fields
              .filter((f) => result.mapping[f.key] !== null)
              .map((f) => ({
                // Headers stay on one line too (试点学生 broke into four at 1366 px).
                title: noWrap(f.label),
                key: f.key,
                render: (_: unknown, row: ImportPreviewRow) => {
                  const bad = row.errors.some((e) => e.field === f.key);
                  return (
                    // One line per cell (学号, ID numbers, dates): the table scrolls sideways.
                    <Typography.Text
                      type={bad ? 'danger' : undefined}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {row.values[f.key] || (bad ? t.importer.emptyCell : '')}
                    </Typography.Text>
                  );
                },
              })),
            {
              title: noWrap(t.importer.result),
              key: 'result',
              width: 90,
              render: (_: unknown, row: ImportPreviewRow) => actionTag(row, words),
            },
          ]}
        />
      )}
    </>
  );
}
