import type { Usage, UsageRef } from '../../../../shared/contract/usage';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { batchLabel, type BatchLabelParts } from '../../../../shared/domain/batchLabel';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { describeUsage, usageRef } from '../../usage';

/** The parts `batchLabel` names a batch by; SQL returns them and TS formats the label. */
const batchLabelColumns = `b.name, c.name AS certificateName, b.level, b.exam_date AS examDate`;

const count = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** A student's sign-ups: they block the student's delete (the exam record must stay). */
export function signupsOfStudentRef(db: Db, studentId: number): UsageRef | null {
  const names = db
    .prepare<[number], BatchLabelParts>(
      `SELECT ${batchLabelColumns} FROM signups s
       JOIN exam_batches b ON b.id = s.batch_id JOIN certificates c ON c.id = b.certificate_id
       WHERE s.student_id = ? ORDER BY b.exam_date DESC LIMIT 6`,
    )
    .all(studentId)
    .map((r) => batchLabel(r));
  const ref = usageRef(
    {
      kind: 'signup',
      label: '条考核报名',
      onDelete: 'block',
      consequence: '有考核报名记录的学生不能删除（报名、成绩和费用须留档），可把报名改为“已撤销”',
    },
    names,
  );
  return (
    ref && {
      ...ref,
      count: count(db, 'SELECT count(*) AS n FROM signups WHERE student_id = ?', studentId),
    }
  );
}

const placeColumns = {
  site: { column: 'site_id', table: 'training_sites', what: '场所' },
  room: { column: 'room_id', table: 'training_rooms', what: '实训室' },
} as const;

/**
 * Exam batches held at a site or room: deleting the place keeps them, with its name as text.
 */
export function batchesAtPlaceRef(db: Db, kind: 'site' | 'room', placeId: number): UsageRef | null {
  const { column, what } = placeColumns[kind];
  const names = db
    .prepare<[number], BatchLabelParts>(
      `SELECT ${batchLabelColumns} FROM exam_batches b
       JOIN certificates c ON c.id = b.certificate_id WHERE b.${column} = ? ORDER BY b.exam_date DESC`,
    )
    .all(placeId)
    .map((r) => batchLabel(r));
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
  const { column, table } = placeColumns[kind];
  db.prepare(
    `UPDATE exam_batches SET site_text = (SELECT name FROM ${table} WHERE id = ?),
       updated_at = ? WHERE ${column} = ?`,
  ).run(placeId, at, placeId);
}

/** What refers to a batch: sign-ups block its delete; payments keep their record without it. */
export function batchUsage(db: Db, batchId: number): Usage {
  const signups = db
    .prepare<[number], { name: string }>(
      `SELECT st.name FROM signups s JOIN students st ON st.id = s.student_id
       WHERE s.batch_id = ? ORDER BY st.student_no LIMIT 6`,
    )
    .all(batchId)
    .map((r) => r.name);
  const signupRef = usageRef(
    {
      kind: 'signup',
      label: '名学生的报名',
      onDelete: 'block',
      consequence: '请先处理这些报名（报名记录须留档，可改为“已撤销”），有报名的批次不能删除',
    },
    signups,
  );
  const payments = db
    .prepare<[number], { name: string }>(
      `SELECT CASE WHEN invoice_no <> '' THEN '发票 ' || invoice_no ELSE paid_on END AS name
       FROM payments WHERE batch_id = ? ORDER BY paid_on`,
    )
    .all(batchId)
    .map((r) => r.name);
  return describeUsage([
    signupRef && {
      ...signupRef,
      count: count(db, 'SELECT count(*) AS n FROM signups WHERE batch_id = ?', batchId),
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
  const batches = count(
    db,
    'SELECT count(*) AS n FROM exam_batches WHERE certificate_id = ? AND level = ?',
    certificate.id,
    level,
  );
  const agreements = count(
    db,
    'SELECT count(*) AS n FROM fee_agreements WHERE certificate_id = ? AND level = ?',
    certificate.id,
    level,
  );
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
