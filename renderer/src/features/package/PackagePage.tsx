import { CloudDownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, List, Tooltip, Typography, Upload } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import {
  MAX_VERIFY_BYTES,
  verifyTooLargeMessage,
  type PackageBuildResult,
  type PackageVerifyReport,
} from '../../../../shared/contract/package';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import type { ProjectStatus } from '../../../../shared/domain/projectStatus';
import { invoke, messageOf, PilotError } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { saveOffer, stageFile } from '../../api/files';
import { DataTable } from '../../components/DataTable';
import { byText, formatDate, formatDateTime } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { SelfCheckTag } from '../../components/SelfCheckTag';
import { UploadProgress, type Staging } from '../../components/UploadProgress';
import { VerdictList } from '../../components/VerdictList';
import { t } from '../../i18n';
import { MarkSubmittedButton } from './MarkSubmittedButton';
import { SubmittedPackages } from './SubmittedPackages';
import { useCancellableTask } from '../../components/useCancellableTask';
import { TaskProgress } from '../../components/TaskProgress';

const text = t.package;
const severity = { pass: 0, warn: 1, fail: 2 } as const;

/** 申报材料: pick projects, export the package (drafts after confirmation), verify a package. */
export function PackagePage() {
  const selfChecks = useQuery('projects.selfCheckAll', {});
  const checks: ProjectCheck[] = selfChecks.data ?? [];
  const [selected, setSelected] = useState<number[]>([]);
  const [gbkNames, setGbkNames] = useState(false);
  /** 附带试点经费使用情况表 of this year; null: not included. */
  const [fundsYear, setFundsYear] = useState<number | null>(null);
  const [built, setBuilt] = useState<PackageBuildResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const { busy, cancelling, progress, run, cancel: stop } = useCancellableTask('package.cancel');
  const { modal } = App.useApp();

  const build = async (acceptDraft: boolean) => {
    setError(null);
    setCancelled(null);
    setBuilt(null);
    try {
      const result = await run((taskId) =>
        invoke('package.build', {
          projectIds: selected,
          acceptDraft,
          gbkNames,
          fundsYear,
          taskId,
        }),
      );
      setBuilt(result);
      saveOffer(result);
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'CANCELLED') setCancelled(e.message);
      else setError(messageOf(e));
    }
  };

  const cancel = () => stop().catch((e: unknown) => setError(messageOf(e)));

  const onExport = () => {
    const failing = checks.filter((c) => selected.includes(c.id) && c.selfCheck.level === 'fail');
    if (failing.length === 0) {
      void build(false);
      return;
    }
    modal.confirm({
      title: text.draftTitle,
      width: 640,
      okText: text.draftOk,
      cancelText: text.cancel,
      content: (
        <div data-testid="package-draft-confirm">
          <Typography.Paragraph>{text.draftContent}</Typography.Paragraph>
          {failing.map((c) => (
            <div key={c.id}>
              <Typography.Text strong>{`${c.certificateName} · ${c.year}`}</Typography.Text>
              <VerdictList verdicts={c.verdicts.filter((v) => v.level === 'fail')} />
            </div>
          ))}
        </div>
      ),
      // Close at once: the progress (with its 取消) shows on the page, not behind the dialog.
      onOk: () => {
        void build(true);
      },
    });
  };

  const columns: ColumnsType<ProjectCheck> = [
    {
      title: text.columns.project,
      key: 'project',
      sorter: (a, b) => byText(a.certificateName, b.certificateName) || a.year - b.year,
      render: (_: unknown, row) => `${row.certificateName} · ${row.year}`,
    },
    {
      title: text.columns.status,
      dataIndex: 'status',
      width: 110,
      render: (status: ProjectStatus) => <ProjectStatusTag status={status} />,
    },
    {
      title: text.columns.result,
      dataIndex: 'selfCheck',
      width: 190,
      sorter: (a, b) => severity[a.selfCheck.level] - severity[b.selfCheck.level],
      filters: (['fail', 'warn', 'pass'] as const).map((l) => ({ text: t.verdict[l], value: l })),
      onFilter: (value, row) => row.selfCheck.level === value,
      render: (summary: ProjectCheck['selfCheck']) => <SelfCheckTag summary={summary} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={text.title}
        description={text.intro}
        extra={
          <>
            <PrintButton
              disabled={selected.length === 0}
              load={() =>
                invoke('package.documentPdf', { document: 'applicationForm', projectIds: selected })
              }
              testId="package-print-form"
            >
              {text.printForm}
            </PrintButton>
            <PrintButton
              disabled={selected.length === 0}
              load={() => invoke('package.documentPdf', { document: 'plan', projectIds: selected })}
              testId="package-print-plan"
            >
              {text.printPlan}
            </PrintButton>
            <Button
              type="primary"
              icon={<CloudDownloadOutlined />}
              disabled={selected.length === 0 || busy}
              loading={busy}
              onClick={onExport}
              data-testid="package-export"
            >
              {text.export}
            </Button>
          </>
        }
      />
      <LoadState state={selfChecks.state} error={selfChecks.error} onRetry={selfChecks.retry}>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {selected.length === 0 ? text.selectFirst : text.selected(selected.length)}
            </Typography.Text>
            <Flex align="center" gap={8}>
              <Checkbox
                checked={fundsYear !== null}
                disabled={busy}
                onChange={(e) => setFundsYear(e.target.checked ? dayjs().year() : null)}
                data-testid="package-funds"
              >
                {text.includeFunds}
              </Checkbox>
              {fundsYear !== null && (
                <NumberBox
                  id="package-funds-year"
                  size="small"
                  min={2019}
                  max={2100}
                  precision={0}
                  value={fundsYear}
                  disabled={busy}
                  addonAfter={text.fundsYearUnit}
                  onChange={(v) => setFundsYear(typeof v === 'number' ? v : dayjs().year())}
                />
              )}
            </Flex>
            <Tooltip title={text.gbkNamesHint}>
              <Checkbox
                checked={gbkNames}
                disabled={busy}
                onChange={(e) => setGbkNames(e.target.checked)}
                data-testid="package-gbk-names"
              >
                {text.gbkNames}
              </Checkbox>
            </Tooltip>
          </Flex>
          {busy && (
            <TaskProgress
              label={text.building}
              progress={progress}
              cancelling={cancelling}
              onCancel={() => void cancel()}
              testId="package"
            />
          )}
          {error && <Alert type="error" showIcon message={error} data-testid="package-error" />}
          {cancelled && (
            <Alert type="warning" showIcon message={cancelled} data-testid="package-cancelled" />
          )}
          {built && (
            <Alert
              type={built.draft ? 'warning' : 'success'}
              showIcon
              data-testid="package-done"
              message={text.done(built.fileName)}
              description={
                <>
                  <div>{text.savedAs(built.savedAs)}</div>
                  {built.draft && <div>{text.draftDone}</div>}
                  <div style={{ marginTop: 8 }}>
                    <MarkSubmittedButton built={built} testId="package-mark-submitted" />
                  </div>
                </>
              }
            />
          )}
          <DataTable<ProjectCheck>
            rowKey="id"
            columns={columns}
            dataSource={checks}
            emptyHint={text.empty}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(Number)),
            }}
          />
          <SubmittedPackages />
          <VerifyCard />
        </Flex>
      </LoadState>
    </>
  );
}

