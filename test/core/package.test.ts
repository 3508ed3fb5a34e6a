import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Certificate } from '../../shared/contract/catalogue';
import type {
  GeneratedFile,
  PackageBuildResult,
  PackageVerifyReport,
} from '../../shared/contract/package';
import type { ProgressEvent } from '../../shared/contract/events';
import type { Project } from '../../shared/contract/projects';
import { planSections } from '../../shared/domain/implementationPlan';
import { verifyLimits } from '../../electron/core/modules/package/verify';
import { createTestCore, type TestCore } from '../harness/core';
import { makeBulkyFile, makePdf, makeZip } from '../harness/files';
import { sheetTable } from '../harness/sheets';
import { MONEY_FORMAT } from '../../electron/core/io/sheetWriter';
import { call, findCertificate, schoolProfile, seedSchool } from '../harness/seed';
import { staged } from '../harness/uploads';
import { artefactDir, keepPdfPages, pdfFonts, pdfPages } from '../harness/documents';
import { downloaded } from '../harness/downloads';
import { unzipEntries } from '../harness/zip';
import {
  bareProject,
  projectInput,
  seedProjectSchool,
  webCertificateRequiring,
} from '../harness/seedProject';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedSchool>>;
let certificate: Certificate;

const fullPlan = Object.fromEntries(planSections.map((s) => [s, `${s} 的具体安排`]));

beforeEach(async () => {
  t = createTestCore();
  ({ seeded, certificate } = await seedProjectSchool(t.core, {
    requirements: ['每名学生一台计算机'],
  }));
});
afterEach(() => t.dispose());

async function completeProject(): Promise<Project> {
  const project = await call<Project>(
    t.core,
    'projects.create',
    projectInput(seeded, certificate.id, {
      levels: ['junior', 'intermediate'],
      hardwareChecks: certificate.requirements.map((r) => r.id),
      plan: fullPlan,
    }),
  );
  await call(t.core, 'attachments.upload', {
    ownerType: 'project',
    ownerId: project.id,
    kind: 'talent_training_plan',
    file: {
      fileName: '软件技术人才培养方案.pdf',
      contentBase64: makePdf('plan').toString('base64'),
    },
  });
  return call<Project>(t.core, 'projects.get', { id: project.id });
}

/** A 2021 project with no majors, staff, rooms or sites: its self-check fails. */
const failingProject = () =>
  call<Project>(t.core, 'projects.create', bareProject(certificate.id, 2021));

const docxText = async (docx: Buffer) =>
  ((await unzipEntries(docx)).get('word/document.xml') ?? Buffer.alloc(0))
    .toString('utf8')
    .replace(/<[^>]+>/g, '');

const build = (projectIds: number[], acceptDraft = false) =>
  call<PackageBuildResult>(t.core, 'package.build', { projectIds, acceptDraft });

const verify = async (bytes: Buffer, fileName = 'x.zip') =>
  t.core.dispatch('package.verify', await staged(t.core, fileName, bytes));

