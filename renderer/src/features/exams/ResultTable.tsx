import { Alert, App, Button, Flex, Input, Select, Space, Typography } from 'antd';
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
import { fillVerdict, type FillVerdict } from '../../../../shared/domain/resultFill';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { noWrap } from '../../components/noWrap';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useResultSave, type ResultDraft as Draft } from './useResultSave';

const draftOf = (s: Signup): Draft => ({
  status: s.status,
  score: s.score,
  certificateNo: s.certificateNo,
  issuedOn: s.issuedOn,
});

/** A row's typed result and the sign-up it was typed on. */
interface Typed {
  s: Signup;
  draft: Draft;
}

const differs = (a: Draft, b: Draft) =>
  a.status !== b.status ||
  a.score !== b.score ||
  a.certificateNo !== b.certificateNo ||
  a.issuedOn !== b.issuedOn;

/** A refusal shown on its own row need not repeat whose it is (the core prefixes 姓名（学号 …）：). */
const withoutWho = (s: Signup, m: string) => {
  const who = `${s.name}（学号 ${s.studentNo}）：`;
  return m.startsWith(who) ? m.slice(who.length) : m;
};

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
  // Each typed row with the sign-up it was typed on: a search or filter that hides the row keeps
  // it, so it is still saved, counted and guarded against leaving.
  const [drafts, setDrafts] = useState<ReadonlyMap<number, Typed>>(new Map());
  const { saving, rowErrors, save, clearRowError } = useResultSave(batchId, () => {
    setDrafts(new Map());
    onClose();
  });
  const text = t.exams.detail.bulkResults;
  const c = t.exams.detail.columns;

  const current = (s: Signup) => drafts.get(s.id)?.draft ?? draftOf(s);
  const edit = (s: Signup, patch: Partial<Draft>) => {
    clearRowError(s.id);
    setDrafts((all) => {
      const next = { ...(all.get(s.id)?.draft ?? draftOf(s)), ...patch };
      // A result that is no pass has no certificate; 缺考 has no score.
      if (next.status !== 'passed') Object.assign(next, { certificateNo: '', issuedOn: '' });
      if (!scoredStatuses.includes(next.status)) next.score = null;
      const copy = new Map(all);
      if (differs(next, draftOf(s))) copy.set(s.id, { s, draft: next });
      else copy.delete(s.id);
      return copy;
    });
  };
  const changed = [...drafts.values()];
  const onScreen = new Set(items.map((s) => s.id));
  const hidden = changed.filter(({ s }) => !onScreen.has(s.id)).length;

  const guard = useUnsavedGuard(changed.length > 0);

  /**
   * Sets every row still waiting for a result (`fillVerdict`); rows already typed in are left as
   * typed. Says how many rows were set and why each other kind was left alone.
   */
  const setAll = (status: SignupStatus) => {
    const left: Record<Exclude<FillVerdict, 'apply' | 'same'> | 'typed', number> = {
      typed: 0,
      hasResult: 0,
      withdrawn: 0,
      attendance: 0,
    };
    let filled = 0;
    for (const s of items) {
      const verdict = drafts.has(s.id) ? 'typed' : fillVerdict(s.status, status);
      if (verdict === 'same') continue;
      if (verdict === 'apply') {
        edit(s, { status });
        filled += 1;
      } else left[verdict] += 1;
    }
    const parts = (Object.keys(left) as (keyof typeof left)[])
      .filter((k) => left[k] > 0)
      .map((k) => text.fillSkipped[k](left[k]));
    const said = text.filled(filled, signupStatusLabels[status]);
    message.info(parts.length > 0 ? `${said}${text.untouched(parts)}` : said, 8);
  };

  const columns: ColumnsType<Signup> = [
    { title: c.studentNo, dataIndex: 'studentNo', width: 130, render: noWrap },
    {
      title: c.name,
      key: 'name',
      width: 90,
      render: (_, s) => (
        <>
          {s.name}
          {rowErrors.get(s.id)?.map((m) => (
            <Typography.Text
              key={m}
              type="danger"
              style={{ display: 'block', fontSize: 12 }}
              data-testid={`bulk-error-${s.studentNo}`}
            >
              {withoutWho(s, m)}
            </Typography.Text>
          ))}
        </>
      ),
    },
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
            status={rowErrors.has(s.id) ? 'error' : undefined}
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
          id={`bulk-issued-${s.studentNo}`}
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
            data-testid="bulk-results-set-all"
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
            onClick={() => void save(changed)}
            data-testid="bulk-results-save"
          >
            {text.save(changed.length)}
          </Button>
        </Space>
      </Flex>
      {hidden > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="bulk-results-hidden"
          message={text.hidden(hidden)}
        />
      )}
      {rowErrors.size > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="bulk-results-refused"
          message={text.refused.title(rowErrors.size)}
          description={
            <>
              {text.refused.hint}
              <ul style={{ paddingLeft: 18, margin: 0 }}>
                {[...rowErrors.values()].flat().map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          }
        />
      )}
      <DataTable<Signup>
        rowKey="id"
        onRow={(s) => (rowErrors.has(s.id) ? { style: { background: '#fff1f0' } } : {})}
        columns={columns}
        dataSource={[...items]}
        pagination={false}
        emptyHint={t.exams.detail.emptyHint}
        data-testid="bulk-results-table"
      />
    </Flex>
  );
}
