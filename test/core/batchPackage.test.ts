import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SignupPage } from '../../shared/contract/exams';
import type {
  PackageBuildResult,
  PackageManifest,
  PackageVerifyReport,
} from '../../shared/contract/package';
import type { ProgressEvent } from '../../shared/contract/events';
import { payerLabels, signupStatusLabels } from '../../shared/domain/fees';
import { readOwnZip } from '../../electron/core/io/zip';
import { sha256Hex as sha256 } from '../../electron/core/io/checksum';
import { examSchoolPerTest } from '../harness/examSchoolPerTest';
import { signUp, type DataCall } from '../harness/fees';
import { makeZip } from '../harness/files';
import { staged } from '../harness/uploads';
import { call } from '../harness/seed';
import { loadWorkbook, sheetTable, uploadSheetHeader } from '../harness/sheets';
import { downloaded } from '../harness/downloads';

const ctx = examSchoolPerTest('2026-03-02T08:00:00Z', 6);
let batchId: number;
let dataCall: DataCall;

const EXPECTED_NAME = '湖北示例职业技术学院_Web前端开发初级_20201115_第一批_考核报名材料.zip';

beforeEach(async () => {
  dataCall = (name, input) => call(ctx.t.core, name as never, input);
  const student = (i: number) => ctx.seeded.students[i].id;
  // Students 1–5 sign up (2 subsidy-paid, 1 paying a second certificate himself); 6 does not.
  const signed = await signUp(
    dataCall,
    [
      {
        certificateId: ctx.seeded.certificate.id,
        level: 'junior',
        examDate: '2020-11-15',
        fee: 480,
        name: '第一批',
      },
    ],
    [
      { student: student(0), batch: 0 },
      { student: student(1), batch: 0, payer: 'subsidy' },
      { student: student(2), batch: 0, payer: 'subsidy' },
      { student: student(3), batch: 0 },
      { student: student(4), batch: 0 },
    ],
  );
  batchId = signed.batchIds[0];
  // Student 4 withdraws: listed in the fee sheet as 已撤销, left out of the upload sheet.
  await call(ctx.t.core, 'exams.signups.setStatus', {
    ids: [signed.signupId(student(3), 0)],
    status: 'withdrawn',
  });
});

const build = async (input: Record<string, unknown> = { batchId }) =>
  call<PackageBuildResult>(ctx.t.core, 'package.buildBatch', input);

const verify = async (bytes: Buffer, fileName = 'x.zip') =>
  call<PackageVerifyReport>(
    ctx.t.core,
    'package.verify',
    await staged(ctx.t.core, fileName, bytes),
  );

const entriesOf = async (bytes: Buffer) =>
  new Map((await readOwnZip(bytes)).map((e) => [e.name, e.data]));

/** A worksheet's rows as plain values (row 1 is the header). */
async function rowsOf(bytes: Buffer): Promise<unknown[][]> {
  const wb = await loadWorkbook(bytes);
  const { header, rows } = sheetTable(wb.worksheets[0]);
  return [header, ...rows].map((r) => r.map((v) => v ?? ''));
}

