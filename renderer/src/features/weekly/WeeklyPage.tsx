import { FileExcelOutlined, FileWordOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  Modal,
  Row,
  Space,
  Statistic,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  cadenceLabels,
  formatChinaDateTime,
  formatPeriodRange,
  periodStatusLabels,
  periodStatuses,
  type PeriodState,
} from '../../../../shared/domain/weeklyReports';
import { messageOf } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { PeriodStatusTags } from './PeriodStatusTags';
import { ReportEditor } from './ReportEditor';
import { dueText, WeeklySettingsForm } from './WeeklySettingsForm';
import { useWeeklyStore } from './weeklyStore';

const tx = t.weekly;

/** 周报: the calendar of periods (`#/weekly`) or one period's report (`#/weekly/2026-03-02`). */
export function WeeklyPage() {
  const sub = useNavigation((s) => s.sub);
  return /^\d{4}-\d{2}-\d{2}$/.test(sub) ? (
    <ReportEditor key={sub} periodStart={sub} />
  ) : (
    <WeeklyCalendarView />
  );
}

function WeeklyCalendarView() {
  const { message } = App.useApp();
  const {
    data: calendar,
    state: loadState,
    error: loadError,
    retry: load,
  } = useQuery('weekly.calendar', {});
  const exportRange = useWeeklyStore((s) => s.exportRange);
  const go = useNavigation((s) => s.go);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [rangeOpen, setRangeOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [exporting, setExporting] = useState(false);

  const settings = calendar?.settings ?? null;
  const periods = [...(calendar?.periods ?? [])].reverse();
  const alert = calendar?.alert;

  const openRange = () => {
    const all = calendar?.periods ?? [];
    if (all.length > 0) setRange([dayjs(all[0].start), dayjs(all[all.length - 1].end)]);
    setRangeOpen(true);
  };

  const doExport = async (format: 'docx' | 'xlsx') => {
    if (!range) return;
    setExporting(true);
    try {
      const name = await exportRange(
        range[0].format('YYYY-MM-DD'),
        range[1].format('YYYY-MM-DD'),
        format,
      );
      message.success(tx.exported(name));
      setRangeOpen(false);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`, 8);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<PeriodState> = [
    {
      title: tx.columns.index,
      dataIndex: 'index',
      width: 80,
      sorter: (a, b) => a.index - b.index,
      render: (i: number) => `第 ${i} 期`,
    },
    { title: tx.columns.label, dataIndex: 'label' },
    {
      title: tx.columns.range,
      key: 'range',
      render: (_, p) => formatPeriodRange(p.start, p.end),
    },
    {
      title: tx.columns.dueAt,
      dataIndex: 'dueAt',
      sorter: (a, b) => a.dueAt.localeCompare(b.dueAt),
      render: (at: string) => formatChinaDateTime(at),
    },
    {
      title: tx.columns.status,
      key: 'status',
      filters: periodStatuses.map((s) => ({ text: periodStatusLabels[s], value: s })),
      onFilter: (value, p) => p.status === value,
      render: (_, p) => <PeriodStatusTags period={p} />,
    },
    {
      title: tx.columns.submittedAt,
      dataIndex: 'submittedAt',
      render: (at: string | null) => (at ? formatChinaDateTime(at) : ''),
    },
    { title: tx.columns.submitter, dataIndex: 'submitter' },
    {
      title: t.common.actions,
      key: 'actions',
      width: 90,
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => go(`weekly/${p.start}`)}>
          {p.submittedAt ? tx.view : tx.fill}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={tx.title}
        description={tx.intro}
        extra={
          settings && (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setDrawerOpen(true)}>
                {tx.settingsButton}
              </Button>
              <Button onClick={openRange} disabled={periods.length === 0}>
                {tx.exportRange}
              </Button>
            </>
          )
        }
      />
      <LoadState state={loadState} error={loadError} onRetry={load}>
        {!settings ? (
          <Card title={tx.settingsTitle}>
            <Empty description={tx.emptyTitle} style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary">{tx.emptyHint}</Typography.Text>
            </Empty>
            <WeeklySettingsForm settings={null} />
          </Card>
        ) : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col span={4}>
                  <Statistic title={tx.summary.total} value={periods.length} />
                </Col>
                <Col span={4}>
                  <Statistic
                    title={tx.summary.submitted}
                    value={periods.filter((p) => p.status === 'submitted').length}
                  />
                </Col>
                <Col span={4}>
                  <Statistic title={tx.summary.late} value={alert?.lateCount ?? 0} />
                </Col>
                <Col span={4}>
                  <Statistic
                    title={tx.summary.missing}
                    value={alert?.missedStarts.length ?? 0}
                    valueStyle={alert?.missedStarts.length ? { color: '#cf1322' } : undefined}
                  />
                </Col>
                <Col span={8}>
                  <Statistic
                    title={tx.summary.nextDue}
                    value={alert?.nextDueAt ? formatChinaDateTime(alert.nextDueAt) : '—'}
                    valueStyle={{ fontSize: 20 }}
                  />
                  <Typography.Text type="secondary">
                    {cadenceLabels[settings.cadence]}，
                    {dueText(settings.dueWeekday, settings.dueTime)}
                  </Typography.Text>
                </Col>
              </Row>
              {alert && alert.longestNotOnTimeRun >= 2 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  showIcon
                  message={tx.summary.history(alert.longestNotOnTimeRun)}
                />
              )}
            </Card>
            <DataTable<PeriodState>
              rowKey="start"
              columns={columns}
              dataSource={periods}
              emptyHint={tx.emptyPeriods}
              onRow={(p) => ({ 'data-testid': `period-${p.start}` }) as object}
            />
          </>
        )}
      </LoadState>
      <Drawer
        title={tx.settingsTitle}
        width={560}
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        destroyOnHidden
      >
        <WeeklySettingsForm settings={settings} onSaved={() => setDrawerOpen(false)} />
      </Drawer>
      <Modal
        title={tx.exportRangeTitle}
        open={rangeOpen}
        onCancel={() => setRangeOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setRangeOpen(false)}>{t.common.cancel}</Button>
            <Button
              icon={<FileWordOutlined />}
              loading={exporting}
              disabled={!range}
              onClick={() => void doExport('docx')}
            >
              {tx.exportDocx}
            </Button>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              loading={exporting}
              disabled={!range}
              onClick={() => void doExport('xlsx')}
            >
              {tx.exportXlsx}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{tx.exportRangeHint}</Typography.Paragraph>
        <Typography.Text>{tx.range}：</Typography.Text>
        <DatePicker.RangePicker
          value={range}
          format="YYYY年M月D日"
          onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
        />
      </Modal>
    </>
  );
}
