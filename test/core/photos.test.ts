import Database from 'better-sqlite3';
import { imageSize } from 'image-size';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { readOwnZip, writeZip } from '../../electron/core/io/zip';
import { photoForStudent } from '../../electron/core/modules/photos/store';
import type { ExamBatch } from '../../shared/contract/exams';
import type { PhotoFileReport } from '../../shared/contract/photos';
import { createTestCore, type TestCore } from '../harness/core';
import { type seedExamSchool, seedSignedUpBatch } from '../harness/exams';
import { pdfImages, pdfPages } from '../harness/documents';
import { makeDocx, makePdf } from '../harness/files';
import { makeJpeg, makePng } from '../harness/photos';
import { loadWorkbook, sheetTable, upload } from '../harness/sheets';
import { auditEntries, fails, ok, readRows } from '../harness/staff';
import { residentId } from '../harness/students';
import { downloaded } from '../harness/downloads';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
let batch: ExamBatch;

const studentNo = (i: number) => `2020${String(i).padStart(6, '0')}`;
const idOf = (i: number) => residentId('20040301', i);

/** 学生1…学生6 signed up for the batch (organization 工业和信息化部教育与考试中心). */
beforeEach(async () => {
  t = createTestCore();
  ({ seeded, batch } = await seedSignedUpBatch(t.core, 6));
});
afterEach(() => t.dispose());

const good = () => makeJpeg(295, 413, 80);
const byFile = (files: PhotoFileReport[]) => Object.fromEntries(files.map((f) => [f.fileName, f]));

