/**
 * A bulk action over sign-ups, planned before anything is written: which rows it changes, which
 * it leaves as they are (already so), and which it skips with the reason in Chinese. The page
 * shows the skipped rows and applies the rest only after the person confirms; the commit call
 * then gets exactly the applicable ids and changes all of them or none.
 */

export interface BulkSkip {
  id: number;
  studentNo: string;
  name: string;
  reason: string;
  /** The form field the reason is about, when the action has a form ('fee', 'payer'). */
  field?: string;
}

export interface BulkPlan {
  /** Ids the action changes. */
  applicable: number[];
  /** Rows already as the action would leave them. */
  unchanged: number;
  skipped: BulkSkip[];
}

/** What an action makes of one row: a change, nothing to do, or a skip with its reason. */
export type RowVerdict = 'apply' | 'unchanged' | { reason: string; field?: string };

export function planBulk<T extends { id: number; studentNo: string; name: string }>(
  rows: readonly T[],
  verdict: (row: T) => RowVerdict,
): BulkPlan {
  const plan: BulkPlan = { applicable: [], unchanged: 0, skipped: [] };
  for (const row of rows) {
    const v = verdict(row);
    if (v === 'apply') plan.applicable.push(row.id);
    else if (v === 'unchanged') plan.unchanged += 1;
    else plan.skipped.push({ id: row.id, studentNo: row.studentNo, name: row.name, ...v });
  }
  return plan;
}

/** “张三（2023000001）：reason；…” for the first few skipped rows, as an error message says it. */
export function skippedSummary(skipped: readonly BulkSkip[], max = 5): string {
  const shown = skipped
    .slice(0, max)
    .map((s) => `${s.name}（${s.studentNo}）：${s.reason}`)
    .join('；');
  return `${shown}${skipped.length > max ? ' 等' : ''}`;
}
