import {
  ArrowLeftOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  narrativeKeys,
  weeklyNarrativeFields,
  weeklySubmitSchema,
  type WeeklyFigureRow,
  type WeeklyFigures,
  type WeeklyReportDetail,
  type WeeklyRevision,
  type WeeklySubmitInput,
} from '../../../../shared/contract/weekly';
import { weeklyFundsLine } from '../../../../shared/domain/funds';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { figuresMethodLine, formatPeriodRange } from '../../../../shared/domain/weeklyReports';
import { formatChinaDateTime } from '../../../../shared/domain/dates';
import { invoke, messageOf } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { formatDate, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { noWrap } from '../../components/noWrap';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { PeriodStatusTags } from './PeriodStatusTags';
import { WeeklyFacts } from './WeeklyFacts';
import { useWeeklyStore } from './weeklyStore';

const tx = t.weekly.editor;

type FigureLine = WeeklyFigureRow & { key: string };
/** The form holds the narrative and the submitter; the period comes from the route. */
type NarrativeValues = Omit<WeeklySubmitInput, 'periodStart'>;

/** The figures of a period (flows by when they were recorded), its method, and its payments. */
function FiguresTable({ figures }: { figures: WeeklyFigures }) {
  const c = tx.figureColumns;
  const money = (f: number) => noWrap(formatFen(f));
  // Headers, levels and amounts stay on one line (新增报名 and 初级 broke in two beside 版本记录 at
  // 1280 px); only the certificate's name wraps.
  const columns: ColumnsType<FigureLine> = [
    { title: c.certificate, dataIndex: 'certificateName' },
    {
      title: noWrap(c.level),
      dataIndex: 'level',
      render: (l: WeeklyFigureRow['level']) => (l ? noWrap(certificateLevelLabels[l]) : ''),
    },
    { title: noWrap(c.signups), dataIndex: 'signups', align: 'right' },
    { title: noWrap(c.withdrawn), dataIndex: 'withdrawn', align: 'right' },
    { title: noWrap(c.examined), dataIndex: 'examined', align: 'right' },
    { title: noWrap(c.passed), dataIndex: 'passed', align: 'right' },
    { title: noWrap(c.issued), dataIndex: 'issued', align: 'right' },
    { title: noWrap(c.fee), dataIndex: 'feeFen', align: 'right', render: money },
    { title: noWrap(c.paid), dataIndex: 'paidFen', align: 'right', render: money },
  ];
  const rows: FigureLine[] = figures.byCertificate.map((r) => ({
    ...r,
    key: `${r.certificateId ?? 'none'}-${r.level ?? ''}`,
  }));
  const total: FigureLine = {
    key: 'total',
    certificateId: null,
    certificateName: tx.totals,
    level: null,
    ...figures.totals,
  };
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="weekly-figures-method">
        {figuresMethodLine(figures.basis)}
      </Typography.Paragraph>
      <Table<FigureLine>
        size="small"
        data-testid="weekly-figures"
        columns={columns}
        dataSource={rows.length > 0 ? [...rows, total] : []}
        pagination={false}
        locale={{ emptyText: tx.noFigures }}
      />
      {figures.funds && (
        <Typography.Paragraph data-testid="weekly-funds" style={{ marginTop: 8 }}>
          {weeklyFundsLine(figures.funds)}
        </Typography.Paragraph>
      )}
      {figures.payments.length > 0 && (
        <List
          size="small"
          header={tx.paymentsTitle}
          data-testid="weekly-payments"
          dataSource={figures.payments}
          renderItem={(p) => (
            <List.Item>
              {tx.paymentLine(
                formatDate(p.paidOn),
                p.organization,
                formatFen(p.amountFen),
                tx.paymentActions[p.action],
              )}
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function NarrativeView({ revision }: { revision: WeeklyRevision }) {
  return (
    <Descriptions column={1} bordered size="small">
      {narrativeKeys.map((key) => (
        <Descriptions.Item key={key} label={tx.narrative[key]}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {revision[key] || tx.empty}
          </Typography.Paragraph>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** One period's report: figures (read-only), the narrative, 报送, corrections and history. */
export function ReportEditor({ periodStart }: { periodStart: string }) {
  const { message } = App.useApp();
  const store = useWeeklyStore();
  const go = useNavigation((s) => s.go);
  const [form] = Form.useForm<NarrativeValues>();
  const report = useQuery('weekly.get', { periodStart });
  const { data: detail, state, error: loadError, retry } = report;
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [viewing, setViewing] = useState<WeeklyRevision | null>(null);
  // The form follows the stored report (it reloads after any change) until the person edits it.
  const editing = useRef(false);
  useEffect(() => {
    editing.current = dirty;
  }, [dirty]);

  const newest = detail?.revisions[0] ?? null;
  const locked = newest?.status === 'submitted';
  /** The form starts from the newest revision (remounted when that changes). */
  const initialValues = useMemo<NarrativeValues>(
    () => ({
      progress: newest?.progress ?? '',
      problems: newest?.problems ?? '',
      nextPlan: newest?.nextPlan ?? '',
      experience: newest?.experience ?? '',
      // A correction is sent by whoever sent the period before, unless changed.
      submitter: detail?.revisions.find((r) => r.status === 'submitted')?.submitter ?? '',
    }),
    [detail, newest],
  );
  useEffect(() => {
    if (!locked && state === 'ready' && !editing.current) form.setFieldsValue(initialValues);
  }, [form, initialValues, locked, state]);
  useUnsavedGuard(dirty && !locked);

  const run = async (action: () => Promise<WeeklyReportDetail>, done: string) => {
    setBusy(true);
    try {
      await action();
      setDirty(false);
      message.success(done);
    } catch (error) {
      reportSaveError(form, message, error);
    } finally {
      setBusy(false);
    }
  };

  const saveDraft = useCallback(async () => {
    if (locked) return;
    const values = await validatedValues(form, message);
    if (!values) return;
    const { submitter: _submitter, ...narrative } = values;
    await run(() => store.saveDraft({ periodStart, ...narrative }), tx.draftSaved);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run and store are stable enough
  }, [form, locked, message, periodStart]);
  useSaveShortcut(saveDraft);

  const submit = async () => {
    const values = await validatedValues(form, message);
    if (!values) return;
    await run(() => store.submit({ periodStart, ...values }), tx.submitted);
  };

  const exportFile = async (format: 'docx' | 'xlsx', revision?: number) => {
    try {
      message.success(t.weekly.exported(await store.exportReport(periodStart, format, revision)));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`, 8);
    }
  };

  const period = detail?.period;
  const figures = locked && newest ? newest.figures : detail?.liveFigures;
  const submitterHelp = useMemo(
    () => tx.submitterHelp(detail?.defaultSubmitter ?? ''),
    [detail?.defaultSubmitter],
  );

  // The newest version's files hold what is saved: while typed edits are not, they would leave
  // them out, so they wait for 保存草稿 (a revision from the history is never being edited).
  const unsavedEdits = dirty && !locked;
  const exportButtons = (revision?: number) => {
    const waiting = revision === undefined && unsavedEdits;
    const title = waiting ? tx.saveBeforeExport : undefined;
    return (
      <>
        <Button
          icon={<FileWordOutlined />}
          disabled={waiting}
          title={title}
          onClick={() => void exportFile('docx', revision)}
        >
          {t.weekly.exportDocx}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          disabled={waiting}
          title={title}
          onClick={() => void exportFile('xlsx', revision)}
        >
          {t.weekly.exportXlsx}
        </Button>
        <PrintButton
          load={() => invoke('weekly.export', { periodStart, format: 'pdf', revision })}
          disabled={waiting}
          testId={revision === undefined ? 'weekly-print' : `weekly-print-${revision}`}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader
        title={period ? tx.title(period.label) : t.weekly.title}
        description={period ? formatPeriodRange(period.start, period.end) : undefined}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => go('weekly')}>
              {tx.back}
            </Button>
            {detail && exportButtons()}
          </>
        }
      />
      <LoadState state={state} error={loadError} onRetry={retry}>
        {detail && period && (
          <Row gutter={16}>
            <Col xs={24} xl={17}>
              <WeeklyFacts runs={detail.notOnTimeRuns} style={{ marginBottom: 16 }} />
              <Card size="small" style={{ marginBottom: 16 }}>
                <Descriptions column={3} size="small">
                  <Descriptions.Item label={tx.range}>
                    {formatPeriodRange(period.start, period.end)}
                  </Descriptions.Item>
                  <Descriptions.Item label={tx.dueAt}>
                    {formatChinaDateTime(period.dueAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label={tx.status}>
                    <PeriodStatusTags period={period} />
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={tx.figuresTitle} style={{ marginBottom: 16 }}>
                {/* In the body, not beside the title: there it cut the title short at 1280 px. */}
                <Typography.Paragraph type="secondary" data-testid="weekly-figures-state">
                  {locked && newest?.submittedAt
                    ? tx.figuresFrozen(formatChinaDateTime(newest.submittedAt))
                    : tx.figuresLive}
                </Typography.Paragraph>
                {figures && <FiguresTable figures={figures} />}
              </Card>
              <Card size="small" title={tx.narrativeTitle}>
                {locked && newest ? (
                  <>
                    <Alert
                      type="success"
                      showIcon
                      style={{ marginBottom: 12 }}
                      message={tx.locked(
                        formatChinaDateTime(newest.submittedAt ?? ''),
                        newest.submitter,
                      )}
                      action={
                        <Popconfirm
                          title={tx.reviseConfirm}
                          okText={t.common.confirm}
                          cancelText={t.common.cancel}
                          onConfirm={() =>
                            void run(
                              () => store.revise(periodStart),
                              tx.revising(newest.revision + 1),
                            )
                          }
                        >
                          <Button icon={<EditOutlined />} loading={busy}>
                            {tx.revise}
                          </Button>
                        </Popconfirm>
                      }
                    />
                    <NarrativeView revision={newest} />
                  </>
                ) : (
                  <Form
                    key={`${newest?.revision ?? 0}-${newest?.updatedAt ?? ''}`}
                    form={form}
                    layout="vertical"
                    name="weekly-report"
                    initialValues={initialValues}
                    onValuesChange={() => setDirty(true)}
                  >
                    {newest && newest.revision > 1 && (
                      <Alert
                        type="info"
                        showIcon
                        style={{ marginBottom: 12 }}
                        message={tx.revising(newest.revision)}
                      />
                    )}
                    {narrativeKeys.map((key) => (
                      <Form.Item
                        key={key}
                        name={key}
                        label={tx.narrative[key]}
                        required={key === 'progress'}
                        rules={[zodRule(weeklyNarrativeFields[key])]}
                      >
                        <Input.TextArea
                          id={`weekly-${key}`}
                          autoSize={{ minRows: 3, maxRows: 12 }}
                          placeholder={tx.placeholders[key]}
                          maxLength={5000}
                          showCount
                        />
                      </Form.Item>
                    ))}
                    <Form.Item
                      name="submitter"
                      label={tx.submitter}
                      extra={submitterHelp}
                      rules={[zodRule(weeklySubmitSchema.shape.submitter)]}
                    >
                      <Input
                        id="weekly-submitter"
                        placeholder={detail.defaultSubmitter}
                        style={{ maxWidth: 240 }}
                      />
                    </Form.Item>
                    <Space>
                      <Button
                        icon={<SaveOutlined />}
                        loading={busy}
                        onClick={() => void saveDraft()}
                        title={t.common.saveShortcut}
                      >
                        {tx.saveDraft}
                      </Button>
                      <Popconfirm
                        title={period.overdue ? tx.submitConfirmLate : tx.submitConfirm}
                        description={tx.submitConfirmHint}
                        okText={t.common.confirm}
                        cancelText={t.common.cancel}
                        onConfirm={() => void submit()}
                      >
                        <Button type="primary" icon={<SendOutlined />} loading={busy}>
                          {tx.submit}
                        </Button>
                      </Popconfirm>
                    </Space>
                  </Form>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={7}>
              <Card size="small" title={tx.history}>
                <List
                  data-testid="weekly-revisions"
                  dataSource={detail.revisions}
                  locale={{ emptyText: tx.historyEmpty }}
                  renderItem={(r) => (
                    <List.Item
                      actions={[
                        <Button key="view" type="link" size="small" onClick={() => setViewing(r)}>
                          {tx.viewRevision}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            {tx.revisionLabel(r.revision)}
                            {r.status === 'draft' ? (
                              <Tag color="processing">{tx.revisionDraft}</Tag>
                            ) : (
                              <Tag color="success">{tx.revisionSentTag}</Tag>
                            )}
                          </Space>
                        }
                        description={
                          r.status === 'submitted' && r.submittedAt
                            ? tx.revisionSent(formatChinaDateTime(r.submittedAt), r.submitter)
                            : formatChinaDateTime(r.updatedAt)
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
        )}
      </LoadState>
      <Modal
        open={viewing !== null}
        title={viewing && period ? tx.revisionTitle(period.label, viewing.revision) : ''}
        width={760}
        onCancel={() => setViewing(null)}
        footer={
          <Space>
            {viewing && exportButtons(viewing.revision)}
            <Button type="primary" onClick={() => setViewing(null)}>
              {tx.close}
            </Button>
          </Space>
        }
      >
        {viewing && (
          <>
            <Typography.Paragraph type="secondary">
              {viewing.status === 'submitted' && viewing.submittedAt
                ? tx.revisionSent(formatChinaDateTime(viewing.submittedAt), viewing.submitter)
                : tx.revisionDraft}
            </Typography.Paragraph>
            <FiguresTable figures={viewing.figures} />
            <div style={{ height: 12 }} />
            <NarrativeView revision={viewing} />
          </>
        )}
      </Modal>
    </>
  );
}
