import {
  ArrowLeftOutlined,
  CheckSquareOutlined,
  PictureOutlined,
  EditOutlined,
  FileExcelOutlined,
  LayoutOutlined,
  TableOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Descriptions,
  Flex,
  Input,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType, SorterResult, SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import type {
  ExamBatch,
  Signup,
  SignupPage,
  SignupSortKey,
} from '../../../../shared/contract/exams';
import {
  allowedNextStatuses,
  isFinalStatus,
  payerLabels,
  signupStatusColors,
  signupStatusLabels,
  signupStatuses,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { examFormLabels, limitText } from '../../../../shared/domain/costCaps';
import { attendanceCounts } from '../../../../shared/domain/signupFigures';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { invoke, messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { combined, useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { useBulkPlanConfirm } from '../../components/BulkPlanConfirm';
import { DataTable } from '../../components/DataTable';
import { ImportWizard } from '../../components/ImportWizard';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatFen } from '../../components/format';
import { t } from '../../i18n';
import { PhotoPanel } from '../photos/PhotoPanel';
import { AttendancePanel } from './AttendancePanel';
import { BatchPackageButton } from './BatchPackageButton';
import { batchTitle } from './batchTitle';
import { ResultModal } from './ResultModal';
import { ResultTable } from './ResultTable';
import { SignupDialog } from './SignupDialog';
import { noWrap } from '../../components/noWrap';
import { ExamSiteVerdict } from '../examSites/ExamSiteVerdict';

interface Query {
  statuses: SignupStatus[];
  search: string;
  sortBy: SignupSortKey;
  sortOrder: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const initialQuery: Query = {
  statuses: [],
  search: '',
  sortBy: 'studentNo',
  sortOrder: 'asc',
  page: 1,
  pageSize: 50,
};

/** Statuses some selected sign-ups can move to (withdrawal has its own button). */
function bulkTargets(selected: readonly Signup[]): SignupStatus[] {
  const targets = new Set<SignupStatus>();
  for (const s of selected) for (const next of allowedNextStatuses(s.status)) targets.add(next);
  targets.delete('withdrawn');
  return signupStatuses.filter((s) => targets.has(s));
}

/** One batch: its facts and its sign-ups, paged, sorted and filtered by the core. */
export function BatchDetail({ id }: { id: number }) {
  const { message } = App.useApp();
  const confirmPlan = useBulkPlanConfirm();
  const go = useNavigation((s) => s.go);
  const [query, setQuery] = useState<Query>(initialQuery);
  const [selected, setSelected] = useState<Signup[]>([]);
  const [target, setTarget] = useState<SignupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [signingUp, setSigningUp] = useState(false);
  const [editing, setEditing] = useState<Signup | null>(null);
  const [importing, setImporting] = useState(false);
  const [bulkResults, setBulkResults] = useState(false);
  const [attendance, setAttendance] = useState(false);
  const [photos, setPhotos] = useState(false);
  const text = t.exams.detail;

  const batchQuery = useQuery('exams.batches.get', { id });
  // The page on screen stays while the answer to a new query is on its way.
  const signups = useQuery('exams.signups.list', { batchId: id, ...query }, { keepPrevious: true });
  const batch: ExamBatch | null = batchQuery.data;
  const page: SignupPage | null = signups.data;
  const { state, error, retry } = combined(batchQuery, signups);
  const fetching = signups.fetching;

  // The batch, its sign-ups and every other view reload on their own after a change.
  const changed = () => {
    setSelected([]);
    setTarget(null);
  };

  /**
   * Plans the change first: rows that cannot take the status are listed with the reason and
   * the rest are changed only after the person confirms (withdrawal always asks).
   */
  const applyStatus = async (status: SignupStatus) => {
    const withdrawing = status === 'withdrawn';
    setBusy(true);
    try {
      const plan = await invoke('exams.signups.planStatus', {
        ids: selected.map((s) => s.id),
        status,
      });
      setBusy(false);
      const proceed = await confirmPlan(plan, {
        title: withdrawing
          ? text.withdrawTitle(plan.applicable.length)
          : text.statusTitle(plan.applicable.length, signupStatusLabels[status]),
        danger: withdrawing,
        body: withdrawing ? text.withdrawContent : undefined,
      });
      if (!proceed) return;
      setBusy(true);
      const result = await mutate('exams.signups.setStatus', { ids: plan.applicable, status });
      message.success(
        withdrawing
          ? text.withdrawn(result.updated)
          : text.statusChanged(result.updated, signupStatusLabels[status]),
      );
      changed();
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const c = text.columns;
  const sortOrderOf = (key: SignupSortKey): SortOrder =>
    query.sortBy === key ? (query.sortOrder === 'asc' ? 'ascend' : 'descend') : null;
  const sortable = (key: SignupSortKey) => ({ key, sorter: true, sortOrder: sortOrderOf(key) });
  const columns: ColumnsType<Signup> = [
    {
      title: c.studentNo,
      dataIndex: 'studentNo',
      width: 140,
      render: noWrap,
      ...sortable('studentNo'),
    },
    { title: c.name, dataIndex: 'name', width: 90, ...sortable('name') },
    {
      title: c.major,
      dataIndex: 'majorName',
      width: 130,
      render: (m: string) => m || '—',
      ...sortable('major'),
    },
    { title: c.className, dataIndex: 'className', width: 110, ...sortable('className') },
    {
      title: c.status,
      dataIndex: 'status',
      width: 90,
      render: (s: SignupStatus) => <Tag color={signupStatusColors[s]}>{signupStatusLabels[s]}</Tag>,
      ...sortable('status'),
    },
    // The money before the results: in view at 1280 px, where the table scrolls sideways and
    // the fixed 操作 column covers its right end.
    {
      title: <Tooltip title={text.feeReadOnly}>{c.fee}</Tooltip>,
      dataIndex: 'feeFen',
      width: 100,
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
    {
      title: <Tooltip title={text.feeReadOnly}>{c.payer}</Tooltip>,
      dataIndex: 'payer',
      width: 100,
      render: (p: Signup['payer']) => payerLabels[p],
    },
    {
      title: c.score,
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (v: number | null, s) =>
        s.theoryScore !== null || s.practicalScore !== null ? (
          <Tooltip title={text.scoreParts(s.theoryScore, s.practicalScore)}>
            <span style={{ borderBottom: '1px dotted #999' }}>{v ?? '—'}</span>
          </Tooltip>
        ) : (
          (v ?? '—')
        ),
      ...sortable('score'),
    },
    {
      title: c.certificateNo,
      key: 'certificate',
      render: (_, s) =>
        s.certificateNo ? (
          <>
            <div>
              {s.certificateNo}
              {s.issuedOn && (
                <span style={{ color: '#888', marginLeft: 6 }}>{formatDate(s.issuedOn)}</span>
              )}
            </div>
            {s.platformRegistered && <Tag color="green">{text.creditTags.registered}</Tag>}
            {s.creditBank && <Tag color="gold">{text.creditTags.bank}</Tag>}
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 110,
      // In view on narrower screens, where the table scrolls sideways.
      fixed: 'right',
      render: (_, s) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          disabled={['withdrawn', 'absent', 'violation'].includes(s.status)}
          onClick={() => setEditing(s)}
          data-testid={`signup-result-${s.studentNo}`}
        >
          {text.result}
        </Button>
      ),
    },
  ];

  const targets = bulkTargets(selected);
  const turnout = batch && attendanceCounts(batch.figures);
  const canWithdraw = selected.length > 0 && selected.some((s) => !isFinalStatus(s.status));

  return (
    <>
      <PageHeader
        title={batch ? batchTitle(batch) : t.exams.title}
        description={
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => go('exams')}
          >
            {t.exams.back}
          </Button>
        }
        extra={
          <>
            {batch && (
              <AuditHistoryButton source={{ kind: 'batch', id }} title={batchTitle(batch)} />
            )}
            {batch && <BatchPackageButton batch={batch} />}
            <Button
              icon={<LayoutOutlined />}
              disabled={!batch}
              onClick={() => go(`exams/${id}/arrangement`)}
              data-testid="open-arrangement"
            >
              {t.arrangements.open}
            </Button>
            <Button
              icon={<PictureOutlined />}
              disabled={!batch || batch.activeCount === 0}
              onClick={() => setPhotos(true)}
              data-testid="open-photos"
            >
              {t.photos.open}
            </Button>
            <Button
              icon={<CheckSquareOutlined />}
              disabled={!batch || batch.activeCount === 0 || attendance || bulkResults}
              onClick={() => setAttendance(true)}
              data-testid="open-attendance"
            >
              {text.attendance.open}
            </Button>
            <Button
              icon={<TableOutlined />}
              disabled={!batch || batch.signupCount === 0 || bulkResults || attendance}
              onClick={() => setBulkResults(true)}
              data-testid="bulk-results"
            >
              {text.bulkResults.open}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!batch || batch.signupCount === 0}
              onClick={() => setImporting(true)}
              data-testid="import-results"
            >
              {text.importResults}
            </Button>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              disabled={!batch}
              onClick={() => setSigningUp(true)}
            >
              {text.signUp}
            </Button>
          </>
        }
      />
      <LoadState state={state} error={error} onRetry={retry}>
        {batch && page && (
          <>
            <Descriptions
              size="small"
              // Three to a row below 1600 px: four squeezed the 考核站点 tag over its neighbour.
              column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 4 }}
              style={{ marginBottom: 16 }}
            >
              <Descriptions.Item label={t.exams.fields.organization}>
                {batch.organization || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.siteId}>
                {batch.siteName || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t.examSites.verdict.label}>
                <ExamSiteVerdict verdict={batch.examSite} examDate={batch.examDate} />
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.feePerPerson}>
                {formatFen(batch.feeFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.agreedFee}>
                <span data-testid="batch-agreed-fee">
                  {batch.agreedFee === null
                    ? t.exams.noAgreement
                    : t.exams.agreedHint(
                        formatFen(batch.agreedFee.feeFen),
                        formatChineseDate(batch.agreedFee.agreedOn),
                      )}
                </span>
                {batch.agreedFee !== null && batch.feeFen > batch.agreedFee.feeFen && (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {t.exams.aboveAgreement}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.signups}>
                {t.exams.signupCount(batch.activeCount, batch.capacity)}
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.feeTotal}>
                {/* One block: the withdrawn note goes under the total, not squeezed beside it. */}
                <div>
                  <span data-testid="batch-fee-total" style={{ whiteSpace: 'nowrap' }}>
                    {formatFen(batch.figures.feeFen)}
                  </span>
                  {batch.figures.withdrawn.signups > 0 && (
                    <Typography.Text type="secondary" style={{ display: 'block' }}>
                      {t.fees.withdrawnLine(
                        String(batch.figures.withdrawn.signups),
                        formatFen(batch.figures.withdrawn.feeFen),
                      )}
                    </Typography.Text>
                  )}
                </div>
              </Descriptions.Item>
              <Descriptions.Item label={text.attendance.field} span={2}>
                <span data-testid="batch-attendance">
                  {turnout &&
                    text.attendance.counts(
                      turnout.expected,
                      turnout.present,
                      turnout.absent,
                      turnout.violation,
                    )}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.examForm}>
                {batch.examForm === null ? t.exams.noExamForm : examFormLabels[batch.examForm]}
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.scoring}>
                <span data-testid="batch-scoring">
                  {t.exams.scoring(batch.passScore, batch.theoryWeight)}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t.exams.fields.feeLimit} span={2}>
                <span data-testid="batch-fee-limit">
                  {batch.feeLimit === null
                    ? t.exams.noCapHint(formatChineseDate(batch.examDate))
                    : t.exams.capHint(formatChineseDate(batch.examDate), limitText(batch.feeLimit))}
                </span>
              </Descriptions.Item>
            </Descriptions>
            {/* 考勤登记 has its own list and selection: the sign-up list's tools would act on
                rows not on screen. */}
            {!attendance && (
              <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
                <Input.Search
                  allowClear
                  placeholder={text.searchPlaceholder}
                  aria-label={text.searchPlaceholder}
                  style={{ width: 240 }}
                  onSearch={(search) => setQuery((q) => ({ ...q, search, page: 1 }))}
                />
                <Select
                  mode="multiple"
                  allowClear
                  style={{ minWidth: 240 }}
                  placeholder={text.statusFilter}
                  aria-label={text.statusFilter}
                  value={query.statuses}
                  onChange={(statuses: SignupStatus[]) =>
                    setQuery((q) => ({ ...q, statuses, page: 1 }))
                  }
                  options={signupStatuses.map((s) => ({
                    value: s,
                    label: `${signupStatusLabels[s]}（${page.statusCounts[s]}）`,
                  }))}
                />
                <Space style={{ marginLeft: 'auto' }}>
                  <span>{text.selected(selected.length)}</span>
                  <Select
                    style={{ width: 140 }}
                    placeholder={text.statusPlaceholder}
                    aria-label={text.changeStatus}
                    disabled={targets.length === 0}
                    value={target}
                    onChange={(v: SignupStatus) => setTarget(v)}
                    options={targets.map((s) => ({ value: s, label: signupStatusLabels[s] }))}
                  />
                  <Button
                    disabled={!target || selected.length === 0}
                    loading={busy}
                    onClick={() => target && void applyStatus(target)}
                  >
                    {text.apply}
                  </Button>
                  <Button
                    danger
                    disabled={!canWithdraw || busy}
                    onClick={() => void applyStatus('withdrawn')}
                  >
                    {text.withdraw}
                  </Button>
                </Space>
              </Flex>
            )}
            {attendance ? (
              <AttendancePanel batchId={id} onClose={() => setAttendance(false)} />
            ) : bulkResults ? (
              <ResultTable batchId={id} items={page.items} onClose={() => setBulkResults(false)} />
            ) : (
              <DataTable<Signup>
                rowKey="id"
                columns={columns}
                dataSource={page.items}
                loading={fetching}
                scroll={{ x: 1180 }}
                rowSelection={{
                  selectedRowKeys: selected.map((s) => s.id),
                  onChange: (_, rows) => setSelected(rows),
                  preserveSelectedRowKeys: true,
                }}
                pagination={{
                  current: query.page,
                  pageSize: query.pageSize,
                  total: page.total,
                  pageSizeOptions: [20, 50, 100, 200],
                }}
                onChange={(pagination, _filters, sorter) => {
                  const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Signup>;
                  const sortBy = s?.order ? (s.columnKey as SignupSortKey) : 'studentNo';
                  const sortOrder = s?.order === 'descend' ? 'desc' : 'asc';
                  setQuery((q) => ({
                    ...q,
                    sortBy,
                    sortOrder,
                    page:
                      sortBy !== q.sortBy || sortOrder !== q.sortOrder
                        ? 1
                        : (pagination.current ?? 1),
                    pageSize: pagination.pageSize ?? q.pageSize,
                  }));
                }}
                emptyHint={batch.signupCount ? text.noMatch : text.emptyHint}
                data-testid="signups-table"
              />
            )}
          </>
        )}
        {state === 'ready' && !batch && text.notFound}
      </LoadState>
      {signingUp && batch && (
        <SignupDialog batch={batch} onDone={changed} onClose={() => setSigningUp(false)} />
      )}
      {photos && batch && (
        <PhotoPanel
          batchId={id}
          batchTitle={batchTitle(batch)}
          organization={batch.organization}
          onClose={() => setPhotos(false)}
        />
      )}
      {editing && (
        <ResultModal signup={editing} onSaved={changed} onClose={() => setEditing(null)} />
      )}
      {batch && (
        <ImportWizard
          open={importing}
          title={text.importResultsTitle(batchTitle(batch))}
          hint={text.importResultsHint}
          words={text.importWords}
          preview={(request) => invoke('exams.results.importPreview', { ...request, batchId: id })}
          commit={(request) => mutate('exams.results.importCommit', { ...request, batchId: id })}
          problems={(request) =>
            invoke('exams.results.importProblems', { ...request, batchId: id })
          }
          template={() => invoke('exams.results.importTemplate', {})}
          onImported={changed}
          onClose={() => setImporting(false)}
        />
      )}
    </>
  );
}
