import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArrangementPlan } from '../../shared/contract/arrangements';
import type { TrainingRoom } from '../../shared/contract/rooms';
import { DATABASE_FILE } from '../../electron/core';
import { createTestCore, type TestCore } from '../harness/core';
import { pdfPages } from '../harness/documents';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { upload, xlsxBytes } from '../harness/sheets';
import { auditEntries, fails, ok, readRows } from '../harness/staff';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
let batchId: number;

beforeEach(async () => {
  t = createTestCore();
  seeded = await seedExamSchool(t.core, { students: 12 });
  batchId = (await createBatch(t.core, batchInput(seeded.certificate.id))).id;
  await ok(t, 'exams.signups.create', {
    batchId,
    studentIds: seeded.students.map((s) => s.id),
    confirm: true,
  });
});
afterEach(() => t.dispose());

const session = { date: '2020-11-15', start: '09:00', end: '11:00' };

async function setUp(capacities: number[], extra: Record<string, unknown> = {}) {
  return ok(t, 'arrangements.setup', {
    batchId,
    rooms: capacities.map((capacity, i) => ({ roomId: null, name: `第${i + 1}考场`, capacity })),
    sessions: [session],
    ticketPattern: '{批次}{考场}{座位}',
    batchCode: '2011',
    ...extra,
  });
}

const seats = (plan: ArrangementPlan) =>
  plan.candidates.map((c) => `${c.examRoomId}/${c.sessionId}/${c.seat}`);

const pdfText = (dir: string, name: string, base64: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return pdfPages(file).map((p) => p.lines.map((l) => l.text).join('\n'));
};