describe('candidate photos', () => {
  it('makes real files of every kind the test needs', () => {
    expect(imageSize(good())).toMatchObject({ type: 'jpg', width: 295, height: 413 });
    expect(good().length).toBeGreaterThan(79 * 1024);
    expect(makeJpeg(295, 413).length).toBeLessThan(40 * 1024);
    const png = makePng(300, 420, 80);
    expect(imageSize(png)).toMatchObject({ type: 'png', width: 300, height: 420 });
    expect(png.length).toBeGreaterThan(40 * 1024);
    expect(png.length).toBeLessThan(200 * 1024);
  });

  it('checks each file by its content, size, pixels and shape, and matches it by 身份证号 or 学号', async () => {
    const files = [
      upload(`学生1_${idOf(1)}.jpg`, good()),
      // A PNG, named by 学号.
      upload(`${studentNo(2)}.png`, makePng(300, 420, 80)),
      // Too small in bytes.
      upload(`${idOf(3)}.jpg`, makeJpeg(295, 413)),
      // Too small in pixels.
      upload(`${studentNo(4)}-学生4.jpg`, makeJpeg(200, 280, 60)),
      // Landscape.
      upload(`${idOf(5).toLowerCase()}.jpg`, makeJpeg(600, 450, 90)),
      // A .jpg that is really a text file.
      upload(`${studentNo(6)}.jpg`, Buffer.from('这不是照片，是一段文字。'.repeat(100))),
      // Nobody of this batch in the name.
      upload('张三.jpg', good()),
    ];
    const report = await ok(t, 'photos.import', { batchId: batch.id, files });
    expect(report.rules).toMatchObject({ minKb: 40, maxKb: 200, minWidth: 295, minHeight: 413 });
    const f = byFile(report.files);
    expect(f[`学生1_${idOf(1)}.jpg`]).toMatchObject({
      studentNo: studentNo(1),
      outcome: 'ready',
      problems: [],
      width: 295,
      height: 413,
    });
    expect(f[`${studentNo(2)}.png`]).toMatchObject({ name: '学生2', outcome: 'ready' });
    expect(f[`${idOf(3)}.jpg`].problems).toEqual([
      expect.stringMatching(/^文件过小：\d+(\.\d)? KB，要求 40–200 KB$/),
    ]);
    expect(f[`${studentNo(4)}-学生4.jpg`].problems).toEqual([
      '像素过小：200×280，至少 295×413（宽×高）',
    ]);
    expect(f[`${idOf(5).toLowerCase()}.jpg`]).toMatchObject({
      name: '学生5',
      problems: ['不是竖版照片：600×450，证件照应高大于宽'],
    });
    expect(f[`${studentNo(6)}.jpg`].problems).toEqual([
      '不是 JPEG 或 PNG 图片（按文件内容识别：文本或无法识别的内容）',
    ]);
    expect(f['张三.jpg']).toMatchObject({
      outcome: 'rejected',
      problems: ['文件名中没有本批次考生的身份证号或学号，无法确定是哪位考生'],
    });
    // Checking stores nothing.
    expect(report.imported).toBe(0);
    expect(readRows(t, 'SELECT * FROM student_photos')).toEqual([]);

    const committed = await ok(t, 'photos.import', { batchId: batch.id, files, commit: true });
    expect(committed).toMatchObject({ imported: 2, candidates: 6, missing: 4 });
    const status = await ok(t, 'photos.status', { batchId: batch.id });
    expect(status.missing.map((m) => m.name)).toEqual(['学生3', '学生4', '学生5', '学生6']);
  });

  it('names each fault of a PNG and refuses a cut-off PNG or JPEG whose header still reads', async () => {
    const png = makePng(300, 420, 200);
    const jpg = good();
    const cut = (b: Buffer, share: number) => b.subarray(0, Math.floor(b.length * share));
    const files = [
      upload(`${studentNo(1)}.png`, cut(png, 0.9)),
      upload(`${studentNo(2)}.jpg`, cut(jpg, 0.98)),
      upload(`${studentNo(3)}.png`, makePng(200, 280, 280)),
      upload(`${studentNo(4)}.png`, makePng(600, 450, 60)),
      upload(`${studentNo(5)}.png`, makePng(600, 800, 400)),
      upload(`${studentNo(6)}.png`, png),
    ];
    // The cut files keep a header that names their type and pixel size.
    expect(imageSize(cut(png, 0.9))).toMatchObject({ type: 'png', width: 300, height: 420 });
    expect(imageSize(cut(jpg, 0.98))).toMatchObject({ type: 'jpg', width: 295, height: 413 });
    const report = await ok(t, 'photos.import', { batchId: batch.id, files, commit: true });
    const damaged = '图片数据不完整或已损坏：无法完整显示，也无法印在准考证上';
    expect(report.files.map((f) => [f.name, f.outcome, f.problems])).toEqual([
      ['学生1', 'rejected', [damaged]],
      ['学生2', 'rejected', [damaged]],
      ['学生3', 'rejected', ['像素过小：200×280，至少 295×413（宽×高）']],
      ['学生4', 'rejected', ['不是竖版照片：600×450，证件照应高大于宽']],
      ['学生5', 'rejected', [expect.stringMatching(/^文件过大：\d+ KB，要求 40–200 KB$/)]],
      ['学生6', 'ready', []],
    ]);
    expect(report.imported).toBe(1);
    expect(readRows(t, 'SELECT count(*) AS n FROM student_photos')).toEqual([{ n: 1 }]);
    // The one stored photo prints: the tickets PDF is made and holds one picture.
    await ok(t, 'arrangements.setup', {
      batchId: batch.id,
      rooms: [{ roomId: null, name: '第1考场', capacity: 6 }],
      sessions: [{ date: '2020-11-15', start: '09:00', end: '11:00' }],
      ticketPattern: '{批次}{考场}{座位}',
      batchCode: '2011',
    });
    await ok(t, 'arrangements.run', { batchId: batch.id, mode: 'class', seed: 1 });
    const pdf = await ok(t, 'arrangements.ticketsPdf', { batchId: batch.id, perPage: 2 });
    const file = path.join(t.dataDir, 'tickets.pdf');
    writeFileSync(file, Buffer.from(pdf.contentBase64, 'base64'));
    const page = pdfPages(file).findIndex((p) => p.lines.some((l) => l.text.includes('学生6'))) + 1;
    expect(page).toBeGreaterThan(0);
    expect(pdfImages(file)).toEqual([{ page, width: 300, height: 420 }]);
  });

  it('reads a zip (a folder’s photos), replaces a photo, and gives it to the student page and the tickets', async () => {
    const zip = await writeZip([
      { name: `照片/学生1_${idOf(1)}.jpg`, data: good() },
      { name: `照片/${studentNo(2)}.png`, data: makePng(300, 420, 80) },
      { name: '__MACOSX/照片/._x.jpg', data: Buffer.from('metadata') },
    ]);
    const report = await ok(t, 'photos.import', {
      batchId: batch.id,
      files: [upload('照片.zip', zip)],
      commit: true,
    });
    expect(report.files.map((f) => [f.fileName, f.outcome])).toEqual([
      [`照片.zip/照片/学生1_${idOf(1)}.jpg`, 'ready'],
      [`照片.zip/照片/${studentNo(2)}.png`, 'ready'],
    ]);
    const first = seeded.students[0].id;
    const shown = await ok(t, 'photos.get', { studentId: first });
    expect(shown).toMatchObject({ mime: 'image/jpeg', width: 295, height: 413 });
    expect(Buffer.from(shown!.contentBase64, 'base64').equals(good())).toBe(true);
    expect(await ok(t, 'photos.get', { studentId: seeded.students[5].id })).toBeNull();

    // A new photo replaces the old one; its content goes when nothing names it.
    const newer = makeJpeg(330, 450, 70);
    const again = await ok(t, 'photos.import', {
      batchId: batch.id,
      files: [
        upload(`${idOf(1)}.jpg`, newer),
        upload(`${studentNo(2)}.png`, makePng(300, 420, 80)),
      ],
      commit: true,
    });
    expect(again.files.map((f) => f.outcome)).toEqual(['replaces', 'unchanged']);
    expect(readRows(t, 'SELECT count(*) AS n FROM attachments')).toEqual([{ n: 2 }]);
    // Every stored photo in the audit log: two created, one replaced.
    const audit = auditEntries<{ sourceName: string }>(t, 'student_photo');
    expect(audit.map((e) => [e.action, e.before?.sourceName ?? null, e.after?.sourceName])).toEqual(
      [
        ['create', null, `照片.zip/照片/学生1_${idOf(1)}.jpg`],
        ['create', null, `照片.zip/照片/${studentNo(2)}.png`],
        ['update', `照片.zip/照片/学生1_${idOf(1)}.jpg`, `${idOf(1)}.jpg`],
      ],
    );

    const db = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const photo = photoForStudent(db, first);
      expect(photo).toMatchObject({ ext: 'jpg', width: 330, height: 450 });
      expect(photo!.bytes.equals(newer)).toBe(true);
      expect(photoForStudent(db, seeded.students[5].id)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('follows the organization’s own rules once recorded, and refuses rules that cannot work', async () => {
    await ok(t, 'photos.saveRules', {
      organization: batch.organization,
      minKb: 20,
      maxKb: 50,
      minWidth: 358,
      minHeight: 441,
      namePattern: '{学号}_{姓名}',
    });
    const report = await ok(t, 'photos.import', {
      batchId: batch.id,
      files: [upload(`${idOf(1)}.jpg`, good())],
    });
    expect(report.rules).toMatchObject({ organization: batch.organization, own: true });
    expect(auditEntries(t, 'photo_rules').map((e) => [e.entityId, e.action])).toEqual([
      [batch.organization, 'create'],
    ]);
    expect(report.files[0].problems).toEqual([
      expect.stringMatching(/^文件过大：\d+ KB，要求 20–50 KB$/),
      '像素过小：295×413，至少 358×441（宽×高）',
    ]);
    const error = await fails(t, 'photos.saveRules', {
      organization: '',
      minKb: 50,
      maxKb: 40,
      minWidth: 0,
      minHeight: 0,
      namePattern: '照片',
    });
    expect(error.message).toContain('文件大小上限应大于下限');
    expect(error.message).toContain('命名规则至少要包含 {姓名}、{身份证号}、{学号} 之一');
  });

  it('exports the photos named by the pattern with the list of who is still missing one', async () => {
    await ok(t, 'photos.import', {
      batchId: batch.id,
      files: [
        upload(`${idOf(1)}.jpg`, good()),
        upload(`${studentNo(2)}.png`, makePng(300, 420, 80)),
      ],
      commit: true,
    });
    const file = await ok(t, 'photos.export', { batchId: batch.id });
    expect(file.fileName).toBe('Web前端开发 初级 · 2020年11月15日 第一批 考生照片.zip');
    const entries = await readOwnZip(downloaded(t.core, file));
    expect(entries.map((e) => e.name)).toEqual([
      `学生1_${idOf(1)}.jpg`,
      `学生2_${idOf(2)}.png`,
      '缺少照片名单.xlsx',
    ]);
    expect(entries[0].data.equals(good())).toBe(true);
    const wb = await loadWorkbook(entries[2].data);
    const ws = wb.getWorksheet('缺少照片')!;
    expect(String(ws.getCell('A1').value)).toContain('缺少照片名单（共 6 名考生，缺 4 人）');
    const { rows } = sheetTable(ws);
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual(
      [3, 4, 5, 6].map((i) => [studentNo(i), `学生${i}`, idOf(i)]),
    );
  });

  it('refuses to export a batch without any photo, saying what to do', async () => {
    const error = await fails(t, 'photos.export', { batchId: batch.id });
    expect(error.message).toBe('本批次 6 名考生都还没有照片，没有可导出的照片。请先导入照片。');
  });
});

describe('other papers of a candidate (其他材料)', () => {
  it('keeps each candidate’s 申请表, ID scan and 在读证明 and lists who is missing what', async () => {
    const page = await ok(t, 'exams.signups.list', { batchId: batch.id, pageSize: 100 });
    const signupOf = (i: number) => page.items.find((s) => s.studentNo === studentNo(i))!.id;
    const empty = await ok(t, 'photos.documents', { batchId: batch.id });
    expect(empty.missing).toEqual({ application_form: 6, id_scan: 6, enrolment_proof: 6 });

    await ok(t, 'photos.saveDocument', {
      signupId: signupOf(1),
      kind: 'application_form',
      file: upload('学生1申请表.pdf', makePdf('申请表')),
    });
    const row = await ok(t, 'photos.saveDocument', {
      signupId: signupOf(1),
      kind: 'id_scan',
      file: upload('学生1身份证.jpg', makeJpeg(600, 400, 50)),
    });
    expect(Object.keys(row.documents).sort()).toEqual(['application_form', 'id_scan']);
    // A Word file is no scan: refused, with what it is and what is wanted.
    const refused = await fails(t, 'photos.saveDocument', {
      signupId: signupOf(2),
      kind: 'enrolment_proof',
      file: upload('在读证明.docx', makeDocx('在读证明')),
    });
    expect(refused.message).toContain('在读证明应为 PDF、JPEG 或 PNG');

    const list = await ok(t, 'photos.documents', { batchId: batch.id });
    expect(list.missing).toEqual({ application_form: 5, id_scan: 5, enrolment_proof: 6 });
    expect(list.rows[0]).toMatchObject({
      studentNo: studentNo(1),
      documents: { application_form: { name: '学生1申请表.pdf', ext: 'pdf' } },
    });
    const file = await ok(t, 'photos.getDocument', {
      signupId: signupOf(1),
      kind: 'application_form',
    });
    expect(file).toMatchObject({ fileName: '学生1申请表.pdf', mime: 'application/pdf' });
    expect(Buffer.from(file.contentBase64, 'base64').equals(makePdf('申请表'))).toBe(true);

    await ok(t, 'photos.removeDocument', { signupId: signupOf(1), kind: 'application_form' });
    const after = await ok(t, 'photos.documents', { batchId: batch.id });
    expect(after.missing.application_form).toBe(6);
    expect(auditEntries(t, 'signup_document').map((e) => e.action)).toEqual([
      'create',
      'create',
      'delete',
    ]);
    const missing = await fails(t, 'photos.getDocument', {
      signupId: signupOf(1),
      kind: 'application_form',
    });
    expect(missing.message).toBe('学生1（学号 2020000001）还没有上传职业技能等级证书申请表。');
  });
});
