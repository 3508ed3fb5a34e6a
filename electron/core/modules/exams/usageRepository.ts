import type { BatchLabelParts } from '../../../../shared/domain/batchLabel';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';

/* Usage SQL: what refers to a student, a batch, a place or a certificate level from the exams tables. */

/** The parts `batchLabel` names a batch by; SQL returns them and TS formats the label. */
const batchLabelColumns = `b.name, c.name AS certificateName, b.level, b.exam_date AS examDate`;

const count = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

/** The batches of a student's latest six sign-ups, newest exam first. */
export function studentSignupBatches(db: Db, studentId: number): BatchLabelParts[] {
  return db
    .prepare<[number], BatchLabelParts>(
      `SELECT ${batchLabelColumns} FROM signups s
       JOIN exam_batches b ON b.id = s.batch_id JOIN certificates c ON c.id = b.certificate_id
       WHERE s.student_id = ? ORDER BY b.exam_date DESC LIMIT 6`,
    )
    .all(studentId);
}

/** How many sign-ups (withdrawn ones too) a student has. */
export const studentSignupCount = (db: Db, studentId: number): number =>
  count(db, 'SELECT count(*) AS n FROM signups WHERE student_id = ?', studentId);

/** The exam_batches column that links a batch to each kind of place, and the place's table. */
const placeColumns = {
  site: { column: 'site_id', table: 'training_sites' },
  room: { column: 'room_id', table: 'training_rooms' },
} as const;

/** The batches held at a site or room, newest exam first. */
export function batchesAtPlace(db: Db, kind: 'site' | 'room', placeId: number): BatchLabelParts[] {
  const { column } = placeColumns[kind];
  return db
    .prepare<[number], BatchLabelParts>(
      `SELECT ${batchLabelColumns} FROM exam_batches b
       JOIN certificates c ON c.id = b.certificate_id WHERE b.${column} = ? ORDER BY b.exam_date DESC`,
    )
    .all(placeId);
}

/** Writes the place's name as text onto the batches held there (the link itself stays). */
export function placeNameOntoBatches(
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

/** The names of the first six students signed up for a batch, by 学号. */
export function batchSignupNames(db: Db, batchId: number): string[] {
  return db
    .prepare<[number], { name: string }>(
      `SELECT st.name FROM signups s JOIN students st ON st.id = s.student_id
       WHERE s.batch_id = ? ORDER BY st.student_no LIMIT 6`,
    )
    .all(batchId)
    .map((r) => r.name);
}

/** How many sign-ups (withdrawn ones too) a batch has. */
export const batchSignupCount = (db: Db, batchId: number): number =>
  count(db, 'SELECT count(*) AS n FROM signups WHERE batch_id = ?', batchId);

/** A batch's payments, each named by its invoice number or else its date, by date. */
export function batchPaymentNames(db: Db, batchId: number): string[] {
  return db
    .prepare<[number], { name: string }>(
      `SELECT CASE WHEN invoice_no <> '' THEN '发票 ' || invoice_no ELSE paid_on END AS name
       FROM payments WHERE batch_id = ? ORDER BY paid_on`,
    )
    .all(batchId)
    .map((r) => r.name);
}

/** How many exam batches and fee agreements use a certificate level. */
export function levelUseCounts(
  db: Db,
  certificateId: number,
  level: CertificateLevel,
): { batches: number; agreements: number } {
  return {
    batches: count(
      db,
      'SELECT count(*) AS n FROM exam_batches WHERE certificate_id = ? AND level = ?',
      certificateId,
      level,
    ),
    agreements: count(
      db,
      'SELECT count(*) AS n FROM fee_agreements WHERE certificate_id = ? AND level = ?',
      certificateId,
      level,
    ),
  };
}
