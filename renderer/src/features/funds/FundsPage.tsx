import { CopyOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FundLine, FundsOverview, ProjectFunds } from '../../../../shared/contract/funds';
import {
  incomeSourceLabels,
  incomeSources,
  overspentText,
  progressLines,
  spendingCategories,
  spendingCategoryLabels,
  type FundDirection,
} from '../../../../shared/domain/funds';
import { invoke, messageOf } from '../../api/client';
import { saveContent } from '../../api/files';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { DataTable } from '../../components/DataTable';
import { byText, formatDate, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { RecordDocumentCell } from '../../components/RecordDocumentCell';
import { PrintButton } from '../../components/PrintButton';
import { t } from '../../i18n';
import { FundFormModal } from './FundFormModal';

const text = t.funds;
const f = text.fields;

type Editing = { direction: FundDirection; line: FundLine | null } | null;

/** 导出使用情况表: the xlsx or PDF of the year and project chosen. */
function Exports({ year, projectId }: { year: number; projectId: number | null }) {
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

/** The document cell: download / remove an attached file, or upload one; 无凭证 flagged. */
function DocumentCell({ line }: { line: FundLine }) {
  const flag = line.lacksDocument ? <Tag color="error">{text.noDocument}</Tag> : null;
  const id = line.entryId;
  if (id === null) return flag ?? <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <RecordDocumentCell
      owner="funds"
      id={id}
      hasDocument={line.document !== null}
      text={text}
      flag={flag}
    />
  );
}

function Summary({ overview }: { overview: FundsOverview }) {
  const { totals } = overview;
  const overspent = totals.balanceFen < 0;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={text.income} value={formatFen(totals.incomeFen)} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={text.spending} value={formatFen(totals.spendingFen)} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={text.balance}
              value={formatFen(totals.balanceFen)}
              valueStyle={overspent ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>
      {overspent && (
        <Alert
          type="warning"
          showIcon
          data-testid="funds-overspent"
          message={text.overspent(overspentText(totals.balanceFen))}
          style={{ marginBottom: 12 }}
        />
      )}
      {totals.undocumented > 0 && (
        <Alert
          type="warning"
          showIcon
          message={text.undocumented(totals.undocumented)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <Card size="small" title={text.byCategory}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              data-testid="funds-by-category"
              dataSource={spendingCategories.map((c) => ({
                key: c,
                label: spendingCategoryLabels[c],
                fen: totals.spendingByCategory[c],
              }))}
              columns={[
                { title: text.category, dataIndex: 'label' },
                {
                  title: text.amount,
                  dataIndex: 'fen',
                  align: 'right',
                  render: (v: number) => formatFen(v),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={text.bySource}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={incomeSources.map((s) => ({
                key: s,
                label: incomeSourceLabels[s],
                fen: totals.incomeBySource[s],
              }))}
              columns={[
                { title: f.source, dataIndex: 'label' },
                {
                  title: text.amount,
                  dataIndex: 'fen',
                  align: 'right',
                  render: (v: number) => formatFen(v),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** 试点推进情况: the factors for the funding claim, to copy into the province's form. */
function Progress({ year }: { year: number }) {
  const { message } = App.useApp();
  const progress = useQuery('funds.progress', { year });
  const p = progress.data;
  const copy = async () => {
    if (!p) return;
    try {
      await navigator.clipboard.writeText(progressLines(p).join('\n'));
      message.success(text.progress.copied);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };
  return (
    <Card
      size="small"
      title={text.progress.title(year)}
      extra={
        <Button size="small" icon={<CopyOutlined />} disabled={!p} onClick={() => void copy()}>
          {text.progress.copy}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <LoadState state={progress.state} error={progress.error} onRetry={progress.retry}>
        {p && (
          <>
            <Typography.Paragraph type="secondary">{text.progress.intro}</Typography.Paragraph>
            <ul data-testid="funds-progress" style={{ margin: 0, paddingLeft: 20 }}>
              {progressLines(p)
                .slice(1)
                .map((line) => (
                  <li key={line}>{line}</li>
                ))}
            </ul>
          </>
        )}
      </LoadState>
    </Card>
  );
}

function ByProject({ rows, onPick }: { rows: ProjectFunds[]; onPick: (id: number) => void }) {
  const money = (v: number) => formatFen(v);
  return (
    <Card size="small" title={text.byProject} style={{ marginBottom: 16 }}>
      <Table<ProjectFunds>
        size="small"
        rowKey={(r) => r.projectId ?? 'none'}
        pagination={false}
        data-testid="funds-by-project"
        dataSource={rows}
        columns={[
          {
            title: f.projectId,
            dataIndex: 'label',
            render: (label: string, r) =>
              r.projectId === null ? (
                label
              ) : (
                <Button type="link" size="small" onClick={() => onPick(r.projectId!)}>
                  {label}
                </Button>
              ),
          },
          { title: text.income, dataIndex: 'incomeFen', align: 'right', render: money },
          {
            title: spendingCategoryLabels.exam,
            key: 'exam',
            align: 'right',
            render: (_, r) => money(r.spendingByCategory.exam),
          },
          { title: text.spending, dataIndex: 'spendingFen', align: 'right', render: money },
          {
            title: text.balance,
            dataIndex: 'balanceFen',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v < 0 ? 'danger' : undefined}>{money(v)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 试点经费: route `funds[/<year>[/<project id>]]`. */
export function FundsPage() {
  const { message } = App.useApp();
  const sub = useNavigation((s) => s.sub);
  const go = useNavigation((s) => s.go);
  const [yearText, projectText] = sub.split('/');
  const year = /^\d{4}$/.test(yearText ?? '') ? Number(yearText) : dayjs().year();
  const projectId = /^\d+$/.test(projectText ?? '') ? Number(projectText) : null;
  const overview = useQuery('funds.overview', { year, projectId }, { keepPrevious: true });
  const [editing, setEditing] = useState<Editing>(null);
  const o = overview.data;
  const choose = (y: number, p: number | null) => go(p === null ? `funds/${y}` : `funds/${y}/${p}`);

  const remove = async (line: FundLine) => {
    try {
      await mutate('funds.delete', { id: line.entryId! });
      message.success(text.deleted);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };

  const columns: ColumnsType<FundLine> = [
    {
      title: f.occurredOn,
      dataIndex: 'date',
      width: 130,
      sorter: (a, b) => byText(a.date, b.date),
      render: (d: string) => formatDate(d),
    },
    {
      title: text.directionTitle,
      dataIndex: 'direction',
      width: 80,
      filters: (['income', 'spending'] as const).map((d) => ({
        value: d,
        text: text.direction[d],
      })),
      onFilter: (v, l) => l.direction === v,
      render: (d: FundDirection) => (
        <Tag color={d === 'income' ? 'green' : 'blue'}>{text.direction[d]}</Tag>
      ),
    },
    {
      title: text.category,
      dataIndex: 'categoryLabel',
      width: 170,
      filters: [
        ...incomeSources.map((s) => ({ value: s, text: incomeSourceLabels[s] })),
        ...spendingCategories.map((c) => ({ value: c, text: spendingCategoryLabels[c] })),
      ],
      onFilter: (v, l) => l.category === v,
      render: (label: string, l) =>
        l.paymentId !== null ? (
          <Space size={4}>
            {label}
            <Tag>{text.fromPayments}</Tag>
          </Space>
        ) : (
          label
        ),
    },
    // The money right after what it is, so it shows without scrolling at 1280 px.
    {
      title: text.amount,
      dataIndex: 'amountFen',
      width: 130,
      align: 'right',
      sorter: (a, b) => a.amountFen - b.amountFen,
      render: (v: number) => formatFen(v),
    },
    ...(projectId === null
      ? [
          {
            title: f.projectId,
            dataIndex: 'projectLabel',
            width: 180,
            ellipsis: true,
            sorter: (a: FundLine, b: FundLine) => byText(a.projectLabel, b.projectLabel),
          },
        ]
      : []),
    { title: f.party, dataIndex: 'party', width: 160, ellipsis: true },
    { title: f.reference, dataIndex: 'reference', width: 150 },
    {
      title: f.document,
      key: 'document',
      width: 190,
      render: (_, l) => <DocumentCell line={l} />,
    },
    {
      title: f.note,
      key: 'note',
      width: 220,
      render: (_, l) => (
        <>
          {l.problem && (
            <Typography.Text type="danger" style={{ display: 'block' }}>
              {l.problem}
            </Typography.Text>
          )}
          {[l.signupLabel, l.note].filter(Boolean).join('；')}
        </>
      ),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, l) =>
        l.entryId === null ? (
          <Button type="link" size="small" onClick={() => go('fees/payments')}>
            {text.editPayment}
          </Button>
        ) : (
          <Flex gap={8}>
            <Button
              type="link"
              size="small"
              onClick={() => setEditing({ direction: l.direction, line: l })}
            >
              {t.common.edit}
            </Button>
            <Popconfirm
              title={text.deleteConfirm(`${l.categoryLabel} ${formatFen(l.amountFen)}`)}
              okText={t.common.confirm}
              cancelText={t.common.cancel}
              onConfirm={() => void remove(l)}
            >
              <Button type="link" size="small" danger>
                {t.common.delete}
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  const noProjects = o !== null && o.projects.length === 0;
  return (
    <div>
      <PageHeader
        title={text.title}
        description={text.intro}
        extra={
          <>
            <Exports year={year} projectId={projectId} />
            <Button
              icon={<PlusOutlined />}
              disabled={noProjects}
              onClick={() => setEditing({ direction: 'spending', line: null })}
            >
              {text.addSpending}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={noProjects}
              onClick={() => setEditing({ direction: 'income', line: null })}
            >
              {text.addIncome}
            </Button>
          </>
        }
      />
      <Alert type="info" showIcon message={text.noStudentMoney} style={{ marginBottom: 12 }} />
      <Flex gap={16} align="center" style={{ marginBottom: 16 }}>
        <span>{text.year}</span>
        <Select
          id="funds-year"
          style={{ width: 140 }}
          value={year}
          onChange={(y: number) => choose(y, projectId)}
          options={(o?.years ?? [year]).map((y) => ({ value: y, label: text.yearOption(y) }))}
        />
        <span>{text.project}</span>
        <Select
          id="funds-project"
          style={{ width: 300 }}
          value={projectId ?? 0}
          onChange={(p: number) => choose(year, p === 0 ? null : p)}
          options={[
            { value: 0, label: text.allProjects },
            ...(o?.projects ?? []).map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
      </Flex>
      <LoadState state={overview.state} error={overview.error} onRetry={overview.retry}>
        {o && (
          <>
            {noProjects && (
              <Alert
                type="warning"
                showIcon
                message={text.noProjects}
                style={{ marginBottom: 12 }}
              />
            )}
            <Summary overview={o} />
            {projectId === null && o.byProject.length > 0 && (
              <ByProject rows={o.byProject} onPick={(id) => choose(year, id)} />
            )}
            <Progress year={year} />
            <Card size="small" title={text.lines}>
              <DataTable<FundLine>
                rowKey="key"
                size="small"
                data-testid="funds-lines"
                dataSource={o.lines}
                emptyHint={text.empty}
                columns={columns}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          </>
        )}
      </LoadState>
      {editing && o && (
        <FundFormModal
          direction={editing.direction}
          line={editing.line}
          projects={o.projects}
          projectId={projectId}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
