import {
  DownloadOutlined,
  EditOutlined,
  FolderOpenOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import type { ColumnsType } from 'antd/es/table/interface';
import { useRef, useState } from 'react';
import type { UploadedFile } from '../../../../shared/contract/files';
import { MAX_UPLOAD_BYTES } from '../../../../shared/contract/files';
import type {
  PhotoFileOutcome,
  PhotoFileReport,
  PhotoImportReport,
  PhotoRulesInForce,
} from '../../../../shared/contract/photos';
import { photoRulesSaveSchema } from '../../../../shared/contract/photos';
import { formatBytes } from '../../../../shared/domain/attachments';
import type { PhotoRules } from '../../../../shared/domain/photos';
import { invoke, messageOf } from '../../api/client';
import { saveOffer, toUploadedFile } from '../../api/files';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { FormModal } from '../../components/FormModal';
import { LoadState } from '../../components/LoadState';
import { zodRule } from '../../components/zodRule';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { DocumentsTab } from './DocumentsTab';

const outcomeColors: Record<PhotoFileOutcome, string> = {
  ready: 'green',
  replaces: 'blue',
  unchanged: 'default',
  rejected: 'red',
};

// Other picture types go to the core too, which names what each really is (a phone's HEIC).
const photoFile = /\.(jpe?g|png|zip|heic|heif|bmp|gif|webp|tiff?)$/i;
// What a folder holds besides photos without anyone having put it there.
const systemFile = /^(\.|thumbs\.db$|desktop\.ini$)/i;

/** The organization's photo rules: KB range, minimum pixels, export name pattern. */
function RulesModal({
  rules,
  onClose,
}: {
  rules: PhotoRulesInForce & { organization: string };
  onClose(): void;
}) {
  const [form] = Form.useForm<PhotoRules>();
  const [saving, setSaving] = useState(false);
  const text = t.photos;
  const f = text.rulesFields;
  const shape = photoRulesSaveSchema.shape;
  return (
    <FormModal<PhotoRules>
      form={form}
      name="photoRules"
      title={text.rulesTitle(rules.organization)}
      initialValues={rules}
      saving={saving}
      onClose={onClose}
      onSubmit={async (values) => {
        setSaving(true);
        try {
          await mutate('photos.saveRules', { organization: rules.organization, ...values });
          onClose();
          return text.rulesSaved;
        } finally {
          setSaving(false);
        }
      }}
    >
      <Space wrap>
        <Form.Item name="minKb" label={f.minKb} rules={[zodRule(shape.minKb)]}>
          <NumberBox min={0} />
        </Form.Item>
        <Form.Item name="maxKb" label={f.maxKb} rules={[zodRule(shape.maxKb)]}>
          <NumberBox min={1} />
        </Form.Item>
        <Form.Item name="minWidth" label={f.minWidth} rules={[zodRule(shape.minWidth)]}>
          <NumberBox min={0} />
        </Form.Item>
        <Form.Item name="minHeight" label={f.minHeight} rules={[zodRule(shape.minHeight)]}>
          <NumberBox min={0} />
        </Form.Item>
      </Space>
      <Form.Item
        name="namePattern"
        label={f.namePattern}
        extra={text.namePatternHelp}
        rules={[zodRule(shape.namePattern)]}
      >
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 考生照片 of one batch: the rules in force, who still has no photo, import (files, a folder or
 * a zip: checked first, each file's problems listed, then imported) and the export zip.
 */
export function PhotoPanel({
  batchId,
  batchTitle,
  organization,
  onClose,
}: {
  batchId: number;
  batchTitle: string;
  organization: string;
  onClose(): void;
}) {
  const { message } = App.useApp();
  const status = useQuery('photos.status', { batchId });
  const [picked, setPicked] = useState<UploadedFile[] | null>(null);
  const [report, setReport] = useState<PhotoImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'export' | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const filesRef = useRef<HTMLInputElement>(null);
  const folderRef = useRef<HTMLInputElement>(null);
  const text = t.photos;
  const c = text.columns;

  const fail = (e: unknown) => message.error(`${t.common.requestFailed}：${messageOf(e)}`);

  const check = async (list: FileList | null) => {
    const all = [...(list ?? [])].filter((f) => !systemFile.test(f.name));
    const files = all.filter((f) => photoFile.test(f.name));
    if (files.length === 0) return void message.warning(text.noImages);
    const others = all.filter((f) => !photoFile.test(f.name)).map((f) => f.name);
    if (others.length > 0) message.info(text.otherFiles(others), 8);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > MAX_UPLOAD_BYTES) {
      return void message.error(text.tooLarge(total / (1024 * 1024)), 8);
    }
    setBusy('check');
    try {
      // A folder's files carry their path inside it; the name is what is matched.
      const uploads = await Promise.all(
        files.map(async (f) => ({ ...(await toUploadedFile(f)), fileName: f.name })),
      );
      setPicked(uploads);
      setReport(await invoke('photos.import', { batchId, files: uploads, commit: false }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
      if (filesRef.current) filesRef.current.value = '';
      if (folderRef.current) folderRef.current.value = '';
    }
  };

  const importNow = async () => {
    if (!picked) return;
    setBusy('import');
    try {
      const done = await mutate('photos.import', { batchId, files: picked, commit: true });
      message.success(text.imported(done.imported));
      setReport(null);
      setPicked(null);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const exportZip = async () => {
    setBusy('export');
    try {
      const file = await invoke('photos.export', { batchId });
      saveOffer(file);
      message.success(text.exported(file.fileName));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<PhotoFileReport> = [
    { title: c.file, dataIndex: 'fileName', width: 260 },
    {
      title: c.student,
      key: 'student',
      width: 150,
      render: (_, r) => (r.studentId === null ? '—' : `${r.name}（${r.studentNo}）`),
    },
    { title: c.size, dataIndex: 'bytes', width: 90, render: (b: number) => formatBytes(b) },
    {
      title: c.pixels,
      key: 'pixels',
      width: 100,
      render: (_, r) => (r.width === null ? '—' : `${r.width}×${r.height}`),
    },
    {
      title: c.outcome,
      dataIndex: 'outcome',
      width: 120,
      filters: (Object.keys(outcomeColors) as PhotoFileOutcome[]).map((o) => ({
        text: text.outcomes[o],
        value: o,
      })),
      onFilter: (value, r) => r.outcome === value,
      render: (o: PhotoFileOutcome) => <Tag color={outcomeColors[o]}>{text.outcomes[o]}</Tag>,
    },
    { title: c.problems, key: 'problems', render: (_, r) => r.problems.join('；') || '—' },
  ];

  const counts = (o: PhotoFileOutcome) => report?.files.filter((f) => f.outcome === o).length ?? 0;
  const importable = counts('ready') + counts('replaces');
  const rules = status.data?.rules;
  // Photos checked and not yet imported: closing (X, Esc, 关闭) or leaving the page asks first.
  const guard = useUnsavedGuard(importable > 0);
  const close = () => {
    if (busy === 'import') return;
    guard(onClose);
  };

  return (
    <Modal
      open
      width={1000}
      title={text.title(batchTitle)}
      onCancel={close}
      footer={<Button onClick={close}>{text.close}</Button>}
      data-testid="photo-panel"
    >
      <LoadState state={status.state} error={status.error} onRetry={status.retry}>
        <Tabs
          items={[
            {
              key: 'photos',
              label: text.tabs.photos,
              children: (
                <>
                  {status.data && rules && (
                    <Flex vertical gap={12}>
                      <Typography.Text type="secondary">{text.intro}</Typography.Text>
                      <Flex gap={8} align="center" wrap>
                        <span data-testid="photo-rules">
                          {text.rules(
                            rules.minKb,
                            rules.maxKb,
                            rules.minWidth,
                            rules.minHeight,
                            rules.namePattern,
                          )}
                          {text.rulesOf(organization, rules.own)}
                        </span>
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditingRules(true)}
                          disabled={busy !== null}
                        >
                          {text.editRules}
                        </Button>
                      </Flex>
                      <Flex gap={8} align="center" wrap>
                        <strong data-testid="photo-counts">
                          {text.counts(status.data.candidates, status.data.withPhoto)}
                        </strong>
                        <Space style={{ marginLeft: 'auto' }} wrap>
                          <input
                            ref={filesRef}
                            type="file"
                            multiple
                            accept=".jpg,.jpeg,.png,.zip"
                            style={{ display: 'none' }}
                            onChange={(e) => void check(e.target.files)}
                            data-testid="photo-files"
                          />
                          <input
                            ref={folderRef}
                            type="file"
                            style={{ display: 'none' }}
                            {...{ webkitdirectory: '', directory: '' }}
                            onChange={(e) => void check(e.target.files)}
                            data-testid="photo-folder"
                          />
                          <Button
                            icon={<UploadOutlined />}
                            loading={busy === 'check'}
                            onClick={() => filesRef.current?.click()}
                          >
                            {text.pickFiles}
                          </Button>
                          <Button
                            icon={<FolderOpenOutlined />}
                            disabled={busy !== null}
                            onClick={() => folderRef.current?.click()}
                          >
                            {text.pickFolder}
                          </Button>
                          <Button
                            icon={<DownloadOutlined />}
                            loading={busy === 'export'}
                            disabled={status.data.withPhoto === 0}
                            onClick={() => void exportZip()}
                            data-testid="photo-export"
                          >
                            {text.export}
                          </Button>
                        </Space>
                      </Flex>
                      {report && (
                        <>
                          <Flex gap={8} align="center">
                            <span data-testid="photo-report-summary">
                              {text.reportSummary(
                                counts('ready'),
                                counts('replaces'),
                                counts('unchanged'),
                                counts('rejected'),
                              )}
                            </span>
                            <Button
                              type="primary"
                              style={{ marginLeft: 'auto' }}
                              disabled={importable === 0}
                              loading={busy === 'import'}
                              onClick={() => void importNow()}
                              data-testid="photo-import"
                            >
                              {text.importNow(importable)}
                            </Button>
                          </Flex>
                          <DataTable<PhotoFileReport>
                            rowKey="fileName"
                            size="small"
                            columns={columns}
                            dataSource={report.files}
                            pagination={{ pageSize: 20 }}
                            emptyHint={text.noImages}
                            data-testid="photo-report"
                          />
                        </>
                      )}
                      {!report && (
                        <>
                          <Typography.Title level={5} style={{ margin: 0 }}>
                            {text.missingTitle}
                          </Typography.Title>
                          <DataTable
                            rowKey="studentId"
                            size="small"
                            columns={[
                              { title: t.exams.detail.columns.studentNo, dataIndex: 'studentNo' },
                              { title: t.exams.detail.columns.name, dataIndex: 'name' },
                              { title: t.exams.detail.columns.className, dataIndex: 'className' },
                            ]}
                            dataSource={status.data.missing}
                            pagination={{ pageSize: 10 }}
                            emptyHint={text.noneMissing}
                            data-testid="photo-missing"
                          />
                        </>
                      )}
                    </Flex>
                  )}
                </>
              ),
            },
            {
              key: 'documents',
              label: text.tabs.documents,
              children: <DocumentsTab batchId={batchId} />,
            },
          ]}
        />
      </LoadState>
      {editingRules && rules && (
        <RulesModal
          rules={{ ...rules, organization: rules.own ? rules.organization : organization }}
          onClose={() => setEditingRules(false)}
        />
      )}
    </Modal>
  );
}
