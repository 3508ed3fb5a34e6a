import type {
  ArrangedCandidate,
  ArrangementPlan,
  SeatCount,
} from '../../../../shared/contract/arrangements';
import type { ParsedInput } from '../../../../shared/contract';
import type { FieldIssue } from '../../../../shared/contract/errors';
import {
  ArrangementError,
  arrange,
  parseTicketPattern,
  ticketNumbers,
  type ArrangeSlot,
  type ArrangementMode,
} from '../../../../shared/domain/arrangement';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { formatChineseDate } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp, type AuditStamp } from '../../db/audit';
import { CoreError, mustExist, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { arrangementsRepository, type CandidateRow } from './repository';
import { arrangementDocuments } from './documents';
import { admissionImportDefinition, admissionImportFields } from './admissionImport';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';

type ArrangementsHandlerName =
  | 'arrangements.get'
  | 'arrangements.setup'
  | 'arrangements.preview'
  | 'arrangements.run'
  | 'arrangements.move'
  | 'arrangements.clear'
  | 'arrangements.ticketsPdf'
  | 'arrangements.signInPdf'
  | 'arrangements.doorPdf'
  | 'arrangements.sheet'
  | 'arrangements.importPreview'
  | 'arrangements.importCommit'
  | 'arrangements.importProblems'
  | 'arrangements.importTemplate';

/** A domain refusal as the core's error, its Chinese message kept. */
function domain<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ArrangementError) throw new CoreError('CONFLICT', error.message);
    throw error;
  }
}