function VerifyCard() {
  const { message } = App.useApp();
  const sending = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);
  const [staging, setStaging] = useState<Staging | null>(null);
  const [report, setReport] = useState<PackageVerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = async (file: File) => {
    setError(null);
    setReport(null);
    // Bigger than any package: said at once, not after seconds of sending it to the core.
    if (file.size > MAX_VERIFY_BYTES) {
      setError(verifyTooLargeMessage());
      return;
    }
    setBusy(true);
    sending.current = new AbortController();
    try {
      const staged = await stageFile(
        file,
        (sent, total) => setStaging({ fileName: file.name, sent, total }),
        sending.current.signal,
      );
      setReport(await invoke('package.verify', staged));
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'CANCELLED') message.info(e.message);
      else setError(messageOf(e));
    } finally {
      sending.current = null;
      setBusy(false);
      setStaging(null);
    }
  };

  const section = (title: string, items: string[], testId: string) =>
    items.length > 0 && (
      <List
        size="small"
        header={<Typography.Text strong>{title}</Typography.Text>}
        dataSource={items}
        renderItem={(item) => <List.Item>{item}</List.Item>}
        data-testid={testId}
      />
    );

  return (
    <Card title={text.verifyTitle} data-testid="package-verify">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{text.verifyIntro}</Typography.Text>
        <Upload
          accept=".zip"
          showUploadList={false}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
        >
          <Button icon={<SafetyOutlined />} loading={busy} data-testid="package-verify-pick">
            {busy ? text.verifying : text.verifyPick}
          </Button>
        </Upload>
        {staging && <UploadProgress staging={staging} onCancel={() => sending.current?.abort()} />}
        {error && <Alert type="error" showIcon message={error} data-testid="verify-error" />}
        {report && (
          <div data-testid="verify-report">
            <Alert
              type={report.ok ? 'success' : 'error'}
              showIcon
              message={report.ok ? text.verifyOk(report.checkedFiles) : text.verifyFailed}
              description={
                report.manifest && (
                  <>
                    <div>
                      {text.manifestInfo(
                        report.manifest.school.name,
                        formatDateTime(report.manifest.createdAt),
                      )}
                    </div>
                    {report.manifest.batch && (
                      <div data-testid="verify-batch">
                        {t.batchPackage.verifiedBatch(
                          `${report.manifest.batch.certificateName} ${report.manifest.batch.levelLabel}`,
                          formatDate(report.manifest.batch.examDate),
                          report.manifest.batch.signups,
                        )}
                      </div>
                    )}
                  </>
                )
              }
            />
            {section(text.missing, report.missing, 'verify-missing')}
            {section(text.extra, report.extra, 'verify-extra')}
            {section(text.changed, report.changed, 'verify-changed')}
            {section(text.problems, report.problems, 'verify-problems')}
          </div>
        )}
      </Flex>
    </Card>
  );
}
