import type { ExamBatch } from '../../../../shared/contract/exams';
import { batchFeeOverLimit } from '../../../../shared/domain/batchCap';
import { placesShort } from '../../../../shared/domain/batchPlaces';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { projectStatusLabels } from '../../../../shared/domain/projectStatus';
import { CoreError } from '../../errors';
import type { projectFor } from './repository';
import type { PickedStudent } from './signupRepository';

/* Who may be signed up for a batch: its fee (rule 11), its capacity, and the notice's rule 9. */

const names = (items: readonly { name: string }[], max = 5) =>
  `${items
    .slice(0, max)
    .map((i) => i.name)
    .join('、')}${items.length > max ? ' 等' : ''}`;

/**
 * Rule 11 (`batchFeeOverLimit`, as the batch editor and the ledger judge it): a new sign-up takes
 * the batch's fee, so none is taken while that fee is over the figure in force on the exam date
 * (a cap lowered after the batch was saved).
 */
export function checkFeeWithinCap(batch: ExamBatch): void {
  const over = batchFeeOverLimit(batch, batch.feeFen);
  if (over === null) return;
  throw new CoreError(
    'CONFLICT',
    `${over}。请先在考核批次中把每人考核费改为不超过上限的金额，再报名；未报名任何学生。`,
  );
}

/** Refuses signing up `adding` more students than the batch has room for (`placesShort`). */
export function checkCapacity(batch: ExamBatch, adding: number): void {
  const over = placesShort(batch, adding);
  if (over === 0 || batch.capacity === null) return;
  throw new CoreError(
    'CONFLICT',
    `该批次容量 ${batch.capacity} 人，已有 ${batch.activeCount} 人报名（未撤销），本次新增 ${adding} 人，超出 ${over} 人。请减少人数或调大批次容量；未报名任何学生。`,
    { capacity: batch.capacity, active: batch.activeCount, adding, over },
  );
}

/**
 * What the person must confirm before these students are signed up. Rule 9, 原则上: the
 * certificate's project for the exam year missing or not 省级确认, students outside its majors.
 * And a second fee for one exam: students who already passed this certificate and level, or
 * are signed up for it in another batch still without a result (`sameLevel`).
 */
export function signupWarnings(
  batch: ExamBatch,
  year: number,
  project: ReturnType<typeof projectFor>,
  students: readonly PickedStudent[],
  sameLevel: readonly { studentId: number; passed: boolean }[],
): string[] {
  const warnings: string[] = [];
  if (!project || !project.confirmed) {
    const state = project
      ? `状态为“${projectStatusLabels[project.status as keyof typeof projectStatusLabels]}”`
      : '没有试点项目';
    warnings.push(
      `“${batch.certificateName}”${year} 年度${state}，未经省级确认：按试点通知，未经省级确认的学校和专业原则上不组织学生参加证书考核`,
    );
  }
  if (project) {
    const allowed = new Set(project.majorIds);
    const outside = students.filter((s) => s.major_id === null || !allowed.has(s.major_id));
    if (outside.length > 0) {
      warnings.push(
        `${outside.length} 名学生的专业不在该试点项目的相关专业中（${names(outside)}）`,
      );
    }
  }
  const passed = new Set(sameLevel.filter((g) => g.passed).map((g) => g.studentId));
  const open = new Set(sameLevel.map((g) => g.studentId).filter((id) => !passed.has(id)));
  const what = `“${batch.certificateName}”${certificateLevelLabels[batch.level]}`;
  const holders = students.filter((s) => passed.has(s.id));
  if (holders.length > 0) {
    warnings.push(
      `${holders.length} 名学生已通过${what}的考核（${names(holders)}），再次报名会再产生一次考核费`,
    );
  }
  const twice = students.filter((s) => open.has(s.id));
  if (twice.length > 0) {
    warnings.push(
      `${twice.length} 名学生已在${what}的其他批次报名、尚无结果（${names(twice)}），本批次将是重复报名`,
    );
  }
  return warnings;
}