/** 考场编排: rooms, sessions, seats and 准考证号 of one exam batch, and its printed papers. */
export function arrangementsHandlers(ctx: CoreContext): HandlersFor<ArrangementsHandlerName> {
  const { db } = ctx;
  const repo = arrangementsRepository(db);
  const record = auditLog<ArrangementPlan>(db, 'exam_arrangement', auditView);

  const mustBatch = (batchId: number) => mustExist(repo.batch(batchId), '考核批次', batchId);

  /** The plan as saved, or with `override` seats and numbers (a preview). */
  const planOf = (batchId: number, candidatesOverride?: CandidateRow[]): ArrangementPlan => {
    const batch = mustBatch(batchId);
    const settings = repo.settings(batchId);
    const rooms = repo.rooms(batchId);
    const sessions = repo.sessions(batchId);
    const candidates = candidatesOverride ?? repo.candidates(batchId);
    const counts: SeatCount[] = [];
    for (const session of sessions) {
      for (const room of rooms) {
        counts.push({
          examRoomId: room.id,
          sessionId: session.id,
          capacity: room.capacity,
          seated: candidates.filter((c) => c.examRoomId === room.id && c.sessionId === session.id)
            .length,
        });
      }
    }
    return {
      batchId,
      batchLabel: batchLabel(batch),
      certificateName: batch.certificateName,
      level: batch.level,
      place: batch.place,
      organization: batch.organization,
      ...settings,
      rooms,
      sessions,
      counts,
      candidates: candidates.map(({ generatedNo: _generated, ...c }): ArrangedCandidate => c),
      seated: candidates.filter((c) => c.seat !== null).length,
      capacity: rooms.reduce((sum, r) => sum + r.capacity, 0) * sessions.length,
    };
  };

  /** Session by session, room by room: the order seats fill in. */
  const slotsOf = (batchId: number): ArrangeSlot[] => {
    const rooms = repo.rooms(batchId);
    return repo
      .sessions(batchId)
      .flatMap((session) =>
        rooms.map((room) => ({ roomId: room.id, sessionId: session.id, capacity: room.capacity })),
      );
  };

  /** Each seated candidate's 准考证号: issued ones kept, the rest from the batch's pattern. */
  const numbered = (batchId: number, candidates: CandidateRow[]): CandidateRow[] => {
    const settings = repo.settings(batchId);
    const batch = mustBatch(batchId);
    const roomNo = new Map(repo.rooms(batchId).map((r) => [r.id, r.no]));
    const sessionNo = new Map(repo.sessions(batchId).map((s) => [s.id, s.no]));
    const seated = candidates.filter((c) => c.seat !== null);
    const numbers = domain(() =>
      ticketNumbers(
        seated.map((c) => ({
          signupId: c.signupId,
          roomNo: roomNo.get(c.examRoomId!) ?? 0,
          sessionNo: sessionNo.get(c.sessionId!) ?? 0,
          seat: c.seat!,
          issuedNo: c.issued ? c.admissionNo : '',
        })),
        settings.ticketPattern,
        { batchCode: settings.batchCode, year: batch.examDate.slice(0, 4) },
      ),
    );
    return candidates.map((c) => {
      const n = numbers.get(c.signupId);
      if (!n || n.issued) return c;
      return { ...c, admissionNo: n.number, generatedNo: n.number };
    });
  };

  /** Writes the generated numbers of the saved seats (after any seat or pattern change). */
  const renumber = (batchId: number, at: string) => {
    for (const c of numbered(batchId, repo.candidates(batchId))) {
      if (c.seat !== null && !c.issued) repo.setGeneratedNumber(c.signupId, c.admissionNo, at);
    }
  };

  /** The candidates placed by mode and seed, numbered; nothing saved. */
  const compute = (batchId: number, mode: ArrangementMode, seed: number): CandidateRow[] => {
    const candidates = repo.candidates(batchId);
    const placements = domain(() => arrange(candidates, slotsOf(batchId), mode, seed));
    const bySignup = new Map(placements.map((p) => [p.signupId, p]));
    const placed = candidates.map((c) => {
      const p = bySignup.get(c.signupId);
      // Numbers generated for the old seats go with them; issued ones stay.
      const admissionNo = c.issued ? c.admissionNo : '';
      return {
        ...c,
        admissionNo,
        generatedNo: '',
        examRoomId: p?.roomId ?? null,
        sessionId: p?.sessionId ?? null,
        seat: p?.seat ?? null,
      };
    });
    return numbered(batchId, placed);
  };

  /** Tickets were printed for seated candidates: a change to them asks first. */
  const printedNotice = (plan: ArrangementPlan) =>
    plan.printedAt && plan.seated > 0
      ? new CoreError(
          'NEEDS_CONFIRMATION',
          `本批次的准考证已于 ${formatChineseDate(plan.printedAt.slice(0, 10))} 打印，改动编排后已打印的准考证和签到表作废，需要重新打印。`,
          { warnings: ['准考证已打印'] },
        )
      : null;

  /**
   * One audited change of a batch's arrangement, in one transaction. After printing it asks first
   * (`confirmPrinted` false): always, or with `onlyWhenTicketsChange` only when what the printed
   * papers show (room, session, seat, 准考证号) would change; nothing is written until confirmed.
   */
  const change = (
    batchId: number,
    work: (stamp: AuditStamp) => void,
    confirmPrinted?: boolean,
    onlyWhenTicketsChange = false,
  ): ArrangementPlan =>
    db.transaction(() => {
      const stamp = auditStamp(ctx);
      repo.dropWithdrawn(batchId);
      const before = planOf(batchId);
      const notice = confirmPrinted === false ? printedNotice(before) : null;
      if (notice && !onlyWhenTicketsChange) throw notice;
      work(stamp);
      const after = planOf(batchId);
      // Thrown inside the transaction: the change is rolled back.
      if (notice && printedView(before) !== printedView(after)) throw notice;
      record(
        stamp,
        batchId,
        before.arrangedAt === null && before.rooms.length === 0 ? 'create' : 'update',
        before,
        after,
      );
      return after;
    })();

  const saveSettings = (
    batchId: number,
    values: Partial<ReturnType<typeof repo.settings>>,
    at: string,
  ) => repo.saveSettings(batchId, { ...repo.settings(batchId), ...values }, at);

  const setup = (input: ParsedInput<'arrangements.setup'>) => {
    mustBatch(input.batchId);
    const parsed = parseTicketPattern(input.ticketPattern);
    if (!parsed.ok) {
      throw validationError([{ path: 'ticketPattern', message: parsed.message }]);
    }
    const names = new Map<string, number>();
    input.rooms.forEach((room, i) => {
      const first = names.get(room.name);
      if (first !== undefined) {
        throw validationError([
          {
            path: `rooms.${i}.name`,
            message: `考场第 ${i + 1} 行的名称“${room.name}”与第 ${first + 1} 行相同，考场名称不能重复`,
          },
        ]);
      }
      names.set(room.name, i);
    });
    return change(
      input.batchId,
      ({ at }) => {
        const { batchId } = input;
        const oldRooms = new Map(repo.rooms(batchId).map((r) => [r.id, r]));
        const oldSessions = new Map(repo.sessions(batchId).map((s) => [s.id, s]));
        const keptRooms = keptRows(input.rooms, oldRooms, (i) => ({
          path: `rooms.${i}.name`,
          message: `考场第 ${i + 1} 行不是本批次的考场，请刷新后重试`,
        }));
        input.rooms.forEach((room, i) => {
          if (room.id === undefined) return;
          const used = repo.roomSeats(room.id);
          if (used.maxSeat !== null && used.maxSeat > room.capacity) {
            throw validationError([
              {
                path: `rooms.${i}.capacity`,
                message: `考场“${oldRooms.get(room.id)!.name}”已排到 ${used.maxSeat} 号座位，容量不能小于 ${used.maxSeat}；请先清除编排再缩小容量`,
              },
            ]);
          }
        });
        for (const [id, room] of oldRooms) {
          if (keptRooms.has(id)) continue;
          const used = repo.roomSeats(id).n;
          if (used > 0) {
            throw new CoreError(
              'CONFLICT',
              `考场“${room.name}”已安排 ${used} 名考生，不能删除；请先清除编排再删除考场。`,
            );
          }
          repo.deleteRoom(id);
        }
        const keptSessions = keptRows(input.sessions, oldSessions, (i) => ({
          path: `sessions.${i}.date`,
          message: `场次第 ${i + 1} 行不是本批次的场次，请刷新后重试`,
        }));
        for (const [id, session] of oldSessions) {
          if (keptSessions.has(id)) continue;
          const used = repo.sessionSeats(id);
          if (used > 0) {
            throw new CoreError(
              'CONFLICT',
              `${formatChineseDate(session.date)} ${session.start}–${session.end} 的场次已安排 ${used} 名考生，不能删除；请先清除编排再删除场次。`,
            );
          }
          repo.deleteSession(id);
        }
        repo.parkRoomNames(batchId);
        input.rooms.forEach((room, position) => {
          if (room.roomId !== null && !repo.trainingRoom(room.roomId)) {
            throw validationError([
              {
                path: `rooms.${position}.roomId`,
                message: `考场第 ${position + 1} 行的实训室不存在，可能已被删除`,
              },
            ]);
          }
          const values = {
            batchId,
            position,
            roomId: room.roomId,
            name: room.name,
            capacity: room.capacity,
          };
          repo.saveRoom(room.id, values);
        });
        input.sessions.forEach((session, position) => {
          const values = {
            batchId,
            position,
            date: session.date,
            start: session.start,
            end: session.end,
          };
          repo.saveSession(session.id, values);
        });
        saveSettings(
          batchId,
          { ticketPattern: input.ticketPattern, batchCode: input.batchCode },
          at,
        );
        // Room order, pattern and code go into the numbers.
        renumber(batchId, at);
      },
      input.confirmPrinted,
      true,
    );
  };

  const run = (input: ParsedInput<'arrangements.run'>) =>
    change(
      input.batchId,
      ({ at }) => {
        const placed = compute(input.batchId, input.mode, input.seed);
        repo.clearSeats(input.batchId, at);
        for (const c of placed) {
          if (c.seat === null) continue;
          repo.insertSeat({
            signupId: c.signupId,
            batchId: input.batchId,
            examRoomId: c.examRoomId!,
            sessionId: c.sessionId!,
            seat: c.seat,
          });
        }
        saveSettings(
          input.batchId,
          { mode: input.mode, seed: input.seed, arrangedAt: at, printedAt: null },
          at,
        );
        renumber(input.batchId, at);
      },
      input.confirmPrinted,
    );

  const move = (input: ParsedInput<'arrangements.move'>) => {
    const signup = mustExist(repo.signup(input.signupId), '报名记录', input.signupId, '请刷新');
    if (signup.status === 'withdrawn') {
      throw new CoreError('CONFLICT', '该考生的报名已撤销，不能安排座位。');
    }
    const { batchId } = signup;
    const room = repo.rooms(batchId).find((r) => r.id === input.examRoomId);
    const session = repo.sessions(batchId).find((s) => s.id === input.sessionId);
    if (!room || !session) {
      throw new CoreError('NOT_FOUND', '所选考场或场次不属于该考生的考核批次，请刷新后重试。');
    }
    if (input.seat > room.capacity) {
      throw validationError([
        {
          path: 'seat',
          message: `考场“${room.name}”只有 ${room.capacity} 个座位，座位号不能是 ${input.seat}`,
        },
      ]);
    }
    return change(
      batchId,
      ({ at }) => {
        const mine = repo.candidates(batchId).find((c) => c.signupId === input.signupId);
        const other = repo.occupant(room.id, session.id, input.seat);
        if (other === input.signupId) return;
        repo.deleteSeat(input.signupId, at);
        if (other !== null) {
          // Swap: the one sitting there takes the mover's old seat, or none.
          repo.deleteSeat(other, at);
          if (mine && mine.seat !== null) {
            repo.insertSeat({
              signupId: other,
              batchId,
              examRoomId: mine.examRoomId!,
              sessionId: mine.sessionId!,
              seat: mine.seat,
            });
          }
        }
        repo.insertSeat({
          signupId: input.signupId,
          batchId,
          examRoomId: room.id,
          sessionId: session.id,
          seat: input.seat,
        });
        renumber(batchId, at);
      },
      input.confirmPrinted,
    );
  };

  const clear = (input: ParsedInput<'arrangements.clear'>) =>
    change(
      input.batchId,
      ({ at }) => {
        repo.clearSeats(input.batchId, at);
        saveSettings(input.batchId, { arrangedAt: null, printedAt: null }, at);
      },
      input.confirmPrinted,
    );

  const documents = arrangementDocuments(ctx, (batchId) => planOf(batchId));
  const admissions = (input: { batchId: number; file: { fileName: string } }) => {
    mustBatch(input.batchId);
    return admissionImportDefinition(ctx, repo, input.batchId, input.file.fileName);
  };

  return {
    'arrangements.get': ({ batchId }) => planOf(batchId),
    'arrangements.setup': (input) => setup(input),
    'arrangements.preview': ({ batchId, mode, seed }) =>
      planOf(batchId, compute(batchId, mode, seed)),
    'arrangements.run': (input) => run(input),
    'arrangements.move': (input) => move(input),
    'arrangements.clear': (input) => clear(input),
    'arrangements.ticketsPdf': async ({ batchId, perPage }) => {
      const file = await documents.tickets(batchId, perPage);
      // When the tickets were printed: changing seats afterwards asks first.
      change(batchId, ({ at }) => saveSettings(batchId, { printedAt: at }, at));
      return file;
    },
    'arrangements.signInPdf': ({ batchId }) => documents.signIn(batchId),
    'arrangements.doorPdf': ({ batchId }) => documents.door(batchId),
    'arrangements.sheet': ({ batchId }) => documents.sheet(batchId),
    'arrangements.importPreview': (input) => previewImport(admissions(input), input, ctx),
    'arrangements.importCommit': (input) => {
      // The organization's numbers and seats replace printed ones: ask first.
      const notice = input.confirmPrinted ? null : printedNotice(planOf(input.batchId));
      if (notice) throw notice;
      return commitImport(admissions(input), input, ctx);
    },
    'arrangements.importProblems': (input) => problemRowsSheet(admissions(input), input, ctx),
    'arrangements.importTemplate': () =>
      importTemplate('准考证号导入模板.xlsx', '准考证号', admissionImportFields),
  };
}

