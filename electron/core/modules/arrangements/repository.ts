import type {
  ArrangedCandidate,
  ArrangementPlan,
  ExamRoom,
  ExamSession,
} from '../../../../shared/contract/arrangements';
import { DEFAULT_TICKET_PATTERN } from '../../../../shared/domain/arrangement';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { SignupStatus } from '../../../../shared/domain/exams';
import type { Db } from '../../db/open';
import { batchPlaceJoins, batchPlaceName } from '../exams/placeRepository';

export interface BatchFacts {
  id: number;
  name: string;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  place: string;
  organization: string;
}

/** A batch's saved arrangement settings: the plan's fields of the same names. */
export type Settings = Pick<
  ArrangementPlan,
  'mode' | 'seed' | 'ticketPattern' | 'batchCode' | 'arrangedAt' | 'printedAt'
>;

/** A candidate row as read, with the seat's generated number to tell issued numbers apart. */
export interface CandidateRow extends ArrangedCandidate {
  generatedNo: string;
}

export interface SeatValues {
  signupId: number;
  batchId: number;
  examRoomId: number;
  sessionId: number;
  seat: number;
}

const defaults: Settings = {
  mode: 'class',
  seed: 1,
  ticketPattern: DEFAULT_TICKET_PATTERN,
  batchCode: '',
  arrangedAt: null,
  printedAt: null,
};

/** Where a batch's room or session stands in its list, and whose it is. */
interface PartPlace {
  batchId: number;
  position: number;
}

interface RoomValues extends PartPlace {
  roomId: number | null;
  name: string;
  capacity: number;
}

interface SessionValues extends PartPlace {
  date: string;
  start: string;
  end: string;
}

/**
 * Writes a batch's exam rooms or sessions, each column named once with the key of its value (as
 * `recordWriter` does for tables with timestamps, which these have not). An update touches the
 * row only while it belongs to the batch being saved.
 */
function batchPartWriter<V extends PartPlace>(
  db: Db,
  table: string,
  columns: { readonly [column: string]: keyof V & string },
) {
  const written = [['position', 'position'], ...Object.entries(columns)];
  const insertRow = db.prepare(
    `INSERT INTO ${table} (batch_id, ${written.map(([c]) => c).join(', ')})
     VALUES (@batchId, ${written.map(([, key]) => `@${key}`).join(', ')})`,
  );
  const updateRow = db.prepare(
    `UPDATE ${table} SET ${written.map(([c, key]) => `${c} = @${key}`).join(', ')}
     WHERE id = @id AND batch_id = @batchId`,
  );
  const deleteRow = db.prepare<[number]>(`DELETE FROM ${table} WHERE id = ?`);
  return {
    /** Adds the row (no id yet) or writes over row `id`. */
    save(id: number | undefined, values: V): void {
      if (id === undefined) insertRow.run(values);
      else updateRow.run({ ...values, id });
    },
    remove(id: number): void {
      deleteRow.run(id);
    },
  };
}

