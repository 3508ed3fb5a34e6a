import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, List, Row, Space, Statistic, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import type { ExamLevelStats, Violation } from '../../../../shared/contract/dashboard';
import type { ProjectFunds } from '../../../../shared/contract/funds';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { signupStatusLabels } from '../../../../shared/domain/exams';
import { useNavigation } from '../../app/navigationStore';
import { Chart } from '../../components/Chart';
import { DataTable } from '../../components/DataTable';
import { byText, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { SelfCheckTag } from '../../components/SelfCheckTag';
import { useQuery } from '../../api/useQuery';
import { t } from '../../i18n';
import { WeeklyFacts } from '../weekly/WeeklyFacts';
import { examsChart, payerChart, weeklyChart } from './charts';

/** Violations that are a to-do or a warning rather than a breach of the notice. */
const warningKinds: ReadonlySet<Violation['kind']> = new Set([
  'schoolPaidTodo',
  'feeAboveAgreement',
  'feeCapMissing',
  'fundsDocument',
]);

const tx = t.dashboard;

const levelName = (e: ExamLevelStats) =>
  `${e.certificateName} · ${certificateLevelLabels[e.level]}`;

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 首页: the whole pilot at a glance, and every open rule problem with a link to fix it. */
export function DashboardPage() {
  const { data, state, error, retry: reload } = useQuery('dashboard.summary', {});
  const go = useNavigation((s) => s.go);

  // A fresh install has nothing to show yet: the school profile comes first.
  useEffect(() => {
    if (data && !data.schoolSaved) go('school');
  }, [data, go]);

  const charts = useMemo(
    () =>
      data && {
        exams: examsChart(data.exams),
        payers: payerChart(data.totals.feeFen),
        weekly: weeklyChart(data.weekly.periods),
      },
    [data],
  );

  const projectColumns: ColumnsType<ProjectCheck> = [
    {
      title: tx.projects.project,
      key: 'project',
      render: (_: unknown, p) => `${p.certificateName} · ${p.year}`,
    },
    {
      title: tx.projects.status,
      key: 'status',
      render: (_: unknown, p) => <ProjectStatusTag status={p.status} />,
    },
    {
      title: tx.projects.selfCheck,
      key: 'selfCheck',
      render: (_: unknown, p) => <SelfCheckTag summary={p.selfCheck} />,
    },
  ];

  const money = (fen: number) => formatFen(fen);
  const fundColumns: ColumnsType<ProjectFunds> = [
    { title: tx.funds.project, dataIndex: 'label' },
    { title: tx.funds.income, dataIndex: 'incomeFen', align: 'right', render: money },
    { title: tx.funds.spending, dataIndex: 'spendingFen', align: 'right', render: money },
    {
      title: tx.funds.exam,
      key: 'exam',
      align: 'right',
      render: (_: unknown, r) => money(r.spendingByCategory.exam),
    },
    {
      title: tx.funds.balance,
      dataIndex: 'balanceFen',
      align: 'right',
      render: (fen: number) => (
        <span style={fen < 0 ? { color: '#cf1322' } : {}}>{money(fen)}</span>
      ),
    },
  ];

  const examColumns: ColumnsType<ExamLevelStats> = [
    {
      title: tx.exams.level,
      key: 'level',
      render: (_: unknown, e) => levelName(e),
      sorter: (a, b) => byText(levelName(a), levelName(b)),
    },
    { title: tx.exams.signedUp, dataIndex: 'signedUp', sorter: (a, b) => a.signedUp - b.signedUp },
    { title: tx.exams.examined, dataIndex: 'examined', sorter: (a, b) => a.examined - b.examined },
    {
      title: signupStatusLabels.passed,
      dataIndex: 'passed',
      sorter: (a, b) => a.passed - b.passed,
    },
    { title: signupStatusLabels.failed, dataIndex: 'failed' },
    { title: signupStatusLabels.absent, dataIndex: 'absent' },
    { title: signupStatusLabels.violation, dataIndex: 'violation' },
    {
      title: <Tooltip title={tx.exams.passRateHint}>{tx.exams.passRate}</Tooltip>,
      key: 'passRate',
      render: (_: unknown, e) => percent(e.passRate),
      sorter: (a, b) => (a.passRate ?? -1) - (b.passRate ?? -1),
    },
    {
      title: tx.exams.maxFee,
      key: 'maxFee',
      render: (_: unknown, e) =>
        e.maxFeeFen === null ? (
          '—'
        ) : (
          <span style={e.capFen !== null && e.maxFeeFen > e.capFen ? { color: '#cf1322' } : {}}>
            {formatFen(e.maxFeeFen)}
          </span>
        ),
    },
    {
      title: tx.exams.cap,
      key: 'cap',
      render: (_: unknown, e) => (e.capFen === null ? tx.exams.noCap : formatFen(e.capFen)),
    },
  ];

  return (
    <>
      <PageHeader
        title={tx.title}
        description={tx.intro}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {tx.refresh}
          </Button>
        }
      />
      <LoadState state={state} error={error} onRetry={reload}>
        {data && charts && (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col span={6}>
                <Card>
                  <Statistic title={tx.stats.projects} value={data.projects.length} />
                  {tx.stats.confirmed(data.projects.filter((p) => p.status === 'confirmed').length)}
                </Card>
              </Col>
              <Col span={6}>
                <Card>
                  <Statistic title={tx.stats.students} value={data.totals.students} />
                  {tx.stats.pilot(data.totals.pilotStudents)}
                </Card>
              </Col>
              <Col span={6}>
                <Card>
                  <Statistic
                    title={tx.stats.signedUp}
                    value={data.totals.signedUp}
                    data-testid="dashboard-signed-up"
                  />
                  {tx.stats.passed(data.totals.passed)}
                </Card>
              </Col>
              <Col span={6}>
                <Card>
                  <Statistic
                    title={tx.stats.feeTotal}
                    value={formatFen(data.totals.feeTotalFen)}
                    data-testid="dashboard-fee-total"
                  />
                  {tx.stats.feeSplit(
                    formatFen(data.totals.feeFen.school + data.totals.feeFen.subsidy),
                    formatFen(data.totals.feeFen.student),
                  )}
                  {data.totals.withdrawn.signups > 0 && (
                    <div data-testid="dashboard-withdrawn">
                      {t.fees.withdrawnLine(
                        String(data.totals.withdrawn.signups),
                        formatFen(data.totals.withdrawn.feeFen),
                      )}
                    </div>
                  )}
                </Card>
              </Col>
            </Row>

            <WeeklyFacts runs={data.weekly.alert.notOnTimeRuns} />

            <Card title={tx.violations.title} data-testid="dashboard-violations">
              {data.violations.length === 0 ? (
                <Alert type="success" showIcon message={tx.violations.none} />
              ) : (
                <List
                  dataSource={data.violations}
                  renderItem={(v) => (
                    <List.Item
                      actions={[
                        <Button key="fix" type="link" onClick={() => go(v.route)}>
                          {tx.violations.fix}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space>
                            {/* A to-do or a warning is not a breach: orange, not red. */}
                            <Tag color={warningKinds.has(v.kind) ? 'orange' : 'red'}>
                              {tx.violations.kinds[v.kind]}
                            </Tag>
                            {v.title}
                          </Space>
                        }
                        description={v.detail}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>

            {data.weekly.configured ? (
              <Chart
                title={tx.weekly.chartTitle}
                option={charts.weekly}
                height={220}
                testId="chart-weekly"
              />
            ) : (
              <Alert
                type="info"
                showIcon
                message={tx.weekly.notConfigured}
                action={
                  <Button size="small" onClick={() => go('weekly')}>
                    {t.weekly.title}
                  </Button>
                }
              />
            )}

            <Card title={tx.projects.title}>
              <DataTable
                rowKey="id"
                columns={projectColumns}
                dataSource={data.projects}
                emptyHint={tx.projects.empty}
                pagination={false}
                onRow={(p) => ({
                  onClick: () => go(`projects/${p.id}`),
                  style: { cursor: 'pointer' },
                })}
              />
            </Card>

            <Card
              title={tx.funds.title(data.funds.year)}
              extra={
                <Button size="small" onClick={() => go(`funds/${data.funds.year}`)}>
                  {tx.funds.open}
                </Button>
              }
            >
              <DataTable<ProjectFunds>
                rowKey={(r) => r.projectId ?? 'none'}
                columns={fundColumns}
                dataSource={data.funds.byProject}
                emptyHint={tx.funds.empty}
                pagination={false}
                data-testid="dashboard-funds"
                onRow={(r) => ({
                  onClick: () =>
                    go(
                      r.projectId === null
                        ? `funds/${data.funds.year}`
                        : `funds/${data.funds.year}/${r.projectId}`,
                    ),
                  style: { cursor: 'pointer' },
                })}
              />
            </Card>

            <Row gutter={16}>
              <Col span={16}>
                <Chart title={tx.exams.chartTitle} option={charts.exams} testId="chart-exams" />
              </Col>
              <Col span={8}>
                <Chart title={tx.fees.chartTitle} option={charts.payers} testId="chart-payers" />
              </Col>
            </Row>

            <Card title={tx.exams.title}>
              <DataTable
                rowKey={(e) => `${e.certificateId}:${e.level}`}
                columns={examColumns}
                dataSource={data.exams}
                emptyHint={tx.exams.empty}
                data-testid="dashboard-exams"
              />
            </Card>
          </Space>
        )}
      </LoadState>
    </>
  );
}
