import { App, Button, Flex, Input, Select, Space, Typography } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import type { Signup } from '../../../../shared/contract/exams';
import { resultEntryProblem, resultStatuses } from '../../../../shared/domain/examResults';
import {
  scoredStatuses,
  signupStatusLabels,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { noWrap } from '../../components/noWrap';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';

interface Draft {
  status: SignupStatus;
  score: number | null;
  certificateNo: string;
  issuedOn: string;
}

const draftOf = (s: Signup): Draft => ({
  status: s.status,
  score: s.score,
  certificateNo: s.certificateNo,
  issuedOn: s.issuedOn,
});

const differs = (a: Draft, b: Draft) =>
  a.status !== b.status ||
  a.score !== b.score ||
  a.certificateNo !== b.certificateNo ||
  a.issuedOn !== b.issuedOn;

/** The results a sign-up in `from` can be given here (its own status first, when it is one). */
const choices = (from: SignupStatus): SignupStatus[] =>
  resultStatuses.filter((to) => to === from || resultEntryProblem(from, to) === null);

/**
 * 批量录入结果: the page's sign-ups as an editable table — result, score, certificate number and
 * date typed row after row — saved together in one call (all or none), instead of one dialog
 * per student.
 */
export function ResultTable({
  batchId,
  items,
  onClose,
}: {
  batchId: number;
  items: readonly Signup[];
  onClose(): void;
}) {
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<ReadonlyMap<number, Draft>>(new Map());
  const [saving, setSaving] = useState(false);
  const text = t.exams.detail.bulkResults;
  const c = t.exams.detail.columns;

  const current = (s: Signup) => drafts.get(s.id) ?? draftOf(s);
  const edit = (s: Signup, patch: Partial<Draft>) =>
    setDrafts((all) => {
      const next = { ...(all.get(s.id) ?? draftOf(s)), ...patch };
      // A result that is no pass has no certificate; 缺考 has no score.
      if (next.status !== 'passed') Object.assign(next, { certificateNo: '', issuedOn: '' });
      if (!scoredStatuses.includes(next.status)) next.score = null;
      const copy = new Map(all);
      if (differs(next, draftOf(s))) copy.set(s.id, next);
      else copy.delete(s.id);
      return copy;
    });
  const changed = items.filter((s) => drafts.has(s.id));

  const guard = useUnsavedGuard(changed.length > 0);

  /** Sets every row that can take it; rows already typed in are left as typed, and said so. */
  const setAll = (status: SignupStatus) => {
    let typed = 0;
    let cannot = 0;
    for (const s of items) {
      if (drafts.has(s.id)) typed += 1;
      else if (s.status === status) continue;
      else if (!choices(s.status).includes(status)) cannot += 1;
      else edit(s, { status });
    }
    if (typed + cannot > 0) message.info(text.setAllSkipped(typed, cannot), 8);
  };

  const save = async () => {
    setSaving(true);
    try {
      const result = await mutate('exams.signups.saveResults', {
        batchId,
        entries: changed.map((s) => {
          const d = current(s);
          return {
            id: s.id,
            status: d.status as (typeof resultStatuses)[number],
            score: d.score,
            certificateNo: d.certificateNo.trim(),
            issuedOn: d.issuedOn,
          };
        }),
      });
      message.success(text.saved(result.updated));
      setDrafts(new Map());
      onClose();
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Signup> = [
    { title: c.studentNo, dataIndex: 'studentNo', width: 130, render: noWrap },
    { title: c.name, dataIndex: 'name', width: 90 },
    {
      title: c.status,
      key: 'status',
      width: 130,
      render: (_, s) => {
        const options = choices(s.status);
        return (
          <Select<SignupStatus>
            size="small"
            style={{ width: 110 }}
            aria-label={`${s.name} ${c.status}`}
            value={current(s).status}
            disabled={options.length === 0 || (options.length === 1 && options[0] === s.status)}
            options={[...(options.includes(s.status) ? [] : [s.status]), ...options].map(
              (status) => ({
                value: status,
                label: signupStatusLabels[status],
                disabled: !options.includes(status),
              }),
            )}
            onChange={(status) => edit(s, { status })}
            data-testid={`bulk-status-${s.studentNo}`}
          />
        );
      },
    },
    {
      title: c.score,
      key: 'score',
      width: 100,
      render: (_, s) => (
        <NumberBox
          size="small"
          min={0}
          max={1000}
          style={{ width: 80 }}
          aria-label={`${s.name} ${c.score}`}
          value={current(s).score}
          disabled={!scoredStatuses.includes(current(s).status)}
          onChange={(score) => edit(s, { score: score ?? null })}
          data-testid={`bulk-score-${s.studentNo}`}
        />
      ),
    },
    {
      title: text.certificateNo,
      key: 'certificateNo',
      width: 180,
      render: (_, s) => (
        <Input
          size="small"
          maxLength={50}
          aria-label={`${s.name} ${text.certificateNo}`}
          value={current(s).certificateNo}
          disabled={current(s).status !== 'passed'}
          onChange={(e) => edit(s, { certificateNo: e.target.value })}
          data-testid={`bulk-certificate-${s.studentNo}`}
        />
      ),
    },
    {
      title: text.issuedOn,
      key: 'issuedOn',
      width: 170,
      render: (_, s) => (
        <DateInput
          value={current(s).issuedOn || null}
          disabled={current(s).status !== 'passed'}
          onChange={(value) => edit(s, { issuedOn: value ?? '' })}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Typography.Text type="secondary">{text.hint}</Typography.Text>
        <Space style={{ marginLeft: 'auto' }}>
          <Select<SignupStatus>
            style={{ width: 150 }}
            placeholder={text.setAll}
            aria-label={text.setAll}
            value={null}
            options={resultStatuses.map((s) => ({ value: s, label: signupStatusLabels[s] }))}
            onChange={setAll}
          />
          <Button onClick={() => guard(onClose)} disabled={saving}>
            {text.close}
          </Button>
          <Button
            type="primary"
            disabled={changed.length === 0}
            loading={saving}
            onClick={() => void save()}
            data-testid="bulk-results-save"
          >
            {text.save(changed.length)}
          </Button>
        </Space>
      </Flex>
      <DataTable<Signup>
        rowKey="id"
        columns={columns}
        dataSource={[...items]}
        pagination={false}
        emptyHint={t.exams.detail.emptyHint}
        data-testid="bulk-results-table"
      />
    </Flex>
  );
}