/** The arrangement tables' statements, prepared once per core. */
export function arrangementsRepository(db: Db) {
  const batch = db.prepare<[number], BatchFacts>(
    `SELECT b.id, b.name, c.name AS certificateName, b.level, b.exam_date AS examDate,
       ${batchPlaceName('b')} AS place, b.organization
     FROM exam_batches b JOIN certificates c ON c.id = b.certificate_id ${batchPlaceJoins('b')}
     WHERE b.id = ?`,
  );
  const settings = db.prepare<[number], Settings>(
    `SELECT mode, seed, ticket_pattern AS ticketPattern, batch_code AS batchCode,
       arranged_at AS arrangedAt, printed_at AS printedAt
     FROM exam_arrangements WHERE batch_id = ?`,
  );
  const upsertSettings = db.prepare(
    `INSERT INTO exam_arrangements (batch_id, mode, seed, ticket_pattern, batch_code, arranged_at,
       printed_at, updated_at)
     VALUES (@batchId, @mode, @seed, @ticketPattern, @batchCode, @arrangedAt, @printedAt, @at)
     ON CONFLICT (batch_id) DO UPDATE SET mode = excluded.mode, seed = excluded.seed,
       ticket_pattern = excluded.ticket_pattern, batch_code = excluded.batch_code,
       arranged_at = excluded.arranged_at, printed_at = excluded.printed_at,
       updated_at = excluded.updated_at`,
  );
  const rooms = db.prepare<[number], Omit<ExamRoom, 'no'>>(
    `SELECT id, room_id AS roomId, name, capacity FROM exam_rooms
     WHERE batch_id = ? ORDER BY position, id`,
  );
  const sessions = db.prepare<[number], Omit<ExamSession, 'no'>>(
    `SELECT id, exam_date AS date, start_time AS start, end_time AS end FROM exam_sessions
     WHERE batch_id = ? ORDER BY position, id`,
  );
  const candidates = db.prepare<
    [number],
    Omit<CandidateRow, 'issued' | 'status'> & { status: SignupStatus }
  >(
    `SELECT su.id AS signupId, st.id AS studentId, st.student_no AS studentNo, st.name,
       st.class_name AS className, st.id_number AS idNumber, su.status,
       se.exam_room_id AS examRoomId, se.session_id AS sessionId, se.seat,
       su.admission_no AS admissionNo, coalesce(se.generated_no, '') AS generatedNo
     FROM signups su JOIN students st ON st.id = su.student_id
       LEFT JOIN exam_seats se ON se.signup_id = su.id
     WHERE su.batch_id = ? AND su.status <> 'withdrawn'
     ORDER BY st.student_no, su.id`,
  );
  const examRooms = batchPartWriter<RoomValues>(db, 'exam_rooms', {
    room_id: 'roomId',
    name: 'name',
    capacity: 'capacity',
  });
  // Names are unique per batch: park the kept rooms' names first so a swap of two names saves.
  const parkRoomNames = db.prepare<[number]>(
    `UPDATE exam_rooms SET name = '#' || id || '#' || name WHERE batch_id = ?`,
  );
  const examSessions = batchPartWriter<SessionValues>(db, 'exam_sessions', {
    exam_date: 'date',
    start_time: 'start',
    end_time: 'end',
  });
  const seatsInSession = db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM exam_seats WHERE session_id = ?',
  );
  const roomSeats = db.prepare<[number], { n: number; maxSeat: number | null }>(
    'SELECT count(*) AS n, max(seat) AS maxSeat FROM exam_seats WHERE exam_room_id = ?',
  );
  const clearGenerated = db.prepare<[{ batchId: number; at: string }]>(
    `UPDATE signups SET admission_no = '', updated_at = @at
     WHERE id IN (SELECT signup_id FROM exam_seats WHERE batch_id = @batchId AND generated_no <> '')
       AND admission_no = (SELECT generated_no FROM exam_seats WHERE signup_id = signups.id)`,
  );
  const deleteSeats = db.prepare<[number]>('DELETE FROM exam_seats WHERE batch_id = ?');
  const deleteSeat = db.prepare<[number]>('DELETE FROM exam_seats WHERE signup_id = ?');
  const releaseNumber = db.prepare<[{ signupId: number; at: string }]>(
    `UPDATE signups SET admission_no = '', updated_at = @at
     WHERE id = @signupId AND admission_no <> '' AND admission_no =
       (SELECT generated_no FROM exam_seats WHERE signup_id = @signupId)`,
  );
  const insertSeat = db.prepare(
    `INSERT INTO exam_seats (signup_id, batch_id, exam_room_id, session_id, seat)
     VALUES (@signupId, @batchId, @examRoomId, @sessionId, @seat)`,
  );
  const occupant = db.prepare<[number, number, number], { signupId: number }>(
    `SELECT signup_id AS signupId FROM exam_seats
     WHERE exam_room_id = ? AND session_id = ? AND seat = ?`,
  );
  const setNumber = db.prepare(
    `UPDATE signups SET admission_no = @number, updated_at = @at
     WHERE id = @signupId AND admission_no <> @number`,
  );
  const setGenerated = db.prepare(
    'UPDATE exam_seats SET generated_no = @number WHERE signup_id = @signupId',
  );
  const setIssued = db.prepare(
    'UPDATE signups SET admission_no = @number, updated_at = @at WHERE id = @signupId',
  );
  const forgetGenerated = db.prepare(
    "UPDATE exam_seats SET generated_no = '' WHERE signup_id = @signupId",
  );
  const signupBatch = db.prepare<[number], { batchId: number; status: SignupStatus }>(
    'SELECT batch_id AS batchId, status FROM signups WHERE id = ?',
  );
  const trainingRoom = db.prepare<[number], { name: string; workstations: number }>(
    'SELECT name, workstations FROM training_rooms WHERE id = ?',
  );
  const withdrawnNumbers = db.prepare<[number]>(
    `UPDATE signups SET admission_no = ''
     WHERE status = 'withdrawn' AND admission_no <> '' AND admission_no =
       (SELECT generated_no FROM exam_seats WHERE signup_id = signups.id AND batch_id = ?)`,
  );
  const withdrawnSeats = db.prepare<[number]>(
    `DELETE FROM exam_seats WHERE batch_id = ?
       AND signup_id IN (SELECT id FROM signups WHERE status = 'withdrawn')`,
  );

  return {
    batch: (id: number): BatchFacts | null => batch.get(id) ?? null,
    settings: (batchId: number): Settings => settings.get(batchId) ?? { ...defaults },
    saveSettings: (batchId: number, values: Settings, at: string): void => {
      upsertSettings.run({ batchId, ...values, at });
    },
    rooms: (batchId: number): ExamRoom[] => rooms.all(batchId).map((r, i) => ({ ...r, no: i + 1 })),
    sessions: (batchId: number): ExamSession[] =>
      sessions.all(batchId).map((s, i) => ({ ...s, no: i + 1 })),
    /** Every live sign-up, seat and number; `issued` when the number is not the generated one. */
    candidates: (batchId: number): CandidateRow[] =>
      candidates.all(batchId).map((c) => ({
        ...c,
        issued: c.admissionNo !== '' && c.admissionNo !== c.generatedNo,
      })),
    parkRoomNames: (batchId: number): void => {
      parkRoomNames.run(batchId);
    },
    saveRoom: examRooms.save,
    deleteRoom: examRooms.remove,
    saveSession: examSessions.save,
    deleteSession: examSessions.remove,
    /** Seats taken in a room (all sessions) and the highest seat number used. */
    roomSeats: (examRoomId: number) => roomSeats.get(examRoomId) ?? { n: 0, maxSeat: null },
    sessionSeats: (sessionId: number): number => seatsInSession.get(sessionId)?.n ?? 0,
    /** Removes every seat of the batch and the numbers generated for them. */
    clearSeats: (batchId: number, at: string): void => {
      clearGenerated.run({ batchId, at });
      deleteSeats.run(batchId);
    },
    /** Removes one seat and the number generated for it (an issued number stays). */
    deleteSeat: (signupId: number, at: string): void => {
      releaseNumber.run({ signupId, at });
      deleteSeat.run(signupId);
    },
    insertSeat: (values: SeatValues): void => {
      insertSeat.run(values);
    },
    occupant: (examRoomId: number, sessionId: number, seat: number): number | null =>
      occupant.get(examRoomId, sessionId, seat)?.signupId ?? null,
    /** Writes a generated number into the sign-up and remembers it on the seat. */
    setGeneratedNumber: (signupId: number, number: string, at: string): void => {
      setNumber.run({ signupId, number, at });
      setGenerated.run({ signupId, number });
    },
    /** The organization's number: kept by every rearrangement from now on. */
    setIssuedNumber: (signupId: number, number: string, at: string): void => {
      setIssued.run({ signupId, number, at });
      forgetGenerated.run({ signupId });
    },
    signup: (id: number) => signupBatch.get(id) ?? null,
    trainingRoom: (id: number) => trainingRoom.get(id) ?? null,
    /** A withdrawn sign-up is never seated: its seat and the number generated for it go. */
    dropWithdrawn: (batchId: number): void => {
      withdrawnNumbers.run(batchId);
      withdrawnSeats.run(batchId);
    },
  };
}

export type ArrangementsRepository = ReturnType<typeof arrangementsRepository>;
