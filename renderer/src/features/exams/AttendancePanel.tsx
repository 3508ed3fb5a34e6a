import { DownloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Flex, Radio, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AttendanceRow } from '../../../../shared/contract/exams';
import {
  attendanceMarkLabels,
  attendanceMarks,
  attendanceProblem,
  signupStatusColors,
  signupStatusLabels,
  type AttendanceMark,
} from '../../../../shared/domain/exams';
import { invoke, messageOf } from '../../api/client';
import { saveContent } from '../../api/files';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { noWrap } from '../../components/noWrap';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';

/** Keys that set a mark on the focused row: 1/2/3 and the initials S(实考)/Q(缺考)/W(违纪). */
const markKeys: Record<string, AttendanceMark> = {
  '1': 'present',
  s: 'present',
  '2': 'absent',
  q: 'absent',
  '3': 'violation',
  w: 'violation',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const canTake = (row: AttendanceRow, mark: AttendanceMark) =>
  attendanceProblem(row.status, mark, row.score) === null;

/**
 * 考勤登记: the batch's candidates in seat order (by 学号 until the batch is arranged), each
 * 实考 / 缺考 / 违纪 from the sign-in sheet — by mouse, by keyboard (↑↓ to move, 1/2/3 or S/Q/W
 * to mark), or in bulk — saved together in one call (all or none).
 */
export function AttendancePanel({ batchId, onClose }: { batchId: number; onClose(): void }) {
  const { message } = App.useApp();
  const sheet = useQuery('exams.attendance.list', { batchId });
  const [drafts, setDrafts] = useState<ReadonlyMap<number, AttendanceMark>>(new Map());
  const [selected, setSelected] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);
  const text = t.exams.detail.attendance;
  const c = t.exams.detail.columns;
  const items = sheet.data?.items ?? [];

  const markOf = (row: AttendanceRow) => drafts.get(row.signupId) ?? row.mark;
  const setMark = useCallback((row: AttendanceRow, mark: AttendanceMark) => {
    if (!canTake(row, mark)) return;
    setDrafts((all) => {
      const copy = new Map(all);
      if (row.mark === mark) copy.delete(row.signupId);
      else copy.set(row.signupId, mark);
      return copy;
    });
  }, []);
  const guard = useUnsavedGuard(drafts.size > 0);

  /** Marks every row in `rows` that can take it; says how many could not. */
  const setMany = (rows: readonly AttendanceRow[], mark: AttendanceMark) => {
    let cannot = 0;
    for (const row of rows) {
      if (canTake(row, mark)) setMark(row, mark);
      else cannot += 1;
    }
    if (cannot > 0) message.info(text.cannot(cannot, attendanceMarkLabels[mark]), 8);
  };

  const focusRow = (index: number) => {
    const row = tableRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`);
    row?.focus();
  };
  const onRowKey = (row: AttendanceRow, index: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const mark = markKeys[e.key.toLowerCase()];
    if (mark) {
      e.preventDefault();
      setMark(row, mark);
      focusRow(Math.min(index + 1, items.length - 1));
    } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      focusRow(Math.min(index + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(Math.max(index - 1, 0));
    }
  };

  const [exporting, setExporting] = useState(false);
  const exportAbsent = async () => {
    setExporting(true);
    try {
      const file = await invoke('exams.attendance.absentSheet', { batchId });
      saveContent({ ...file, mime: XLSX });
      message.success(text.exported(file.fileName));
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await mutate('exams.attendance.save', {
        batchId,
        entries: [...drafts].map(([id, mark]) => ({ id, mark })),
      });
      message.success(text.saved(result.updated));
      setDrafts(new Map());
      setSelected([]);
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<AttendanceRow> = [
    {
      title: text.seat,
      key: 'seat',
      // “实训楼301 第1场 02号” on one line: rows stay short, more of the sheet on screen.
      width: 180,
      render: (_, row, index) => noWrap(row.seat ?? String(index + 1)),
    },
    { title: c.studentNo, dataIndex: 'studentNo', width: 130, render: noWrap },
    { title: c.name, dataIndex: 'name', width: 90 },
    { title: c.className, dataIndex: 'className', width: 120 },
    {
      title: c.status,
      dataIndex: 'status',
      width: 90,
      render: (_, row) => (
        <Tag color={signupStatusColors[row.status]}>{signupStatusLabels[row.status]}</Tag>
      ),
    },
    {
      title: text.mark,
      key: 'mark',
      render: (_, row) => (
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={markOf(row)}
          onChange={(e) => setMark(row, e.target.value as AttendanceMark)}
          options={attendanceMarks.map((mark) => ({
            value: mark,
            label: attendanceMarkLabels[mark],
            disabled: !canTake(row, mark),
          }))}
          data-testid={`attendance-${row.studentNo}`}
        />
      ),
    },
    {
      title: '',
      key: 'changed',
      width: 80,
      render: (_, row) => drafts.has(row.signupId) && <Tag color="gold">{text.unsaved}</Tag>,
    },
  ];

  const counts = sheet.data?.counts;
  const selectedRows = items.filter((row) => selected.includes(row.signupId));
  const unrecorded = items.filter((row) => markOf(row) === null);

  return (
    <LoadState state={sheet.state} error={sheet.error} onRetry={sheet.retry}>
      <Flex vertical gap={12}>
        {sheet.data && !sheet.data.seatOrder && (
          <Alert type="info" showIcon message={text.noSeats} />
        )}
        {counts && (
          <Typography.Text data-testid="attendance-counts">
            {text.counts(counts.expected, counts.present, counts.absent, counts.violation)}
            {counts.unrecorded > 0 && `，${text.unrecorded(counts.unrecorded)}`}
          </Typography.Text>
        )}
        <Flex gap={12} wrap align="center">
          <Typography.Text type="secondary">{text.hint}</Typography.Text>
          <Space style={{ marginLeft: 'auto' }} wrap>
            <span>{t.exams.detail.selected(selected.length)}</span>
            {attendanceMarks.map((mark) => (
              <Button
                key={mark}
                disabled={selectedRows.length === 0}
                onClick={() => setMany(selectedRows, mark)}
                data-testid={`attendance-selected-${mark}`}
              >
                {text.setSelected(attendanceMarkLabels[mark])}
              </Button>
            ))}
            <Button
              disabled={unrecorded.length === 0}
              onClick={() => setMany(unrecorded, 'present')}
              data-testid="attendance-rest-present"
            >
              {text.restPresent(unrecorded.length)}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              // The sheet lists saved attendance: unsaved marks would be missing from it.
              disabled={drafts.size > 0 || !counts || counts.absent + counts.violation === 0}
              title={drafts.size > 0 ? text.saveBeforeAbsentSheet : undefined}
              onClick={() => void exportAbsent()}
              data-testid="attendance-absent-sheet"
            >
              {text.absentSheet}
            </Button>
            <Button onClick={() => guard(onClose)} disabled={saving}>
              {text.close}
            </Button>
            <Button
              type="primary"
              disabled={drafts.size === 0}
              loading={saving}
              onClick={() => void save()}
              data-testid="attendance-save"
            >
              {text.save(drafts.size)}
            </Button>
          </Space>
        </Flex>
        <div ref={tableRef}>
          <DataTable<AttendanceRow>
            rowKey="signupId"
            columns={columns}
            dataSource={items}
            pagination={false}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys as number[]),
            }}
            onRow={(row, index) => ({
              tabIndex: 0,
              'data-row-index': index,
              onKeyDown: onRowKey(row, index ?? 0),
            })}
            emptyHint={t.exams.detail.emptyHint}
            data-testid="attendance-table"
          />
        </div>
      </Flex>
    </LoadState>
  );
}