describe('submission package', () => {
  it('contains the documents, attachments and a manifest whose checksums match', async () => {
    const project = await completeProject();
    expect(project.selfCheck.level).not.toBe('fail');
    const result = await build([project.id]);
    expect(result.fileName).toBe(
      '湖北示例职业技术学院_Web前端开发_1+X证书试点申报材料_20260302.zip',
    );
    expect(result.draft).toBe(false);
    const bytes = downloaded(t.core, result);
    expect(readFileSync(path.join(t.dataDir, result.savedAs))).toEqual(bytes);

    const files = await unzipEntries(bytes);
    const names = [...files.keys()];
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        '申报表.docx',
        '申报表.pdf',
        '实施方案.docx',
        '教师信息表.xlsx',
        '实训条件表.xlsx',
        'manifest.json',
      ]),
    );
    // The school's files numbered after 附件一 (申报表) and 附件二 (实施方案), as the form lists them.
    expect(names.filter((n) => n.startsWith('附件/'))).toEqual([
      '附件/附件三_Web前端开发 2020_人才培养方案_软件技术人才培养方案.pdf',
    ]);

    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      formatVersion: 1,
      kind: 'application',
      appVersion: '0.0.0-test',
      createdAt: '2026-03-02T08:00:00.000Z',
      draft: false,
      school: { name: '湖北示例职业技术学院' },
      projects: [{ id: project.id, certificateName: 'Web前端开发', year: 2020 }],
    });
    expect(manifest.files).toHaveLength(names.length - 1);
    for (const f of manifest.files as { path: string; size: number; sha256: string }[]) {
      const data = files.get(f.path)!;
      expect(data.length).toBe(f.size);
      expect(createHash('sha256').update(data).digest('hex')).toBe(f.sha256);
    }

    const form = await docxText(files.get('申报表.docx')!);
    for (const text of [
      '湖北示例职业技术学院',
      'Web前端开发',
      '33.3%',
      '软件技术',
      '510203',
      '软件开发实训室',
      '某软件公司实习基地',
      '不将证书作为毕业条件已承诺',
      '学校（盖章）',
    ]) {
      expect(form).toContain(text);
    }
    expect(form).not.toContain('草稿');
    const plan = await docxText(files.get('实施方案.docx')!);
    expect(plan).toContain('目标任务');
    expect(plan).toContain('goals 的具体安排');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('教师信息表.xlsx')! as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // A title and the 制表日期 (the export day in China) above the frozen header.
    expect(ws.getCell('A1').value).toBe('教师信息表');
    expect(ws.getCell('A2').value).toBe('制表日期：2026年3月2日');
    const teachers = sheetTable(ws);
    expect(teachers.header[0]).toBe('证书');
    expect(teachers.rows).toHaveLength(12);
    expect(teachers.rows[0][2]).toBe('教师1');
    expect(teachers.rows[0][4]).toBe('T0001');
    expect(ws.getColumn(5).numFmt).toBe('@');
    const dual = teachers.header.indexOf('双师型');
    expect(teachers.rows[0][dual]).toBe('是');
    expect(teachers.rows[11][dual]).toBe('否');
    const facilities = new ExcelJS.Workbook();
    await facilities.xlsx.load(files.get('实训条件表.xlsx')! as unknown as ArrayBuffer);
    expect(facilities.worksheets.map((w) => w.name)).toEqual(['实训室', '设备', '实习实训场所']);
    const [rooms, equipment, sites] = facilities.worksheets.map(sheetTable);
    expect(rooms.rows[0][2]).toBe('软件开发实训室');
    expect(equipment.rows[0][3]).toBe('计算机');
    // Prices are numbers Excel can sum, shown as money; 总值 is 数量 × 单价.
    const [quantity, unit, value] = equipment.rows[0].slice(5, 8) as number[];
    expect(typeof unit).toBe('number');
    expect(value).toBeCloseTo(quantity * unit, 2);
    expect(facilities.worksheets[1].getColumn(7).numFmt).toBe(MONEY_FORMAT);
    expect(sites.rows[0][4]).toBe('某软件有限公司');

    const dir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-pdf-'));
    try {
      const pdfPath = path.join(dir, 'form.pdf');
      writeFileSync(pdfPath, files.get('申报表.pdf')!);
      const out = spawnSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      expect(out.status).toBe(0);
      const text = out.stdout.replace(/\s+/g, '');
      expect(text).toContain('湖北示例职业技术学院');
      expect(text).toContain('Web前端开发');
      expect(text).toContain('33.3%');
      expect(text).toContain('学校（盖章）');
      const fonts = spawnSync('pdffonts', [pdfPath], { encoding: 'utf8' });
      expect(fonts.stdout).toMatch(/NotoSansSC/);
      expect(fonts.stdout).toMatch(/NotoSerifSC/);
      const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
      expect(info.stdout).toMatch(/A4/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is named and dated by the day in China: at 00:30 on 3 March it is 20260303, not UTC’s 2 March', async () => {
    const project = await completeProject();
    const at = createTestCore(new Date('2026-03-02T16:30:00Z'));
    const saved = t;
    try {
      // The same data folder's state is not needed: the name and 制表日期 come from the clock.
      await seedSchool(at.core);
      const other = await call<Project>(
        at.core,
        'projects.create',
        bareProject((await findCertificate(at.core)).id, 2020, {
          commitments: project.commitments,
        }),
      );
      t = at;
      const result = await build([other.id], true);
      expect(result.fileName).toMatch(/_20260303_草稿\.zip$/);
      const files = await unzipEntries(downloaded(t.core, result));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(files.get('教师信息表（草稿）.xlsx')! as unknown as ArrayBuffer);
      expect(wb.worksheets[0].getCell('A2').value).toBe('制表日期：2026年3月3日');
    } finally {
      t = saved;
      at.dispose();
    }
  });

  it('is byte-identical when built twice from the same data and clock', async () => {
    const project = await completeProject();
    const a = await build([project.id]);
    const b = await build([project.id]);
    expect(b.sha256).toBe(a.sha256);

    // Later the same day (China time) in another core over the same data: only the manifest's
    // createdAt differs (the sheets' 制表日期 is the day).
    const later = createTestCore(new Date('2026-03-02T10:00:00Z'));
    try {
      await seedSchool(later.core);
      await webCertificateRequiring(later.core, ['每名学生一台计算机']);
      const saved = t;
      t = later;
      try {
        const other = await build([(await completeProject()).id]);
        const first = await unzipEntries(downloaded(saved.core, a));
        const second = await unzipEntries(downloaded(t.core, other));
        expect([...second.keys()]).toEqual([...first.keys()]);
        for (const [name, bytes] of first) {
          if (name === 'manifest.json') continue;
          expect(second.get(name)?.equals(bytes), name).toBe(true);
        }
        const manifest = (m: Map<string, Buffer>) =>
          JSON.parse(m.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
        expect({ ...manifest(second), createdAt: '' }).toEqual({
          ...manifest(first),
          createdAt: '',
        });
      } finally {
        t = saved;
      }
    } finally {
      later.dispose();
    }
  });

  it('refuses a failing project unless drafted, leaving nothing behind; a draft says 草稿', async () => {
    const project = await failingProject();
    const refused = await t.core.dispatch('package.build', { projectIds: [project.id] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({
        code: 'NEEDS_CONFIRMATION',
        details: { hint: 'exportDraft', failing: [{ id: project.id }] },
      });
      expect(refused.error.message).toContain('自检未通过');
    }
    const exportsDir = path.join(t.dataDir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);

    const draft = await build([project.id], true);
    expect(draft.draft).toBe(true);
    expect(draft.fileName).toMatch(/_草稿\.zip$/);
    const files = await unzipEntries(downloaded(t.core, draft));
    expect(await docxText(files.get('申报表（草稿）.docx')!)).toContain('草稿');
    expect(readdirSync(exportsDir)).toEqual([draft.fileName]);
  });

  it('prints the 申报表 and the 实施方案 as PDFs, a failing project as 草稿, ending with the stamp', async (context) => {
    const complete = await completeProject();
    const form = await call<GeneratedFile>(t.core, 'package.documentPdf', {
      document: 'applicationForm',
      projectIds: [complete.id],
    });
    expect(form.fileName).toBe('申报表.pdf');
    const plan = await call<GeneratedFile>(t.core, 'package.documentPdf', {
      document: 'plan',
      projectIds: [complete.id],
    });
    expect(plan.fileName).toBe('实施方案.pdf');
    const dir = artefactDir('print');
    const planFile = await keepPdfPages(
      context,
      dir,
      '实施方案',
      Buffer.from(plan.contentBase64, 'base64'),
    );
    const pages = pdfPages(planFile);
    const text = pages.flatMap((p) => p.lines.map((l) => l.text));
    expect(text).toContain('附件二');
    // Words are read without the spaces between them.
    expect(text.join('')).toContain(fullPlan[planSections[0]]!.replace(/ /g, ''));
    // The stamp closes the plan, on its last page.
    expect(pages.at(-1)!.lines.map((l) => l.text)).toContain(`${schoolProfile.name}（盖章）`);
    expect(pdfFonts(planFile).every((f) => f.embedded)).toBe(true);
    const formFile = await keepPdfPages(
      context,
      dir,
      '申报表',
      Buffer.from(form.contentBase64, 'base64'),
    );
    expect(pdfPages(formFile)[0].lines.map((l) => l.text)).toContain('1+X证书制度试点申报表');

    const failing = await failingProject();
    const draft = await call<GeneratedFile>(t.core, 'package.documentPdf', {
      document: 'plan',
      projectIds: [failing.id],
    });
    expect(draft.fileName).toBe('实施方案（草稿）.pdf');
    // Printing writes nothing into exports/: only a package export does.
    const exportsDir = path.join(t.dataDir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });

  it('verifies a clean package and flags a one-byte change, a missing and an extra file', async () => {
    const project = await completeProject();
    const result = await build([project.id]);
    const bytes = downloaded(t.core, result);
    const clean = await verify(bytes, result.fileName);
    expect(clean.ok && clean.data).toMatchObject({ ok: true, missing: [], extra: [], changed: [] });

    const files = await unzipEntries(bytes);
    const tampered = Buffer.from(files.get('申报表.pdf')!);
    tampered[tampered.length - 10] ^= 1;
    files.set('申报表.pdf', tampered);
    files.delete('实施方案.docx');
    files.set('多余.txt', Buffer.from('extra'));
    const report = await verify(makeZip(Object.fromEntries(files)));
    expect(report.ok).toBe(true);
    const data = (report as { data: PackageVerifyReport }).data;
    expect(data.ok).toBe(false);
    expect(data.changed).toEqual(['申报表.pdf']);
    expect(data.missing).toEqual(['实施方案.docx']);
    expect(data.extra).toEqual(['多余.txt']);
  });

  it('names its entries in UTF-8 and says so: every header has the UTF-8 flag, unzip lists the Chinese names', async () => {
    const project = await completeProject();
    const bytes = downloaded(t.core, await build([project.id]));
    // Bit 11 of the general purpose flags, in each central record and the local header it points to.
    const entries = await new Promise<yauzl.Entry[]>((resolve, reject) => {
      yauzl.fromBuffer(bytes, { lazyEntries: false }, (err, zip) => {
        if (err) return reject(err);
        const all: yauzl.Entry[] = [];
        zip.on('entry', (e: yauzl.Entry) => all.push(e));
        zip.on('end', () => resolve(all));
      });
    });
    expect(entries.length).toBe((await unzipEntries(bytes)).size);
    for (const e of entries) {
      expect(e.generalPurposeBitFlag & 0x800, e.fileName).toBe(0x800);
      const local = e.relativeOffsetOfLocalHeader;
      expect(bytes.readUInt32LE(local)).toBe(0x04034b50);
      expect(bytes.readUInt16LE(local + 6) & 0x800, e.fileName).toBe(0x800);
    }

    const dir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-utf8-'));
    try {
      const file = path.join(dir, 'package.zip');
      writeFileSync(file, bytes);
      const listed = spawnSync('unzip', ['-l', file], { encoding: 'utf8' }).stdout;
      for (const name of [
        '申报表.pdf',
        '实施方案.docx',
        '附件/附件三_Web前端开发 2020_人才培养方案_软件技术人才培养方案.pdf',
      ]) {
        expect(listed).toContain(name);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses zip-slip, absolute paths, symlinks, encrypted, bombs and garbage', async () => {
    const expectRefused = async (bytes: Buffer, pattern: RegExp) => {
      const r = await verify(bytes);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_FILE');
        expect(r.error.message).toMatch(pattern);
      }
    };
    await expectRefused(makeZip({ '../../evil.txt': 'x' }), /路径穿越/);
    await expectRefused(makeZip({ '/etc/passwd': 'x' }), /绝对路径/);
    await expectRefused(makeZip({ 'C:/Windows/evil.txt': 'x' }), /盘符/);
    await expectRefused(Buffer.from('这不是 zip 文件'.repeat(20)), /不是有效的 zip/);

    const symlink = makeZip({ link: '/etc/passwd' });
    const central = symlink.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    symlink.writeUInt16LE((3 << 8) | 20, central + 4);
    symlink.writeUInt32LE((0o120777 << 16) >>> 0, central + 38);
    await expectRefused(symlink, /符号链接/);

    const encrypted = makeZip({ 'a.txt': 'secret' });
    encrypted.writeUInt16LE(0x0801, 6);
    const encCentral = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(0x0801, encCentral + 8);
    // Traditional encryption adds a 12-byte header to the stored data.
    encrypted.writeUInt32LE('secret'.length + 12, encCentral + 20);
    await expectRefused(encrypted, /加密/);

    const bomb = await new Promise<Buffer>((resolve) => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.alloc(8 * 1024 * 1024), 'zeros.bin');
      zip.end();
      const chunks: Buffer[] = [];
      zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
      zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    });
    await expectRefused(bomb, /压缩炸弹/);

    const saved = { ...verifyLimits };
    try {
      verifyLimits.maxTotalBytes = 1024;
      await expectRefused(
        makeZip({ 'a.bin': Buffer.alloc(800), 'b.bin': Buffer.alloc(800) }),
        /过大/,
      );
    } finally {
      Object.assign(verifyLimits, saved);
    }
  });
});

