import { App, Typography } from 'antd';
import { useState } from 'react';
import type { Signup } from '../../../../shared/contract/exams';
import type { resultStatuses } from '../../../../shared/domain/examResults';
import type { SignupStatus } from '../../../../shared/domain/exams';
import { passLosses } from '../../../../shared/domain/resultFill';
import { messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { t } from '../../i18n';

/** One row of 批量录入结果 as typed. */
export interface ResultDraft {
  status: SignupStatus;
  score: number | null;
  certificateNo: string;
  issuedOn: string;
}

const text = t.exams.detail.bulkResults;

/**
 * Saving 批量录入结果: asks first when the save would undo recorded passes or clear certificates
 * (naming who loses what), and keeps the core's refusals per row — shown on the rows and above
 * the table until each row is edited — since a toast fades before a row off-screen is found.
 */
export function useResultSave(batchId: number, onSaved: () => void) {
  const { message, modal } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [rowErrors, setRowErrors] = useState<ReadonlyMap<number, readonly string[]>>(new Map());

  const confirmLosses = (rows: readonly { s: Signup; draft: ResultDraft }[]) => {
    const losing = rows
      .map(({ s, draft }) => ({ s, lost: passLosses(s, draft) }))
      .filter((r) => r.lost.length > 0);
    if (losing.length === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: text.losses.title(losing.length),
        width: 600,
        content: (
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {text.losses.intro}
            </Typography.Paragraph>
            <ul data-testid="bulk-results-losses" style={{ paddingLeft: 18, marginTop: 0 }}>
              {losing.map(({ s, lost }) => (
                <li key={s.id}>
                  {s.name}（{s.studentNo}）：{lost.join('、')}
                </li>
              ))}
            </ul>
          </>
        ),
        okText: text.losses.ok,
        okButtonProps: { danger: true },
        cancelText: t.common.cancel,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };

  /** The core's refusals by sign-up: its field paths are `entries.N`, N the row's place in `sent`. */
  const refusalsOf = (error: unknown, sent: readonly Signup[]) => {
    const fields = error instanceof PilotError ? error.shape.details?.fields : undefined;
    const byRow = new Map<number, string[]>();
    for (const f of fields ?? []) {
      const row = sent[Number(/^entries\.(\d+)/.exec(f.path)?.[1] ?? -1)];
      if (row) byRow.set(row.id, [...(byRow.get(row.id) ?? []), f.message]);
    }
    return byRow;
  };

  const save = async (rows: readonly { s: Signup; draft: ResultDraft }[]) => {
    if (!(await confirmLosses(rows))) return;
    setSaving(true);
    try {
      const result = await mutate('exams.signups.saveResults', {
        batchId,
        entries: rows.map(({ s, draft }) => ({
          id: s.id,
          status: draft.status as (typeof resultStatuses)[number],
          score: draft.score,
          certificateNo: draft.certificateNo.trim(),
          issuedOn: draft.issuedOn,
        })),
      });
      setRowErrors(new Map());
      message.success(text.saved(result.updated));
      onSaved();
    } catch (e) {
      const refusals = refusalsOf(
        e,
        rows.map((r) => r.s),
      );
      setRowErrors(refusals);
      if (refusals.size === 0) message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setSaving(false);
    }
  };

  /** A row edited after a refusal: its mark goes, the others stay until they are edited too. */
  const clearRowError = (id: number) =>
    setRowErrors((all) => {
      if (!all.has(id)) return all;
      const copy = new Map(all);
      copy.delete(id);
      return copy;
    });

  return { saving, rowErrors, save, clearRowError };
}
