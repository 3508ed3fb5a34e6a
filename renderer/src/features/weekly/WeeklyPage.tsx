import { FileExcelOutlined, FileWordOutlined, SettingOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Empty,
  Form,
  Modal,
  Row,
  Space,
  Statistic,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  cadenceLabels,
  formatPeriodRange,
  periodStatusLabels,
  periodStatuses,
  type PeriodState,
} from '../../../../shared/domain/weeklyReports';
import { formatChinaDateTime } from '../../../../shared/domain/dates';
import { messageOf } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useNavigation } from '../../app/navigationStore';
import { confirmLeaveAll } from '../../app/unsavedEdits';
import { DataTable } from '../../components/DataTable';
import { DateInput, dateField } from '../../components/DateInput';
import { validatedValues } from '../../components/formErrors';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { PeriodStatusTags } from './PeriodStatusTags';
import { ReportEditor } from './ReportEditor';
import { WeeklyFacts } from './WeeklyFacts';
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
  const [rangeForm] = Form.useForm<{ from: string | null; to: string | null }>();
  const [exporting, setExporting] = useState(false);

  const settings = calendar?.settings ?? null;
  const periods = [...(calendar?.periods ?? [])].reverse();
  const alert = calendar?.alert;

  const openRange = () => {
    const all = calendar?.periods ?? [];
    if (all.length > 0) rangeForm.setFieldsValue({ from: all[0].start, to: all.at(-1)?.end });
    setRangeOpen(true);
  };

  const doExport = async (format: 'docx' | 'xlsx') => {
    const range = await validatedValues(rangeForm, message);
    if (!range?.from || !range.to) return;
    setExporting(true);
    try {
      const name = await exportRange(range.from, range.to, format);
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
                  <div data-testid="weekly-next-due">
                    <Statistic
                      title={tx.summary.nextDue}
                      value={alert?.nextDueAt ? formatChinaDateTime(alert.nextDueAt) : '—'}
                      valueStyle={{ fontSize: 20 }}
                    />
                  </div>
                  <Typography.Text type="secondary">
                    {cadenceLabels[settings.cadence]}，
                    {dueText(settings.dueWeekday, settings.dueTime)}
                  </Typography.Text>
                </Col>
              </Row>
              {alert && <WeeklyFacts runs={alert.notOnTimeRuns} style={{ marginTop: 12 }} />}
              {alert && alert.notOnTimeRuns.length === 0 && alert.longestNotOnTimeRun >= 2 && (
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
        // Closing it over unsaved settings asks first (the form registers its edits).
        onClose={() => void confirmLeaveAll().then((close) => close && setDrawerOpen(false))}
        destroyOnHidden
      >
        <WeeklySettingsForm settings={settings} onSaved={() => setDrawerOpen(false)} />
      </Drawer>
      <Modal
        title={tx.exportRangeTitle}
        open={rangeOpen}
        forceRender
        onCancel={() => setRangeOpen(false)}
        footer={
          <Space>
            <Button onClick={() => setRangeOpen(false)}>{t.common.cancel}</Button>
            <Button
              icon={<FileWordOutlined />}
              loading={exporting}
              onClick={() => void doExport('docx')}
            >
              {tx.exportDocx}
            </Button>
            <Button
              type="primary"
              icon={<FileExcelOutlined />}
              loading={exporting}
              onClick={() => void doExport('xlsx')}
            >
              {tx.exportXlsx}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{tx.exportRangeHint}</Typography.Paragraph>
        <Form form={rangeForm} name="weekly-range" layout="inline">
          <Form.Item
            name="from"
            label={tx.rangeFrom}
            {...dateField({ required: true, message: tx.rangeRequired })}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            name="to"
            label={tx.rangeTo}
            {...dateField({ required: true, message: tx.rangeRequired })}
          >
            <DateInput />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
