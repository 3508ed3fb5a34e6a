import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import type { ArrangedCandidate, ArrangementPlan } from '../../../../shared/contract/arrangements';
import type { ArrangementMode } from '../../../../shared/domain/arrangement';
import { invoke, messageOf } from '../../api/client';
import { saveSheet } from '../../api/files';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { DataTable } from '../../components/DataTable';
import { ImportWizard } from '../../components/ImportWizard';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../components/PrintButton';
import { byText, formatDateTime } from '../../components/format';
import { t } from '../../i18n';
import { MoveSeatModal } from './MoveSeatModal';
import { SetupCard } from './SetupCard';
import { useConfirmedRun } from '../../components/useConfirmedRun';
import { printedConfirm } from './printedConfirm';

const text = t.arrangements;

/** 考场编排 of one batch (`#/exams/12/arrangement`): rooms, sessions, seats and printing. */
export function ArrangementPage({ batchId }: { batchId: number }) {
  const { message } = App.useApp();
  const go = useNavigation((s) => s.go);
  const query = useQuery('arrangements.get', { batchId });
  const plan = query.data;
  const [mode, setMode] = useState<ArrangementMode>('class');
  const [seed, setSeed] = useState('1');
  const [preview, setPreview] = useState<ArrangementPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [perPage, setPerPage] = useState<1 | 2 | 4>(2);
  const [search, setSearch] = useState('');
  const [moving, setMoving] = useState<ArrangedCandidate | null>(null);
  const [importing, setImporting] = useState(false);

  const shown = preview ?? plan;
  const seedNumber = Number.parseInt(seed, 10);

  const askPrinted = useConfirmedRun(printedConfirm);
  /** Runs a change; when tickets were printed, asks first and runs it again confirmed. */
  const withPrintedConfirm = async (
    work: (confirmPrinted: boolean) => Promise<unknown>,
    done: () => void,
  ) => {
    setBusy(true);
    try {
      if ((await askPrinted(work)) !== null) done();
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // Arranging uses the saved rooms and sessions: typed ones are saved first.
  const [setupDirty, setSetupDirty] = useState(false);
  const setupSaved = () => {
    if (setupDirty) message.warning(text.run.saveSetupFirst, 6);
    return !setupDirty;
  };

  const runPreview = async () => {
    if (!setupSaved()) return;
    setBusy(true);
    try {
      setPreview(await invoke('arrangements.preview', { batchId, mode, seed: seedNumber }));
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const arrange = () =>
    setupSaved() &&
    withPrintedConfirm(
      (confirmPrinted) =>
        mutate('arrangements.run', { batchId, mode, seed: seedNumber, confirmPrinted }),
      () => {
        setPreview(null);
        message.success(text.run.arranged(plan?.candidates.length ?? 0));
      },
    );

  const clear = () =>
    withPrintedConfirm(
      (confirmPrinted) => mutate('arrangements.clear', { batchId, confirmPrinted }),
      () => {
        setPreview(null);
        message.success(text.run.cleared);
      },
    );

  const rooms = useMemo(() => new Map(shown?.rooms.map((r) => [r.id, r]) ?? []), [shown]);
  const sessions = useMemo(() => new Map(shown?.sessions.map((s) => [s.id, s]) ?? []), [shown]);
  const rows = useMemo(() => {
    const needle = search.trim();
    const all = shown?.candidates ?? [];
    if (!needle) return all;
    return all.filter(
      (c) =>
        c.name.includes(needle) || c.studentNo.includes(needle) || c.admissionNo.includes(needle),
    );
  }, [shown, search]);

  const c = text.table;
  const columns: ColumnsType<ArrangedCandidate> = [
    {
      title: c.studentNo,
      dataIndex: 'studentNo',
      width: 130,
      sorter: (a, b) => byText(a.studentNo, b.studentNo),
    },
    { title: c.name, dataIndex: 'name', width: 90, sorter: (a, b) => byText(a.name, b.name) },
    {
      title: c.className,
      dataIndex: 'className',
      width: 120,
      filters: [...new Set(shown?.candidates.map((x) => x.className))].map((v) => ({
        text: v || '—',
        value: v,
      })),
      onFilter: (v, r) => r.className === v,
      sorter: (a, b) => byText(a.className, b.className),
    },
    {
      title: c.session,
      key: 'session',
      width: 90,
      render: (_, r) => (r.sessionId ? `第 ${sessions.get(r.sessionId)?.no ?? '?'} 场` : '—'),
      sorter: (a, b) =>
        (sessions.get(a.sessionId ?? 0)?.no ?? 99) - (sessions.get(b.sessionId ?? 0)?.no ?? 99),
    },
    {
      title: c.room,
      key: 'room',
      width: 140,
      filters: shown?.rooms.map((r) => ({ text: r.name, value: r.id })),
      onFilter: (v, r) => r.examRoomId === v,
      render: (_, r) => (r.examRoomId ? rooms.get(r.examRoomId)?.name : <Tag>{c.unseated}</Tag>),
      sorter: (a, b) =>
        (rooms.get(a.examRoomId ?? 0)?.no ?? 999) - (rooms.get(b.examRoomId ?? 0)?.no ?? 999),
    },
    {
      title: c.seat,
      dataIndex: 'seat',
      width: 80,
      align: 'right',
      render: (v: number | null) => v ?? '—',
      sorter: (a, b) => (a.seat ?? 9999) - (b.seat ?? 9999),
    },
    {
      title: c.admissionNo,
      dataIndex: 'admissionNo',
      width: 170,
      render: (v: string, r) => (
        <Space size={4}>
          {v || '—'}
          {r.issued && <Tag color="blue">{c.issued}</Tag>}
        </Space>
      ),
      sorter: (a, b) => byText(a.admissionNo, b.admissionNo),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 80,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          disabled={preview !== null || !plan || plan.rooms.length === 0}
          onClick={() => setMoving(r)}
          data-testid={`move-${r.studentNo}`}
        >
          {c.move}
        </Button>
      ),
    },
  ];

  const arranged = (plan?.seated ?? 0) > 0;

  return (
    <>
      <PageHeader
        title={text.title(plan?.batchLabel ?? '')}
        description={
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            style={{ padding: 0 }}
            onClick={() => go(`exams/${batchId}`)}
          >
            {text.back}
          </Button>
        }
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!plan}
              onClick={() => setImporting(true)}
              data-testid="import-admission"
            >
              {text.import.open}
            </Button>
            <Select
              value={perPage}
              onChange={setPerPage}
              style={{ width: 110 }}
              options={[1, 2, 4].map((n) => ({ value: n, label: text.print.perPage(n) }))}
              id="tickets-per-page"
            />
            <PrintButton
              disabled={!arranged}
              testId="print-tickets"
              load={() => mutate('arrangements.ticketsPdf', { batchId, perPage })}
            >
              {text.print.tickets}
            </PrintButton>
            <PrintButton
              disabled={!arranged}
              testId="print-sign-in"
              load={() => invoke('arrangements.signInPdf', { batchId })}
            >
              {text.print.signIn}
            </PrintButton>
            <PrintButton
              disabled={!arranged}
              testId="print-door"
              load={() => invoke('arrangements.doorPdf', { batchId })}
            >
              {text.print.door}
            </PrintButton>
            <Button
              icon={<FileExcelOutlined />}
              disabled={!arranged}
              data-testid="arrangement-sheet"
              onClick={() =>
                void invoke('arrangements.sheet', { batchId })
                  .then(saveSheet)
                  .catch((e: unknown) =>
                    message.error(`${t.common.requestFailed}：${messageOf(e)}`),
                  )
              }
            >
              {text.print.sheet}
            </Button>
          </>
        }
      />
      <LoadState state={query.state} error={query.error} onRetry={query.retry}>
        {plan && (
          <Flex vertical gap={16}>
            <SetupCard plan={plan} onDirtyChange={setSetupDirty} />
            <Card title={text.run.title} size="small">
              <Flex gap={16} wrap align="center">
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as ArrangementMode)}
                  data-testid="arrangement-mode"
                >
                  <Radio value="class">{text.run.modes.class}</Radio>
                  <Radio value="mixed">{text.run.modes.mixed}</Radio>
                </Radio.Group>
                <Space>
                  {text.run.seed}
                  <Input
                    id="arrangement-seed"
                    value={seed}
                    onChange={(e) => setSeed(e.target.value)}
                    style={{ width: 120 }}
                    disabled={mode === 'class'}
                  />
                </Space>
                <Button
                  loading={busy}
                  onClick={() => void runPreview()}
                  data-testid="arrangement-preview"
                >
                  {text.run.preview}
                </Button>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void arrange()}
                  data-testid="arrange"
                >
                  {text.run.arrange}
                </Button>
                <Popconfirm
                  title={text.run.clearConfirm}
                  okText={t.common.confirm}
                  cancelText={t.common.cancel}
                  onConfirm={() => void clear()}
                  disabled={!arranged}
                >
                  <Button danger disabled={!arranged}>
                    {text.run.clear}
                  </Button>
                </Popconfirm>
              </Flex>
              <Flex gap={8} wrap style={{ marginTop: 12 }} data-testid="arrangement-counts">
                <Typography.Text strong data-testid="arrangement-summary">
                  {text.run.summary(
                    shown?.seated ?? 0,
                    shown?.candidates.length ?? 0,
                    shown?.capacity ?? 0,
                  )}
                </Typography.Text>
                {shown?.counts.map((n) => (
                  <Tag
                    key={`${n.examRoomId}-${n.sessionId}`}
                    color={n.seated >= n.capacity ? 'gold' : undefined}
                  >
                    {text.run.count(
                      rooms.get(n.examRoomId)?.name ?? '',
                      sessions.get(n.sessionId)?.no ?? 0,
                      n.seated,
                      n.capacity,
                    )}
                  </Tag>
                ))}
                {plan.arrangedAt && (
                  <Typography.Text type="secondary">
                    {text.run.arrangedAt(formatDateTime(plan.arrangedAt))}
                  </Typography.Text>
                )}
                {plan.printedAt && (
                  <Typography.Text type="secondary">
                    {text.run.printedAt(formatDateTime(plan.printedAt))}
                  </Typography.Text>
                )}
              </Flex>
              {preview && (
                <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
                  {text.run.previewing}
                </Typography.Paragraph>
              )}
            </Card>
            <Input.Search
              allowClear
              placeholder={c.search}
              style={{ maxWidth: 320 }}
              onChange={(e) => setSearch(e.target.value)}
            />
            <DataTable<ArrangedCandidate>
              rowKey="signupId"
              columns={columns}
              dataSource={rows}
              emptyHint={c.emptyHint}
              data-testid="arrangement-table"
            />
          </Flex>
        )}
      </LoadState>
      {importing && plan && (
        <ImportWizard
          open={importing}
          title={text.import.title(plan.batchLabel)}
          hint={text.import.hint}
          words={text.import.words}
          preview={(request) => invoke('arrangements.importPreview', { ...request, batchId })}
          commit={async (request) => {
            // Numbers and seats from the list replace printed ones: asks first.
            const imported = await askPrinted((confirmPrinted) =>
              mutate('arrangements.importCommit', { ...request, batchId, confirmPrinted }),
            );
            if (imported === null) throw new Error(text.import.cancelled);
            return imported;
          }}
          problems={(request) => invoke('arrangements.importProblems', { ...request, batchId })}
          template={() => invoke('arrangements.importTemplate', {})}
          onClose={() => setImporting(false)}
        />
      )}
      {moving && plan && (
        <MoveSeatModal plan={plan} candidate={moving} onClose={() => setMoving(null)} />
      )}
    </>
  );
}