/**
 * The saved rows an edited list keeps, by id. An id that is not one of the saved rows, or comes
 * twice, means the page showed stale rows: refuse the whole save at that row.
 */
function keptRows(
  rows: readonly { id?: number }[],
  saved: ReadonlyMap<number, unknown>,
  stale: (index: number) => FieldIssue,
): Set<number> {
  const kept = new Set<number>();
  rows.forEach(({ id }, i) => {
    if (id === undefined) return;
    if (!saved.has(id) || kept.has(id)) throw validationError([stale(i)]);
    kept.add(id);
  });
  return kept;
}

/** What printed tickets and sign-in sheets show of each seated candidate. */
function printedView(plan: ArrangementPlan): string {
  const room = new Map(plan.rooms.map((r) => [r.id, r.name]));
  const session = new Map(plan.sessions.map((s) => [s.id, `${s.date} ${s.start}-${s.end}`]));
  return plan.candidates
    .filter((c) => c.seat !== null)
    .map(
      (c) =>
        `${c.signupId} ${room.get(c.examRoomId!)} ${session.get(c.sessionId!)} ${c.seat} ${c.admissionNo}`,
    )
    .join('\n');
}

/** What the audit log keeps of an arrangement: settings, rooms, sessions, and each seat. */
function auditView(plan: ArrangementPlan) {
  const room = new Map(plan.rooms.map((r) => [r.id, r.name]));
  const session = new Map(plan.sessions.map((s) => [s.id, s.no]));
  return {
    mode: plan.mode,
    seed: plan.seed,
    ticketPattern: plan.ticketPattern,
    batchCode: plan.batchCode,
    printedAt: plan.printedAt,
    rooms: plan.rooms.map((r) => `${r.name}（${r.capacity}）`),
    sessions: plan.sessions.map((s) => `${s.date} ${s.start}-${s.end}`),
    seats: plan.candidates
      .filter((c) => c.seat !== null)
      .map(
        (c) =>
          `${c.studentNo} ${room.get(c.examRoomId!)} 第${session.get(c.sessionId!)}场 ${c.seat}号 ${c.admissionNo}`,
      ),
  };
}
