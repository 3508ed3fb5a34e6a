import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { Payer, SignupStatus } from '../../../../shared/domain/fees';
import type { IdType } from '../../../../shared/domain/idNumber';
import type { Gender } from '../../../../shared/domain/teachers';
import type { Db } from '../../db/open';
import { batchPlaceJoins, batchPlaceName } from '../exams/placeRepository';

/* Sheet SQL: the sign-ups the exported sheets list (考生信息上传表, 费用明细表, data centre). */

/** A passed sign-up as the data-centre certificate tables list it. */
export interface PassedRow {
  student_no: string;
  name: string;
  major_code: string | null;
  certificate_name: string;
  organization: string;
  organization_code: string;
  level: CertificateLevel;
  certificate_no: string;
  issued_on: string;
  place: string;
}

/** Every passed sign-up (one certificate each), by 学号 then exam date. */
export function passedSignups(db: Db): PassedRow[] {
  return db
    .prepare<[], PassedRow>(
      `SELECT s.student_no, s.name, m.code AS major_code, c.name AS certificate_name,
         CASE WHEN b.organization <> '' THEN b.organization ELSE c.organization END AS organization,
         c.organization_code, b.level, trim(g.certificate_no) AS certificate_no, g.issued_on,
         ${batchPlaceName('b')} AS place
       FROM signups g
       JOIN students s ON s.id = g.student_id
       JOIN exam_batches b ON b.id = g.batch_id
       JOIN certificates c ON c.id = b.certificate_id
       LEFT JOIN majors m ON m.id = s.major_id
       ${batchPlaceJoins('b')}
       WHERE g.status = 'passed'
       ORDER BY s.student_no, b.exam_date, g.id`,
    )
    .all();
}

/** A sign-up with its student, as the upload and fee sheets list it. */
export interface SheetRow {
  student_no: string;
  name: string;
  id_type: IdType;
  id_number: string;
  gender: Gender;
  major_name: string;
  class_name: string;
  entry_year: number | null;
  phone: string;
  batch_id: number;
  status: SignupStatus;
  payer: Payer;
  fee_fen: number;
}

const selectRows = `SELECT s.student_no, s.name, s.id_type, s.id_number, s.gender,
    coalesce(m.name, s.major_text) AS major_name, s.class_name, s.entry_year, s.phone, g.batch_id, g.status, g.payer,
    g.fee_fen
  FROM signups g JOIN students s ON s.id = g.student_id LEFT JOIN majors m ON m.id = s.major_id`;

/** The batch's candidates as uploaded: not withdrawn, by 学号. */
export function uploadRows(db: Db, batchId: number): SheetRow[] {
  return db
    .prepare<[number], SheetRow>(
      `${selectRows} WHERE g.batch_id = ? AND g.status <> 'withdrawn' ORDER BY s.student_no`,
    )
    .all(batchId);
}

/** Every sign-up (withdrawn ones too), by batch and 学号. */
export function allFeeSheetRows(db: Db): SheetRow[] {
  return db.prepare<[], SheetRow>(`${selectRows} ORDER BY g.batch_id, s.student_no`).all();
}

/** Every sign-up of one batch (withdrawn ones too), by 学号. */
export function batchFeeSheetRows(db: Db, batchId: number): SheetRow[] {
  return db
    .prepare<[number], SheetRow>(`${selectRows} WHERE g.batch_id = ? ORDER BY s.student_no`)
    .all(batchId);
}