describe('考核报名材料包 (package.buildBatch)', () => {
  it('zips both sheets and a batch manifest; the sheets match the database', async () => {
    const result = await build();
    expect(result.fileName).toBe(EXPECTED_NAME);
    expect(result.savedAs).toBe(`exports/${EXPECTED_NAME}`);
    expect(result.draft).toBe(false);
    const bytes = downloaded(ctx.t.core, result);
    expect(readFileSync(path.join(ctx.t.dataDir, 'exports', EXPECTED_NAME))).toEqual(bytes);
    expect(readdirSync(path.join(ctx.t.dataDir, 'exports'))).toEqual([EXPECTED_NAME]);

    const files = await entriesOf(bytes);
    // Byte order of the UTF-8 names: manifest.json, 考生信息上传表.xlsx, 费用明细表.xlsx.
    expect([...files.keys()]).toEqual(['manifest.json', '考生信息上传表.xlsx', '费用明细表.xlsx']);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as PackageManifest;
    expect(manifest).toEqual(result.manifest);
    expect(manifest).toMatchObject({
      formatVersion: 1,
      appVersion: '0.0.0-test',
      createdAt: '2026-03-02T08:00:00.000Z',
      kind: 'batch',
      draft: false,
      school: { name: '湖北示例职业技术学院', code: '4142012345' },
      projects: [],
      batch: {
        id: batchId,
        certificateName: 'Web前端开发',
        level: 'junior',
        levelLabel: '初级',
        name: '第一批',
        examDate: '2020-11-15',
        signups: 4,
      },
    });
    expect(manifest.files).toEqual(
      ['考生信息上传表.xlsx', '费用明细表.xlsx'].map((name) => ({
        path: name,
        size: files.get(name)!.length,
        sha256: sha256(files.get(name)!),
      })),
    );

    // What the database holds for the batch, through the handlers.
    const page = await call<SignupPage>(ctx.t.core, 'exams.signups.list', {
      batchId,
      pageSize: 200,
    });
    const byNo = [...page.items].sort((a, b) => a.studentNo.localeCompare(b.studentNo));
    const student = (no: string) => ctx.seeded.students.find((s) => s.studentNo === no)!;
    expect(byNo.map((s) => s.status)).toEqual([
      'registered',
      'registered',
      'registered',
      'withdrawn',
      'registered',
    ]);

    const upload = await rowsOf(files.get('考生信息上传表.xlsx')!);
    expect(upload[0]).toEqual(uploadSheetHeader);
    const live = byNo.filter((s) => s.status !== 'withdrawn');
    expect(upload.slice(1)).toEqual(
      live.map((s) => [
        s.name,
        student(s.studentNo).gender === 'male' ? '男' : '女',
        '居民身份证',
        student(s.studentNo).idNumber,
        s.studentNo,
        s.majorName,
        s.className,
        '2020',
        '',
        'Web前端开发',
        '初级',
        1,
        '第一批',
      ]),
    );

    const fees = await rowsOf(files.get('费用明细表.xlsx')!);
    expect(fees[0].slice(0, 3)).toEqual(['学号', '姓名', '班级']);
    expect(fees.slice(1, 1 + byNo.length)).toEqual(
      byNo.map((s) => [
        s.studentNo,
        s.name,
        s.className,
        s.majorName,
        'Web前端开发',
        '初级',
        '第一批',
        // A date cell (2020年11月15日 in Excel), not text.
        new Date(Date.UTC(2020, 10, 15)),
        signupStatusLabels[s.status],
        payerLabels[s.payer],
        s.feeFen / 100,
      ]),
    );
    const totals = fees.slice(2 + byNo.length).map((r) => [r[0], r[10]]);
    const liveFen = live.reduce((sum, s) => sum + s.feeFen, 0);
    expect(totals[0]).toEqual(['合计（不含已撤销，4 人次）', liveFen / 100]);
    expect(liveFen).toBe(4 * 48000);
  });

  it('verify (校验材料包) accepts it, says it is a batch package, and flags one changed byte', async () => {
    const result = await build();
    const bytes = downloaded(ctx.t.core, result);
    const clean = await verify(bytes, result.fileName);
    expect(clean).toMatchObject({ ok: true, missing: [], extra: [], changed: [], problems: [] });
    expect(clean.checkedFiles).toBe(2);
    expect(clean.manifest).toMatchObject({
      kind: 'batch',
      projects: [],
      batch: { certificateName: 'Web前端开发', levelLabel: '初级', signups: 4 },
    });

    const files = await entriesOf(bytes);
    const tampered = Buffer.from(files.get('费用明细表.xlsx')!);
    tampered[Math.floor(tampered.length / 2)] ^= 1;
    files.set('费用明细表.xlsx', tampered);
    const report = await verify(makeZip(Object.fromEntries(files)));
    expect(report.ok).toBe(false);
    expect(report.changed).toEqual(['费用明细表.xlsx']);
    expect(report.missing).toEqual([]);
  });

  it('is deterministic: same data → same bytes; later the same day changes only createdAt', async () => {
    const first = await build();
    const again = await build();
    expect(again.sha256).toBe(first.sha256);
    // Read now: the next build of the same name replaces the file in exports/.
    const a = await entriesOf(downloaded(ctx.t.core, first));

    // 17:30 in China: the same day, so the same 制表日期.
    ctx.now = new Date('2026-03-02T09:30:00Z');
    const later = await build();
    expect(later.fileName).toBe(first.fileName);
    const b = await entriesOf(downloaded(ctx.t.core, later));
    for (const name of ['考生信息上传表.xlsx', '费用明细表.xlsx']) {
      expect(b.get(name)).toEqual(a.get(name));
    }
    const manifestA = JSON.parse(a.get('manifest.json')!.toString('utf8')) as PackageManifest;
    const manifestB = JSON.parse(b.get('manifest.json')!.toString('utf8')) as PackageManifest;
    expect(manifestB.createdAt).toBe('2026-03-02T09:30:00.000Z');
    expect({ ...manifestB, createdAt: '' }).toEqual({ ...manifestA, createdAt: '' });
    // Rebuilt in place: still one file in exports/, no temporary file.
    expect(readdirSync(path.join(ctx.t.dataDir, 'exports'))).toEqual([first.fileName]);
  });

  it('reports progress and can be cancelled, leaving no file', async () => {
    const events: ProgressEvent[] = [];
    const off = ctx.t.core.events.on((e) => {
      if (e.type === 'progress' && e.taskId === 'batch-1') events.push(e);
    });
    await build({ batchId, taskId: 'batch-1' });
    off();
    expect(events.at(-1)).toMatchObject({ label: '生成考核报名材料包', done: 3, total: 3 });

    const exportsDir = path.join(ctx.t.dataDir, 'exports');
    const running = ctx.t.core.dispatch('package.buildBatch', { batchId, taskId: 'batch-2' });
    expect(await ctx.t.core.dispatch('package.cancel', { taskId: 'batch-2' })).toEqual({
      ok: true,
      data: { cancelled: true },
    });
    const cancelled = await running;
    expect(cancelled.ok).toBe(false);
    if (!cancelled.ok) {
      expect(cancelled.error.code).toBe('CANCELLED');
      expect(cancelled.error.message).toBe('已取消导出考核报名材料包，没有生成任何文件。');
    }
    // Only the first, complete package: the cancelled one left nothing behind.
    expect(readdirSync(exportsDir)).toEqual([EXPECTED_NAME]);
  });

  it('refuses a batch without live sign-ups, a missing batch and bad input, in Chinese', async () => {
    const empty = await call<{ id: number }>(ctx.t.core, 'exams.batches.save', {
      certificateId: ctx.seeded.certificate.id,
      level: 'intermediate',
      examDate: '2020-12-20',
      fee: 600,
      name: '',
      organization: '',
    });
    const refused = await ctx.t.core.dispatch('package.buildBatch', { batchId: empty.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toBe(
        '考核批次“Web前端开发 中级 · 2020年12月20日”没有有效的报名（已撤销的不计），无法导出考核报名材料包。请先在该批次中报名考生。',
      );
    }
    const missing = await ctx.t.core.dispatch('package.buildBatch', { batchId: 9999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.code).toBe('NOT_FOUND');
      expect(missing.error.message).toContain('考核批次不存在');
    }
    const bad = await ctx.t.core.dispatch('package.buildBatch', { batchId: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.message).toContain('考核批次无效');
    }
    expect(existsSync(path.join(ctx.t.dataDir, 'exports'))).toBe(false);
  });

  it('refuses a batch whose sign-ups were all withdrawn', async () => {
    const page = await call<SignupPage>(ctx.t.core, 'exams.signups.list', {
      batchId,
      pageSize: 200,
    });
    await call(ctx.t.core, 'exams.signups.setStatus', {
      ids: page.items.filter((s) => s.status !== 'withdrawn').map((s) => s.id),
      status: 'withdrawn',
    });
    const refused = await ctx.t.core.dispatch('package.buildBatch', { batchId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('没有有效的报名');
  });
});
