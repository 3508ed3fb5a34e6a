import type { Signup, SignupAuditView } from '../../../../shared/contract/exams';
import { savedResultOf, type SavedResult } from '../../../../shared/domain/examResults';
import { idNumberMatchKey, legacyIdNumberOf } from '../../../../shared/domain/idNumber';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { camelRowWithFlags, type FlaggedRow } from '../../db/rows';
import type { MatchableSignup } from './candidateMatch';

/* Sign-up rows: how they are stored, read and recorded in the audit log. */

const flags = ['pilot', 'platformRegistered', 'creditBank'] as const;

/** A sign-up row as `selectSignups` reads it, with its student's columns. */
export type SignupRow = FlaggedRow<Signup, (typeof flags)[number]>;

// Exactly a Signup's fields, in its order.
export const selectSignups = `
  SELECT su.id, su.batch_id, su.student_id, st.student_no, st.name, st.major_text AS major_name,
    st.class_name, st.pilot, su.status, su.score, su.theory_score, su.practical_score,
    su.admission_no, su.certificate_no, su.issued_on, su.platform_registered, su.credit_bank,
    su.fee_fen, su.payer, su.created_at, su.updated_at
  FROM signups su JOIN students st ON st.id = su.student_id`;

export const fromRow = (row: SignupRow): Signup => camelRowWithFlags(row, flags);

/** The audit log's view of a sign-up: exactly these keys, for every sign-up change. */
export function signupAuditView(signup: Signup): SignupAuditView {
  return {
    studentId: signup.studentId,
    batchId: signup.batchId,
    ...savedResultOf(signup),
    feeFen: signup.feeFen,
    payer: signup.payer,
  };
}

/**
 * Writes one sign-up change to the audit log (entity 'signup', id = the sign-up's id); call it
 * inside the transaction that made the change. Other modules changing sign-ups (fees, payers)
 * use it too, so every entry has the same shape.
 */
export function recordSignupAudit(
  ctx: Pick<CoreContext, 'db' | 'actor' | 'now'>,
  at: string,
  before: Signup | null,
  after: Signup | null,
): void {
  signupAuditRecorder(ctx, at)(before, after);
}

/** `recordSignupAudit` with its statement prepared once, for a change of many sign-ups. */
export function signupAuditRecorder(
  ctx: Pick<CoreContext, 'db' | 'actor' | 'now'>,
  at: string,
): (before: Signup | null, after: Signup | null) => void {
  const record = auditLog(ctx.db, 'signup', signupAuditView);
  const stamp = auditStamp(ctx, at);
  return (before, after) => {
    const id = (after ?? before)!.id;
    const action = before === null ? 'create' : after === null ? 'delete' : 'update';
    record(stamp, id, action, before, after);
  };
}

