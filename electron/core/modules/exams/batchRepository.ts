import type { BatchListParams, BatchSaveData } from '../../../../shared/contract/exams';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { ExamForm } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { batchPlaceJoins, batchPlaceName } from './placeRepository';

/* Batch SQL: the exam_batches rows, their writes, and the catalogue facts a batch is checked against. */

/** An exam batch row with its certificate's name and its place's current name. */
export interface BatchRow {
  id: number;
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  exam_form: ExamForm | null;
  name: string;
  exam_date: string;
  site_id: number | null;
  room_id: number | null;
  site_name: string;
  site_text: string;
  organization: string;
  fee_fen: number;
  capacity: number | null;
  pass_score: number | null;
  theory_weight: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const selectBatches = `
  SELECT b.*, c.name AS certificate_name, ${batchPlaceName('b')} AS site_name
  FROM exam_batches b JOIN certificates c ON c.id = b.certificate_id
  ${batchPlaceJoins('b')}`;

/** One batch's row, undefined when there is none. */
export function batchRow(db: Db, id: number): BatchRow | undefined {
  return db.prepare<[number], BatchRow>(`${selectBatches} WHERE b.id = ?`).get(id);
}

/** These batches' 考核日期 by batch id (an id with no batch is absent). */
export function batchExamDates(db: Db, ids: readonly number[]): Map<number, string> {
  const rows = db
    .prepare<[string], { id: number; exam_date: string }>(
      'SELECT id, exam_date FROM exam_batches WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.exam_date]));
}

/** The earliest 发证日期 recorded on a batch's sign-ups, null when none is. */
export function earliestIssuedOn(db: Db, batchId: number): string | null {
  const row = db
    .prepare<[number], { first: string | null }>(
      "SELECT MIN(issued_on) AS first FROM signups WHERE batch_id = ? AND issued_on <> ''",
    )
    .get(batchId);
  return row?.first ?? null;
}

/**
 * The batches list's filter, a certificate and a level (null: any), on the rows of `alias`: fee
 * agreements are listed by the same filter.
 */
export const batchListWhere = (alias: string) =>
  `(@certificateId IS NULL OR ${alias}.certificate_id = @certificateId)
   AND (@level IS NULL OR ${alias}.level = @level)`;

/** The batches of a certificate and level (null: any), newest exam date first. */
export function batchRows(db: Db, filter: BatchListParams): BatchRow[] {
  return db
    .prepare<[BatchListParams], BatchRow>(
      `${selectBatches} WHERE ${batchListWhere('b')} ORDER BY b.exam_date DESC, b.id DESC`,
    )
    .all(filter);
}

/** The current name of a training room or site, undefined when it is gone. */
export function placeName(db: Db, kind: 'room' | 'site', id: number): string | undefined {
  const table = kind === 'room' ? 'training_rooms' : 'training_sites';
  const row = db
    .prepare<[number], { name: string }>(`SELECT name FROM ${table} WHERE id = ?`)
    .get(id);
  return row?.name;
}

/** The columns a batch's save writes (the place's name already in `siteText`). */
export type BatchValues = Omit<BatchSaveData, 'id' | 'confirm'>;

/** Writes batches: each column from its value. */
export const batchRecords = recordWriter<BatchValues>('exam_batches', {
  certificate_id: 'certificateId',
  level: 'level',
  name: 'name',
  exam_date: 'examDate',
  site_id: 'siteId',
  room_id: 'roomId',
  site_text: 'siteText',
  organization: 'organization',
  fee_fen: 'feeFen',
  capacity: 'capacity',
  note: 'note',
  exam_form: 'examForm',
  pass_score: 'passScore',
  theory_weight: 'theoryWeight',
});

/** Whether the certificate offers the level. */
export function offersLevel(db: Db, certificateId: number, level: CertificateLevel): boolean {
  return (
    db
      .prepare<[number, string], { level: CertificateLevel }>(
        'SELECT level FROM certificate_levels WHERE certificate_id = ? AND level = ?',
      )
      .get(certificateId, level) !== undefined
  );
}
