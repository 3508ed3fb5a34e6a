import type { Signup } from '../../../../shared/contract/exams';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import { findSignups, signupAuditRecorder } from './repository';

/** One entry's verdict: its problems (refused), the sign-up after the change, or null (unchanged). */
export type EntryCheck = readonly string[] | Signup | null;

/**
 * The batch page's bulk saves (考勤, 结果): each entry names a sign-up of the batch. Every entry
 * is checked first (`check`), each refusal prefixed with its student's name and 学号; while any is refused nothing is saved. Then `write` stores each change at `at` and
 * the change is audited. Call it inside the save's transaction.
 */
export function saveBatchEntries<E extends { id: number }>(
  ctx: CoreContext,
  {
    batchId,
    entries,
    what,
    at,
    check,
    write,
  }: {
    batchId: number;
    entries: readonly E[];
    /** What the entries are, in the refusal: 考勤, 结果. */
    what: string;
    at: string;
    check: (entry: E, before: Signup) => EntryCheck;
    write: (after: Signup, at: string) => void;
  },
): { updated: number; unchanged: number } {
  const found = new Map(
    findSignups(
      ctx.db,
      entries.map((e) => e.id),
    ).map((s) => [s.id, s]),
  );
  const problems: { path: string; message: string }[] = [];
  const changes: { before: Signup; after: Signup }[] = [];
  entries.forEach((entry, index) => {
    const path = `entries.${index}`;
    const before = found.get(entry.id);
    if (!before || before.batchId !== batchId) {
      problems.push({
        path,
        message: `第 ${index + 1} 条报名已不在本批次中（可能已被删除），请刷新后重试`,
      });
      return;
    }
    const who = `${before.name}（学号 ${before.studentNo}）`;
    const verdict = check(entry, before);
    if (verdict === null) return;
    if (Array.isArray(verdict)) {
      for (const message of verdict as readonly string[]) {
        problems.push({ path, message: `${who}：${message}` });
      }
      return;
    }
    changes.push({ before, after: verdict as Signup });
  });
  if (problems.length > 0) {
    const shown = problems
      .slice(0, 3)
      .map((p) => p.message)
      .join('；');
    throw new CoreError(
      'VALIDATION',
      `${problems.length} 条${what}不能保存，未做任何更改：${shown}${problems.length > 3 ? ' 等' : ''}。`,
      { fields: problems },
    );
  }
  const recordAudit = signupAuditRecorder(ctx, at);
  for (const { before, after } of changes) {
    write(after, at);
    recordAudit(before, { ...after, updatedAt: at });
  }
  return { updated: changes.length, unchanged: entries.length - changes.length };
}