describe('考场编排 through the dispatcher', () => {
  it('refuses too few seats with how many are missing, saving nothing', async () => {
    await setUp([5, 5]);
    const error = await fails(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    expect(error.message).toContain('12 名考生，考场×场次共 10 个座位，还差 2 个座位');
    expect(readRows(t, 'SELECT * FROM exam_seats')).toEqual([]);
  });

  it('arranges by class, numbers tickets from the pattern, keeps issued numbers, and audits', async () => {
    const first = seeded.students[0];
    const signup = readRows<{ id: number }>(
      t,
      'SELECT id FROM signups WHERE student_id = ?',
      first.id,
    )[0];
    await setUp([8, 8]);
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 7 });
    expect(plan.seated).toBe(12);
    expect(new Set(seats(plan)).size).toBe(12);
    // 软件2001班 (6) and 其他2001班 (6) each in one room.
    for (const className of ['软件2001班', '其他2001班']) {
      const rooms = new Set(
        plan.candidates.filter((c) => c.className === className).map((c) => c.examRoomId),
      );
      expect(rooms.size).toBe(1);
    }
    const numbers = plan.candidates.map((c) => c.admissionNo);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.every((n) => /^20110[12]0[1-8]$/.test(n))).toBe(true);
    const stored = readRows<{ admission_no: string }>(
      t,
      'SELECT admission_no FROM signups WHERE id = ?',
      signup.id,
    )[0];
    expect(stored.admission_no).toBe(
      plan.candidates.find((c) => c.signupId === signup.id)?.admissionNo,
    );
    expect(auditEntries(t, 'exam_arrangement').map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('打乱 with the same seed gives the same seats; preview saves nothing', async () => {
    await setUp([6, 6]);
    const preview = await ok(t, 'arrangements.preview', { batchId, mode: 'mixed', seed: 99 });
    expect(readRows(t, 'SELECT * FROM exam_seats')).toEqual([]);
    const a = await ok(t, 'arrangements.run', { batchId, mode: 'mixed', seed: 99 });
    expect(seats(a)).toEqual(seats(preview));
    await ok(t, 'arrangements.clear', { batchId });
    const b = await ok(t, 'arrangements.run', { batchId, mode: 'mixed', seed: 99 });
    expect(seats(b)).toEqual(seats(a));
    expect(b.candidates.map((c) => c.admissionNo)).toEqual(a.candidates.map((c) => c.admissionNo));
  });

  it('never seats a withdrawn sign-up, and an issued number wins over the pattern', async () => {
    const ids = readRows<{ id: number }>(t, 'SELECT id FROM signups ORDER BY id').map((r) => r.id);
    await ok(t, 'exams.signups.setStatus', { ids: [ids[0]], status: 'withdrawn' });
    await setUp([11]);
    let plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    expect(plan.candidates.map((c) => c.signupId)).not.toContain(ids[0]);
    expect(plan.seated).toBe(11);
    // An issued number written as the results import does (a plain update of admission_no).
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.prepare("UPDATE signups SET admission_no = 'HB-0001' WHERE id = ?").run(ids[1]);
    db.close();
    plan = await ok(t, 'arrangements.run', { batchId, mode: 'mixed', seed: 3 });
    const issued = plan.candidates.find((c) => c.signupId === ids[1]);
    expect(issued).toMatchObject({ admissionNo: 'HB-0001', issued: true });
    await ok(t, 'arrangements.clear', { batchId });
    const kept = readRows<{ admission_no: string }>(
      t,
      'SELECT admission_no FROM signups WHERE id IN (?, ?) ORDER BY id',
      ids[1],
      ids[2],
    );
    expect(kept.map((r) => r.admission_no)).toEqual(['HB-0001', '']);
  });

  it('moves a candidate onto a taken seat by swapping, and asks before changing after printing', async () => {
    await setUp([12]);
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const [a, b] = plan.candidates.filter((c) => c.seat === 1 || c.seat === 2);
    const pdf = await ok(t, 'arrangements.ticketsPdf', { batchId, perPage: 4 });
    expect(pdf.fileName).toMatch(/^准考证_.*\.pdf$/);
    const move = {
      signupId: a.signupId,
      examRoomId: b.examRoomId,
      sessionId: b.sessionId,
      seat: b.seat,
    };
    const asked = await fails(t, 'arrangements.move', move);
    expect(asked.code).toBe('NEEDS_CONFIRMATION');
    expect(asked.message).toContain('准考证已于 2026年3月2日 打印');
    const moved = await ok(t, 'arrangements.move', { ...move, confirmPrinted: true });
    expect(moved.candidates.find((c) => c.signupId === a.signupId)?.seat).toBe(b.seat);
    expect(moved.candidates.find((c) => c.signupId === b.signupId)?.seat).toBe(a.seat);
    expect(moved.candidates.find((c) => c.signupId === a.signupId)?.admissionNo).toBe(
      b.admissionNo,
    );
  });

  it('withdrawing a seated sign-up frees its seat and generated 准考证号; an issued one stays', async () => {
    await setUp([12]);
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const [a, b] = plan.candidates;
    expect(a.admissionNo).not.toBe('');
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.prepare("UPDATE signups SET admission_no = 'ORG-9' WHERE id = ?").run(b.signupId);
    db.close();
    await ok(t, 'exams.signups.setStatus', { ids: [a.signupId, b.signupId], status: 'withdrawn' });
    const rows = readRows<{ id: number; admission_no: string }>(
      t,
      'SELECT id, admission_no FROM signups WHERE id IN (?, ?) ORDER BY id',
      a.signupId,
      b.signupId,
    );
    expect(rows.map((r) => r.admission_no)).toEqual(['', 'ORG-9']);
    expect(
      readRows(t, 'SELECT * FROM exam_seats WHERE signup_id IN (?, ?)', a.signupId, b.signupId),
    ).toEqual([]);
    const after = await ok(t, 'arrangements.get', { batchId });
    expect(after.seated).toBe(10);
    // Withdrawn through the result dialog: the same seat and number go.
    const c = plan.candidates[2];
    await ok(t, 'exams.signups.saveResult', { id: c.signupId, status: 'withdrawn' });
    expect(readRows(t, 'SELECT * FROM exam_seats WHERE signup_id = ?', c.signupId)).toEqual([]);
    expect(
      readRows<{ admission_no: string }>(
        t,
        'SELECT admission_no FROM signups WHERE id = ?',
        c.signupId,
      ),
    ).toEqual([{ admission_no: '' }]);
    expect((await ok(t, 'arrangements.get', { batchId })).seated).toBe(9);
    // Signed up again: no seat and no number until the batch is arranged again.
    await ok(t, 'exams.signups.create', { batchId, studentIds: [a.studentId], confirm: true });
    const again = await ok(t, 'arrangements.get', { batchId });
    expect(again.candidates.find((c) => c.signupId === a.signupId)).toMatchObject({
      seat: null,
      admissionNo: '',
    });
  });

  it('asks before importing 准考证号 or changing rooms and pattern after printing', async () => {
    await setUp([12]);
    await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    await ok(t, 'arrangements.ticketsPdf', { batchId, perPage: 2 });
    const [a] = seeded.students;
    const file = upload(
      '准考证号.xlsx',
      await xlsxBytes({
        rows: [
          ['准考证号', '身份证号', '姓名'],
          ['HB-1', a.idNumber, a.name],
        ],
      }),
    );
    const asked = await fails(t, 'arrangements.importCommit', { batchId, file });
    expect(asked.code).toBe('NEEDS_CONFIRMATION');
    expect(asked.message).toContain('准考证已于 2026年3月2日 打印');
    const before = await ok(t, 'arrangements.get', { batchId });
    expect(before.candidates.find((c) => c.studentId === a.id)?.admissionNo).not.toBe('HB-1');
    await ok(t, 'arrangements.importCommit', { batchId, file, confirmPrinted: true });
    const imported = await ok(t, 'arrangements.get', { batchId });
    expect(imported.candidates.find((c) => c.studentId === a.id)?.admissionNo).toBe('HB-1');
    // A new pattern renumbers printed tickets: asks, and nothing changes until confirmed.
    const setup = {
      batchId,
      rooms: imported.rooms.map(({ id, roomId, name, capacity }) => ({
        id,
        roomId,
        name,
        capacity,
      })),
      sessions: imported.sessions.map(({ id, date, start, end }) => ({ id, date, start, end })),
      ticketPattern: '{批次}{序号:4}',
      batchCode: '2011',
    };
    const renumber = await fails(t, 'arrangements.setup', setup);
    expect(renumber.code).toBe('NEEDS_CONFIRMATION');
    expect((await ok(t, 'arrangements.get', { batchId })).ticketPattern).toBe('{批次}{考场}{座位}');
    await ok(t, 'arrangements.setup', { ...setup, confirmPrinted: true });
    // A change the printed papers do not show (another session, empty) saves without asking.
    const extra = await ok(t, 'arrangements.setup', {
      ...setup,
      sessions: [...setup.sessions, { date: '2020-11-15', start: '14:00', end: '16:00' }],
    });
    expect(extra.sessions).toHaveLength(2);
  });

  it('takes a session time as typed (9:00, 9：00) and names a bad one', async () => {
    const plan = await setUp([12], {
      sessions: [{ date: '2020-11-15', start: '9:00', end: '11：30' }],
    });
    expect(plan.sessions.map((s) => `${s.start}-${s.end}`)).toEqual(['09:00-11:30']);
    const bad = await fails(t, 'arrangements.setup', {
      batchId,
      rooms: [],
      sessions: [{ date: '2020-11-15', start: '25:00', end: '11:00' }],
      ticketPattern: '{批次}{座位}',
    });
    expect(bad.message).toContain('开始时间应为 时:分，例如 09:00');
  });

  it('defaults a room to its 实训室, refuses to drop a room with seats and a bad pattern', async () => {
    const rooms = await ok(t, 'rooms.list', {});
    const room: TrainingRoom = rooms[0];
    await ok(t, 'arrangements.setup', {
      batchId,
      rooms: [{ roomId: room.id, name: room.name, capacity: 12 }],
      sessions: [session],
      ticketPattern: '{批次}{座位}',
      batchCode: 'A',
    });
    await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const dropped = await fails(t, 'arrangements.setup', {
      batchId,
      rooms: [],
      sessions: [session],
      ticketPattern: '{批次}{座位}',
    });
    expect(dropped.message).toContain(`考场“${room.name}”已安排 12 名考生，不能删除`);
    const bad = await fails(t, 'arrangements.setup', {
      batchId,
      rooms: [],
      sessions: [],
      ticketPattern: '{房间}',
    });
    expect(bad.message).toContain('“{房间}”无法识别');
  });

  it('prints tickets, sign-in sheets and door lists with the names and seats, and the sheet', async () => {
    await setUp([6, 6]);
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const dir = t.dataDir;
    const tickets = pdfText(
      dir,
      't.pdf',
      (await ok(t, 'arrangements.ticketsPdf', { batchId, perPage: 2 })).contentBase64,
    );
    expect(tickets).toHaveLength(6);
    const all = tickets.join('\n');
    for (const c of plan.candidates) {
      expect(all).toContain(c.name);
      expect(all).toContain(c.admissionNo);
    }
    expect(all).toContain('4201**********');
    expect(all).toContain('考生须知');
    const signIn = pdfText(
      dir,
      's.pdf',
      (await ok(t, 'arrangements.signInPdf', { batchId })).contentBase64,
    );
    expect(signIn).toHaveLength(2);
    expect(signIn[0]).toContain('考场签到表');
    expect(signIn[0]).toContain('考生签名');
    const door = pdfText(
      dir,
      'd.pdf',
      (await ok(t, 'arrangements.doorPdf', { batchId })).contentBase64,
    );
    expect(door[0]).toContain('第1考场');
    expect(door[0]).toContain('1学生7');
    const sheet = await ok(t, 'arrangements.sheet', { batchId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考场安排')!;
    expect(ws.getRow(3).values).toContain('准考证号');
    expect(ws.rowCount).toBe(3 + 12);
    expect(String(ws.getRow(4).getCell(5).value)).toBe(
      plan.candidates.find((c) => c.seat === 1 && c.examRoomId === plan.rooms[0].id)?.admissionNo,
    );
  });

  it('prints a sign-in sheet per room and session; tickets name the level, the session and the place as it is called now', async () => {
    // The batch held in the school's 实训室 (not an approved exam site: confirmed), renamed later.
    const room: TrainingRoom = (await ok(t, 'rooms.list', {}))[0];
    await ok(t, 'exams.batches.save', {
      ...batchInput(seeded.certificate.id),
      id: batchId,
      roomId: room.id,
      siteText: '',
      confirm: true,
    });
    const { id, areaM2, workstations } = room;
    await ok(t, 'rooms.save', {
      id,
      name: '软件开发实训室（新楼）',
      areaM2,
      workstations,
      equipment: [],
    });
    const afternoon = { date: '2020-11-15', start: '14:00', end: '16:00' };
    await setUp([3, 3], {
      sessions: [session, afternoon],
      ticketPattern: '{批次}{场次}{考场}{座位}',
    });
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    expect(plan.seated).toBe(12);

    const signIn = pdfText(
      t.dataDir,
      's.pdf',
      (await ok(t, 'arrangements.signInPdf', { batchId })).contentBase64,
    );
    // 2 rooms × 2 sessions: four sheets, each naming its room and session and listing its three.
    expect(signIn).toHaveLength(4);
    const sheets = [
      ['第1考场', '09:00–11:00'],
      ['第1考场', '14:00–16:00'],
      ['第2考场', '09:00–11:00'],
      ['第2考场', '14:00–16:00'],
    ];
    for (const [roomName, time] of sheets) {
      const sheet = signIn.filter((p) => p.includes(roomName) && p.includes(time));
      expect(sheet).toHaveLength(1);
      expect(sheet[0]).toContain('地点：软件开发实训室（新楼）');
      const r = plan.rooms.find((x) => x.name === roomName)!;
      const s = plan.sessions.find((x) => x.start === time.slice(0, 5))!;
      const names = plan.candidates
        .filter((c) => c.examRoomId === r.id && c.sessionId === s.id)
        .map((c) => c.name);
      expect(names).toHaveLength(3);
      for (const n of names) expect(sheet[0]).toContain(n);
    }

    const tickets = pdfText(
      t.dataDir,
      't.pdf',
      (await ok(t, 'arrangements.ticketsPdf', { batchId, perPage: 1 })).contentBase64,
    );
    expect(tickets).toHaveLength(12);
    const late = plan.candidates.find((c) => c.sessionId === plan.sessions[1].id)!;
    const ticket = tickets.find((p) => p.includes(late.admissionNo))!;
    expect(ticket).toContain('Web前端开发职业技能等级证书（初级）');
    expect(ticket).toContain('考试时间2020年11月15日14:00–16:00');
    expect(ticket).toContain('考试地点软件开发实训室（新楼）');
  });

  it("imports the organization's 准考证号, which then win over the pattern, all or nothing", async () => {
    await setUp([12]);
    await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const [a, b] = seeded.students;
    const bytes = await xlsxBytes({
      rows: [
        ['准考证号', '身份证号', '学号', '姓名'],
        ['HB2020-001', a.idNumber, '', a.name],
        ['HB2020-002', '', b.studentNo, b.name],
        ['HB2020-003', '', '2099999999', '无此人'],
      ],
    });
    const file = upload('准考证号.xlsx', bytes);
    const preview = await ok(t, 'arrangements.importPreview', { batchId, file });
    expect(preview.summary).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    const refused = await fails(t, 'arrangements.importCommit', { batchId, file });
    expect(refused.message).toContain('1 行有错误');
    const done = await ok(t, 'arrangements.importCommit', { batchId, file, skipInvalid: true });
    expect(done).toMatchObject({ total: 2, created: 2, updated: 0 });
    const plan = await ok(t, 'arrangements.get', { batchId });
    const of = (studentId: number) => plan.candidates.find((c) => c.studentId === studentId)!;
    expect(of(a.id)).toMatchObject({ admissionNo: 'HB2020-001', issued: true });
    expect(of(b.id)).toMatchObject({ admissionNo: 'HB2020-002', issued: true });
    // The same list again: its rows change nothing, and the preview and the result say so.
    const same = await ok(t, 'arrangements.importPreview', { batchId, file });
    expect(same.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', null]);
    expect(
      await ok(t, 'arrangements.importCommit', { batchId, file, skipInvalid: true }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    // A rearrangement keeps them; clearing keeps them too.
    const again = await ok(t, 'arrangements.run', { batchId, mode: 'mixed', seed: 5 });
    expect(again.candidates.find((c) => c.studentId === a.id)?.admissionNo).toBe('HB2020-001');
    await ok(t, 'arrangements.clear', { batchId });
    const cleared = await ok(t, 'arrangements.get', { batchId });
    expect(
      cleared.candidates.filter((c) => c.admissionNo !== '').map((c) => c.admissionNo),
    ).toEqual(['HB2020-001', 'HB2020-002']);
    // A later list giving 学生1's number to someone else is refused for that row.
    const c = seeded.students[2];
    const clash = upload(
      '准考证号（更正）.xlsx',
      await xlsxBytes({
        rows: [
          ['准考证号', '身份证号', '姓名'],
          ['HB2020-001', c.idNumber, c.name],
        ],
      }),
    );
    const refusedRow = await ok(t, 'arrangements.importPreview', { batchId, file: clash });
    expect(refusedRow.summary).toMatchObject({ total: 1, valid: 0, invalid: 1 });
    expect(refusedRow.groups.flatMap((g) => g.problems.map((p) => p.message))).toEqual([
      `第 2 行“准考证号”列：准考证号“HB2020-001”已是 ${a.name}（学号 ${a.studentNo}）的准考证号`,
    ]);
  });

  it('imports seats with the numbers: swaps work, a seat named twice or off the room is refused', async () => {
    await setUp([6, 6]);
    const plan = await ok(t, 'arrangements.run', { batchId, mode: 'class', seed: 1 });
    const [room1, room2] = plan.rooms;
    const at = (roomId: number, seat: number) =>
      plan.candidates.find((c) => c.examRoomId === roomId && c.seat === seat)!;
    const x = at(room1.id, 1);
    const y = at(room2.id, 1);
    const bad = upload(
      'bad.xlsx',
      await xlsxBytes({
        rows: [
          ['准考证号', '学号', '姓名', '考场号', '座位号'],
          ['ORG-1', x.studentNo, x.name, '2', '1'],
          ['ORG-2', y.studentNo, y.name, '2', '1'],
          ['ORG-3', at(room1.id, 2).studentNo, at(room1.id, 2).name, '第9考场', '1'],
          ['ORG-4', at(room1.id, 3).studentNo, at(room1.id, 3).name, room1.name, '7'],
        ],
      }),
    );
    const preview = await ok(t, 'arrangements.importPreview', { batchId, file: bad });
    const reasons = preview.groups.flatMap((g) => g.problems.map((p) => p.message));
    expect(reasons.join('\n')).toContain('与第 2 行是同一个座位');
    expect(reasons.join('\n')).toContain('本批次没有考场“第9考场”');
    expect(reasons.join('\n')).toContain('座位号应为 1–6 的整数');
    // The two swap rooms through the list.
    const swap = upload(
      'swap.xlsx',
      await xlsxBytes({
        rows: [
          ['准考证号', '学号', '姓名', '考场', '座位号'],
          ['ORG-1', x.studentNo, x.name, room2.name, '1'],
          ['ORG-2', y.studentNo, y.name, '1', '1'],
        ],
      }),
    );
    await ok(t, 'arrangements.importCommit', { batchId, file: swap });
    const after = await ok(t, 'arrangements.get', { batchId });
    expect(after.candidates.find((c) => c.signupId === x.signupId)).toMatchObject({
      examRoomId: room2.id,
      seat: 1,
      admissionNo: 'ORG-1',
      issued: true,
    });
    expect(after.candidates.find((c) => c.signupId === y.signupId)).toMatchObject({
      examRoomId: room1.id,
      seat: 1,
      admissionNo: 'ORG-2',
    });
    expect(after.seated).toBe(12);
  });
});
