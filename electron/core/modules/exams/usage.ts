import type { Usage, UsageRef } from '../../../../shared/contract/usage';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { describeUsage, usageRef } from '../../usage';
import {
  batchPaymentNames,
  batchSignupCount,
  batchSignupNames,
  batchesAtPlace,
  levelUseCounts,
  placeNameOntoBatches,
  studentSignupBatches,
  studentSignupCount,
} from './usageRepository';

/** A student's sign-ups: they block the student's delete (the exam record must stay). */
export function signupsOfStudentRef(db: Db, studentId: number): UsageRef | null {
  const names = studentSignupBatches(db, studentId).map((r) => batchLabel(r));
  const ref = usageRef(
    {
      kind: 'signup',
      label: '条考核报名',
      onDelete: 'block',
      // Withdrawing does not make the student deletable: say so, not only "withdraw instead".
      consequence:
        '有考核报名记录的学生不能删除：报名、成绩和费用须留档，已撤销的报名也一样；不再参加的考核可把报名改为“已撤销”，学生保留在名单中',
    },
    names,
  );
  return (
    ref && {
      ...ref,
      count: studentSignupCount(db, studentId),
    }
  );
}

const placeWhat = { site: '场所', room: '实训室' } as const;

/**
 * Exam batches held at a site or room: deleting the place keeps them, with its name as text.
 */
export function batchesAtPlaceRef(db: Db, kind: 'site' | 'room', placeId: number): UsageRef | null {
  const what = placeWhat[kind];
  const names = batchesAtPlace(db, kind, placeId).map((r) => batchLabel(r));
  return usageRef(
    {
      kind: 'examBatch',
      label: '个考核批次',
      onDelete: 'unlink',
      consequence: `删除后这些考核批次保留，考核地点以${what}名称文字显示`,
    },
    names,
  );
}

/**
 * For a site's or room's delete, inside its transaction: batches keep the place's name as text
 * (the foreign key then clears the link).
 */
export function releasePlaceFromBatches(
  db: Db,
  kind: 'site' | 'room',
  placeId: number,
  at: string,
): void {
  placeNameOntoBatches(db, kind, placeId, at);
}

/** What refers to a batch: sign-ups block its delete; payments keep their record without it. */
export function batchUsage(db: Db, batchId: number): Usage {
  const signups = batchSignupNames(db, batchId);
  const signupRef = usageRef(
    {
      kind: 'signup',
      label: '名学生的报名',
      onDelete: 'block',
      consequence: '请先处理这些报名（报名记录须留档，可改为“已撤销”），有报名的批次不能删除',
    },
    signups,
  );
  const payments = batchPaymentNames(db, batchId);
  return describeUsage([
    signupRef && {
      ...signupRef,
      count: batchSignupCount(db, batchId),
    },
    usageRef(
      {
        kind: 'payment',
        label: '笔缴费记录',
        onDelete: 'unlink',
        consequence: '删除后这些缴费记录保留，但不再关联批次',
      },
      payments,
    ),
  ]);
}

/**
 * For the catalogue: a certificate level used by exam batches or fee agreements cannot be
 * removed from the certificate. Throws IN_USE naming the uses.
 */
export function assertLevelUnused(
  db: Db,
  certificate: { id: number; name: string },
  level: CertificateLevel,
): void {
  const { batches, agreements } = levelUseCounts(db, certificate.id, level);
  if (batches + agreements === 0) return;
  const uses = [
    batches > 0 ? `${batches} 个考核批次` : '',
    agreements > 0 ? `${agreements} 条费用协商` : '',
  ].filter((u) => u !== '');
  throw new CoreError(
    'IN_USE',
    `“${certificate.name}”的${certificateLevelLabels[level]}已被 ${uses.join('、')}使用，不能取消该等级。未做任何改动。`,
    { fields: [{ path: 'levels', message: `${certificateLevelLabels[level]}已被使用` }] },
  );
}