describe('export progress, cancel and failures', () => {
  const MB = 1024 * 1024;
  const exportsDir = () => path.join(t.dataDir, 'exports');
  /** Every entry of exports/, hidden temporary files included. */
  const exported = () => (existsSync(exportsDir()) ? readdirSync(exportsDir()) : []);

  async function projectWithBulkyFiles(count: number, size: number): Promise<Project> {
    const project = await completeProject();
    for (let i = 0; i < count; i += 1) {
      await call(t.core, 'attachments.upload', {
        ownerType: 'project',
        ownerId: project.id,
        kind: 'other',
        file: {
          fileName: `扫描件${i + 1}.${i % 2 === 0 ? 'pdf' : 'png'}`,
          contentBase64: makeBulkyFile(i % 2 === 0 ? 'pdf' : 'png', size).toString('base64'),
        },
      });
    }
    return project;
  }

  it('reports progress up to the end, stores attachments uncompressed and checks them', async () => {
    const project = await projectWithBulkyFiles(2, 2 * MB);
    const events: ProgressEvent[] = [];
    const off = t.core.events.on((e) => {
      if (e.type === 'progress' && e.taskId === 'task-progress') events.push(e);
    });
    const result = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [project.id],
      taskId: 'task-progress',
    });
    off();
    expect(events.length).toBeGreaterThan(10);
    expect(events[0].done).toBe(0);
    expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    expect(events[0].label).toBe('生成申报材料');
    const methods = await compressionMethods(downloaded(t.core, result));
    const scans = [...methods].filter(([name]) => name.includes('扫描件'));
    expect(scans.map(([, method]) => method)).toEqual([0, 0]); // stored: PDF/PNG are compressed
    expect(methods.get('manifest.json')).toBe(8); // deflated
    expect(result.size).toBeGreaterThan(4 * MB);
    expect(exported()).toEqual([result.fileName]);
  });

  it('cancelled mid-way: rejects with 已取消 and leaves nothing in exports/', async () => {
    const project = await projectWithBulkyFiles(3, 8 * MB);
    let cancel: Promise<unknown> | null = null;
    const off = t.core.events.on((e) => {
      // Once the attachments are streaming (past the five documents), cancel from another call.
      if (e.type === 'progress' && e.taskId === 'task-cancel' && e.done > 6 * MB && !cancel) {
        cancel = new Promise((resolve) =>
          setImmediate(() => resolve(t.core.dispatch('package.cancel', { taskId: 'task-cancel' }))),
        );
      }
    });
    const outcome = await t.core.dispatch('package.build', {
      projectIds: [project.id],
      taskId: 'task-cancel',
    });
    off();
    expect(cancel).not.toBeNull();
    expect(await cancel).toEqual({ ok: true, data: { cancelled: true } });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('CANCELLED');
      expect(outcome.error.message).toContain('已取消');
    }
    expect(exported()).toEqual([]);

    // The id is free again, and an unknown or finished task cancels nothing.
    const again = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [project.id],
      taskId: 'task-cancel',
    });
    expect(exported()).toEqual([again.fileName]);
    expect(await call(t.core, 'package.cancel', { taskId: 'task-cancel' })).toEqual({
      cancelled: false,
    });
  });

  it('a cancel that overtakes its export still stops it; a bad taskId is refused', async () => {
    const project = await completeProject();
    expect(await call(t.core, 'package.cancel', { taskId: 'task-early' })).toEqual({
      cancelled: false,
    });
    const outcome = await t.core.dispatch('package.build', {
      projectIds: [project.id],
      taskId: 'task-early',
    });
    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
    expect(exported()).toEqual([]);
    const bad = await t.core.dispatch('package.cancel', { taskId: '' });
    expect(!bad.ok && bad.error.message).toContain('任务编号');
  });

  it('a damaged attachment fails the export by name and leaves no partial file', async () => {
    const project = await projectWithBulkyFiles(1, 1 * MB);
    const blobs = path.join(t.dataDir, 'attachments');
    const bulky = readdirSync(blobs, { recursive: true, withFileTypes: true }).find(
      (e) => e.isFile() && statSize(path.join(e.parentPath, e.name)) > MB / 2,
    )!;
    const file = path.join(bulky.parentPath, bulky.name);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(file, bytes);
    const outcome = await t.core.dispatch('package.build', { projectIds: [project.id] });
    expect(!outcome.ok && outcome.error.code).toBe('CONFLICT');
    expect(!outcome.ok && outcome.error.message).toMatch(/扫描件1.*已损坏/);
    expect(exported()).toEqual([]);

    rmSync(file);
    const missing = await t.core.dispatch('package.build', { projectIds: [project.id] });
    expect(!missing.ok && missing.error.message).toMatch(/扫描件1.*已丢失/);
    expect(exported()).toEqual([]);
  });
});

const statSize = (file: string) => statSync(file).size;

/** Each entry's compression method (0 stored, 8 deflated), from the central directory. */
function compressionMethods(bytes: Buffer): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        out.set(entry.fileName, entry.compressionMethod);
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}