export function findSignups(db: Db, ids: readonly number[]): Signup[] {
  // json_each keeps it one statement whatever the number of ids.
  const rows = db
    .prepare(`${selectSignups} WHERE su.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as SignupRow[];
  return rows.map(fromRow);
}

/** Every sign-up of a batch (withdrawn ones too), by id. */
export function batchSignups(db: Db, batchId: number): Map<number, Signup> {
  const rows = db
    .prepare<[number], SignupRow>(`${selectSignups} WHERE su.batch_id = ?`)
    .all(batchId);
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

/** The pilot project of a certificate in a year, with its majors; null when there is none. */
export function projectFor(db: Db, certificateId: number, year: number) {
  const project = db
    .prepare<[number, number], { id: number; status: string }>(
      'SELECT id, status FROM pilot_projects WHERE certificate_id = ? AND year = ?',
    )
    .get(certificateId, year);
  if (!project) return null;
  const majorIds = db
    .prepare<[number], number>('SELECT major_id FROM project_majors WHERE project_id = ?')
    .pluck()
    .all(project.id);
  return { ...project, year, confirmed: project.status === 'confirmed', majorIds };
}

/** A batch's sign-ups with what identifies their students, as a result sheet is matched to them. */
export function matchableSignups(db: Db, batchId: number): MatchableSignup[] {
  return db
    .prepare<[number], MatchableSignup>(
      `SELECT su.id AS signupId, st.student_no AS studentNo, st.name, st.id_number AS idNumber,
         su.admission_no AS admissionNo
       FROM signups su JOIN students st ON st.id = su.student_id WHERE su.batch_id = ?`,
    )
    .all(batchId);
}

/** A student of the school, named in a message. */
export interface StudentNamed {
  name: string;
  student_no: string;
}

/** The school's students by 身份证号 and by 学号 (prepared once for a whole sheet). */
export function studentFinder(db: Db) {
  const byIdNumber = db.prepare<[string, string], StudentNamed>(
    'SELECT name, student_no FROM students WHERE id_number IN (?, ?)',
  );
  const byStudentNo = db.prepare<[string], StudentNamed>(
    'SELECT name, student_no FROM students WHERE student_no = ?',
  );
  return {
    /** By the number as written, or its other form (15 ↔ 18 digits). */
    byIdNumber: (idNumber: string) => {
      const key = idNumberMatchKey(idNumber);
      return byIdNumber.get(key, legacyIdNumberOf(key) ?? key);
    },
    byStudentNo: (studentNo: string) => byStudentNo.get(studentNo),
  };
}

/** Writes a whole saved result (status, scores, numbers, date, flags) onto sign-ups. */
export function resultWriter(db: Db) {
  const update = db.prepare(
    `UPDATE signups SET status = @status, score = @score, theory_score = @theoryScore,
       practical_score = @practicalScore, admission_no = @admissionNo,
       certificate_no = @certificateNo, issued_on = @issuedOn,
       platform_registered = @platformRegistered, credit_bank = @creditBank, updated_at = @at
     WHERE id = @id`,
  );
  return (id: number, result: SavedResult, at: string): void => {
    update.run({
      ...result,
      platformRegistered: result.platformRegistered ? 1 : 0,
      creditBank: result.creditBank ? 1 : 0,
      at,
      id,
    });
  };
}

/** A seat of a batch's arrangement (考场编排): the sign-up, its room, session and seat. */
export interface SeatRow {
  signupId: number;
  room: string;
  session: number;
  seat: number;
}

/** The batch's seats in the order of the sign-in sheets: session, room, seat. */
export function batchSeats(db: Db, batchId: number): SeatRow[] {
  return db
    .prepare<[number], SeatRow>(
      `SELECT st.signup_id AS signupId, r.name AS room, se.position AS session, st.seat
         FROM exam_seats st
         JOIN exam_rooms r ON r.id = st.exam_room_id
         JOIN exam_sessions se ON se.id = st.session_id
        WHERE st.batch_id = ?
        ORDER BY se.position, r.position, st.seat`,
    )
    .all(batchId);
}

/** The batch's live (not withdrawn) sign-ups, by 学号. */
export function liveBatchSignups(db: Db, batchId: number): Signup[] {
  return (
    db
      .prepare(
        `${selectSignups} WHERE su.batch_id = ? AND su.status <> 'withdrawn' ORDER BY st.student_no`,
      )
      .all(batchId) as SignupRow[]
  ).map(fromRow);
}

/** What a sheet of the batch adds to each sign-up: 身份证号, 专业 and 准考证号. */
export interface SignupSheetDetails {
  id: number;
  id_number: string;
  major_text: string;
  admission_no: string;
}

/** Every sign-up of the batch (withdrawn ones too) with its sheet details. */
export function signupSheetDetails(db: Db, batchId: number): SignupSheetDetails[] {
  return db
    .prepare<[number], SignupSheetDetails>(
      `SELECT su.id, st.id_number, st.major_text, su.admission_no
           FROM signups su JOIN students st ON st.id = su.student_id WHERE su.batch_id = ?`,
    )
    .all(batchId);
}

/** A sign-up holding a 证书编号 of one certificate, named for a message. */
export interface CertificateNoHolder {
  signupId: number;
  name: string;
  studentNo: string;
  certificateNo: string;
}

/**
 * The 证书编号 already given on the certificate's sign-ups, by number (each number lists every
 * sign-up holding it): a number names one certificate of one person, so two sign-ups sharing it
 * is a typing or copying slip.
 */
export function certificateNoHolders(
  db: Db,
  certificateId: number,
): Map<string, CertificateNoHolder[]> {
  const rows = db
    .prepare<[number], CertificateNoHolder>(
      `SELECT s.id AS signupId, st.name AS name, st.student_no AS studentNo,
         s.certificate_no AS certificateNo
       FROM signups s
       JOIN exam_batches b ON b.id = s.batch_id
       JOIN students st ON st.id = s.student_id
       WHERE b.certificate_id = ? AND s.certificate_no <> ''`,
    )
    .all(certificateId);
  const holders = new Map<string, CertificateNoHolder[]>();
  for (const row of rows) {
    const list = holders.get(row.certificateNo);
    if (list) list.push(row);
    else holders.set(row.certificateNo, [row]);
  }
  return holders;
}

/** Why `signupId` cannot hold `certificateNo`: another sign-up of the certificate holds it. */
export function certificateNoTaken(
  holders: ReadonlyMap<string, readonly CertificateNoHolder[]>,
  signupId: number,
  certificateNo: string,
): string | null {
  const other = holders.get(certificateNo)?.find((h) => h.signupId !== signupId);
  return other
    ? `证书编号“${certificateNo}”已是 ${other.name}（学号 ${other.studentNo}）的证书编号，同一证书的编号不能重复，请核对`
    : null;
}

/** The batch's certificate. */
export const certificateOfBatch = (db: Db, batchId: number): number =>
  db
    .prepare<[number], { certificateId: number }>(
      'SELECT certificate_id AS certificateId FROM exam_batches WHERE id = ?',
    )
    .get(batchId)!.certificateId;
