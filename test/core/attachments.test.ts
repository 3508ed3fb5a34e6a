import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { ownerExists } from '../../electron/core/modules/attachments/owners';
import {
  deleteUnusedBlobFiles,
  removeLinksOf,
} from '../../electron/core/modules/attachments/storedContent';
import type { AttachmentLink } from '../../shared/contract/attachments';
import type { Envelope } from '../../shared/contract/errors';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachments';
import { createTestCore, type TestCore } from '../harness/core';
import {
  base64,
  makeDocx,
  makeExe,
  makeJpeg,
  makeLegacyOffice,
  makePdf,
  makePng,
  makeXlsx,
  makeZip,
} from '../harness/files';
import { downloaded } from '../harness/downloads';
import type { FileOffer } from '../../shared/contract/files';

const profile = {
  name: '湖北示例职业技术学院',
  kind: 'higher_vocational',
  demonstrationLevel: 'provincial',
  city: '宜昌市',
};

let t: TestCore;
afterEach(() => t?.dispose());

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const storeDir = () => path.join(t.dataDir, 'attachments');
const blobFile = (bytes: Buffer) => {
  const hex = sha(bytes);
  return path.join(storeDir(), hex.slice(0, 2), hex);
};

/** Every file under the blob store, relative, sorted. */
function storeFiles(): string[] {
  if (!existsSync(storeDir())) return [];
  return readdirSync(storeDir(), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(storeDir(), path.join(d.parentPath, d.name)))
    .sort();
}

function ok<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function schoolCore(): Promise<TestCore> {
  t = createTestCore();
  ok(await t.core.dispatch('school.save', profile));
  return t;
}

const upload = (
  fileName: string,
  bytes: Buffer,
  kind = 'other',
  ownerType = 'school',
  ownerId = 1,
) =>
  t.core.dispatch('attachments.upload', {
    ownerType,
    ownerId,
    kind,
    file: { fileName, contentBase64: base64(bytes) },
  });

/** The core's database file, opened on a connection of the test's own. */
function rawDb(): Database.Database {
  return new Database(path.join(t.dataDir, DATABASE_FILE));
}

/** `use` given `rawDb()`, closed after. */
function withRawDb<T>(use: (db: Database.Database) => T): T {
  const db = rawDb();
  try {
    return use(db);
  } finally {
    db.close();
  }
}

const tableCount = (table: string): number =>
  withRawDb((db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);

describe('attachments: upload and read back', () => {
  it('stores each allowed type by content, lists it and reads the same bytes back', async () => {
    await schoolCore();
    const files: [string, Buffer, string, string][] = [
      ['人才培养方案.pdf', makePdf('training plan'), 'pdf', 'application/pdf'],
      ['实训室.jpg', makeJpeg(), 'jpg', 'image/jpeg'],
      ['实训室.png', makePng(), 'png', 'image/png'],
      [
        '合作协议.docx',
        makeDocx(),
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        '学生名单.xlsx',
        await makeXlsx([
          ['学号', '姓名'],
          ['2020001', '张三'],
        ]),
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ];
    for (const [name, bytes, ext, mime] of files) {
      const link = ok<AttachmentLink>(await upload(name, bytes, 'talent_training_plan'));
      expect(link).toMatchObject({
        ownerType: 'school',
        ownerId: 1,
        kind: 'talent_training_plan',
        name,
        size: bytes.length,
        ext,
        mime,
        sha256: sha(bytes),
        createdAt: '2026-03-02T08:00:00.000Z',
        linkCount: 1,
      });
      // On disk under attachments/<first 2 hex>/<sha256>, byte for byte.
      expect(readFileSync(blobFile(bytes)).equals(bytes)).toBe(true);
      const read = ok<{ fileName: string; mime: string; contentBase64: string }>(
        await t.core.dispatch('attachments.read', { linkId: link.id }),
      );
      expect(read).toEqual({ fileName: name, mime, contentBase64: base64(bytes) });
    }
    const list = ok<AttachmentLink[]>(
      await t.core.dispatch('attachments.list', { ownerType: 'school', ownerId: 1 }),
    );
    expect(list.map((l) => l.name)).toEqual(files.map(([name]) => name));
    expect(storeFiles()).toHaveLength(5);
    expect(ok(await t.core.dispatch('attachments.summary', {}))).toEqual({
      files: 5,
      links: 5,
      totalBytes: files.reduce((sum, [, bytes]) => sum + bytes.length, 0),
    });
  });

  it('names the download by its real type and keeps no path or control characters', async () => {
    await schoolCore();
    const png = makePng();
    // A PNG someone named .pdf: accepted as what it is, saved as .png.
    const link = ok<AttachmentLink>(await upload('C:\\Users\\王\\扫描\u0007件.pdf', png));
    expect(link).toMatchObject({ name: '扫描件.pdf', ext: 'png', mime: 'image/png' });
    const read = ok<{ fileName: string }>(
      await t.core.dispatch('attachments.read', { linkId: link.id }),
    );
    expect(read.fileName).toBe('扫描件.pdf.png');
    const offer = ok<FileOffer>(await t.core.dispatch('attachments.download', { linkId: link.id }));
    expect(offer).toMatchObject({
      fileName: '扫描件.pdf.png',
      mime: 'image/png',
      size: png.length,
    });
    expect(downloaded(t.core, offer).equals(png)).toBe(true);
  });

  it('survives a restart: the list and the bytes come back from the data folder', async () => {
    await schoolCore();
    const pdf = makePdf();
    const link = ok<AttachmentLink>(await upload('方案.pdf', pdf, 'talent_training_plan'));
    t.restart(() => new Date());
    const read = ok<{ contentBase64: string }>(
      await t.core.dispatch('attachments.read', { linkId: link.id }),
    );
    expect(Buffer.from(read.contentBase64, 'base64').equals(pdf)).toBe(true);
  });
});

describe('attachments: the same content is stored once', () => {
  it('keeps one blob for the same bytes uploaded twice, with two links', async () => {
    await schoolCore();
    const pdf = makePdf('stamped application');
    const first = ok<AttachmentLink>(await upload('申报表.pdf', pdf, 'stamped_application'));
    const second = ok<AttachmentLink>(await upload('申报表-副本.pdf', pdf, 'other'));
    expect(second.attachmentId).toBe(first.attachmentId);
    expect(second.id).not.toBe(first.id);
    expect(second.linkCount).toBe(2);
    expect(storeFiles()).toEqual([path.join(sha(pdf).slice(0, 2), sha(pdf))]);
    expect(tableCount('attachments')).toBe(1);
    expect(tableCount('attachment_links')).toBe(2);
    expect(ok(await t.core.dispatch('attachments.summary', {}))).toEqual({
      files: 1,
      links: 2,
      totalBytes: pdf.length,
    });
  });

  it('refuses the same file as the same kind for the same owner again, changing nothing', async () => {
    await schoolCore();
    const pdf = makePdf();
    const first = ok<AttachmentLink>(await upload('方案.pdf', pdf, 'talent_training_plan'));
    const again = await upload('方案(1).pdf', pdf, 'talent_training_plan');
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          '文件“方案(1).pdf”已作为“人才培养方案”上传到这个学校（名称“方案.pdf”），无需重复上传。',
        details: { existingLinkId: first.id },
      },
    });
    expect(tableCount('attachment_links')).toBe(1);
    expect(storeFiles()).toHaveLength(1);
  });
});

describe('attachments: refused files leave nothing behind', () => {
  it('refuses a file over 40 MB, naming it and both sizes; exactly 40 MB is accepted', async () => {
    await schoolCore();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    makePdf().copy(big);
    const refused = await upload('X.pdf', big);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '文件“X.pdf”大小 40.0 MB，超过 40 MB 的上限。未上传任何内容。',
        details: { fields: [{ path: 'file' }] },
      },
    });
    const bigger = Buffer.alloc(Math.round(44.5 * 1024 * 1024));
    makePdf().copy(bigger);
    expect(await upload('年度报告.pdf', bigger)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('文件“年度报告.pdf”大小 44.5 MB，超过 40 MB 的上限'),
      },
    });
    // Beyond the 45 MB any call may carry, the upload limit refuses it before it is read.
    const huge = Buffer.alloc(Math.round(52.3 * 1024 * 1024));
    expect(await upload('年度报告.pdf', huge)).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining('文件过大（约 52 MB），超过 45 MB 的上限，未读取'),
      },
    });
    expect(storeFiles()).toEqual([]);
    expect(tableCount('attachments')).toBe(0);

    const atLimit = big.subarray(0, MAX_ATTACHMENT_BYTES);
    const accepted = ok<AttachmentLink>(await upload('刚好40MB.pdf', atLimit));
    expect(accepted.size).toBe(MAX_ATTACHMENT_BYTES);
  });

  it.each([
    ['a program renamed .pdf', '申报表.pdf', makeExe(), 'Windows 可执行程序（EXE）'],
    ['an empty file', '空.pdf', Buffer.alloc(0), '是空文件（0 字节）'],
    ['plain text', '说明.docx', Buffer.from('这只是文字', 'utf8'), '无法识别'],
    ['a zip that is not Office', '材料.docx', makeZip({ 'a.txt': 'x' }), 'ZIP 压缩包'],
    ['a legacy .doc', '方案.doc', makeLegacyOffice(), '旧版 Office 文档（.doc/.xls/.ppt）'],
  ])(
    'refuses %s by its content, naming the type and the allowed list',
    async (_l, name, bytes, what) => {
      await schoolCore();
      const result = await upload(name, bytes);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (result.ok) return;
      expect(result.error.message).toContain(`文件“${name}”`);
      expect(result.error.message).toContain(what);
      expect(result.error.message).toContain(
        '允许的类型：PDF、JPG 图片、PNG 图片、Word 文档（.docx）、Excel 表格（.xlsx）',
      );
      expect(result.error.details?.fields?.[0]?.path).toBe('file');
      expect(storeFiles()).toEqual([]);
      expect(tableCount('attachments')).toBe(0);
      expect(tableCount('attachment_links')).toBe(0);
    },
  );

  it('tells a legacy Office file to be saved as .docx/.xlsx', async () => {
    await schoolCore();
    const result = await upload('名单.xls', makeLegacyOffice());
    expect(result.ok || result.error.message).toContain('另存为” .docx 或 .xlsx');
  });

  it('refuses input that is not a file at all', async () => {
    await schoolCore();
    const result = await t.core.dispatch('attachments.upload', {
      ownerType: 'school',
      ownerId: 1,
      kind: 'photo',
      file: { fileName: '', contentBase64: '不是base64' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.details?.fields?.map((f) => f.path).sort()).toEqual([
      'file.contentBase64',
      'file.fileName',
      'kind',
    ]);
  });

  it('writes atomically: a failing write leaves no temporary file, row or link', async () => {
    await schoolCore();
    const png = makePng();
    // Occupy the blob's path with a folder, so the final rename fails.
    mkdirSync(path.join(blobFile(png), 'in-the-way'), { recursive: true });
    const result = await upload('照片.png', png, 'room_photo');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: expect.stringContaining('无法把文件“照片.png”保存到数据文件夹'),
      },
    });
    const leftovers = readdirSync(path.dirname(blobFile(png)));
    expect(leftovers).toEqual([sha(png)]); // only the folder that was in the way
    expect(tableCount('attachments')).toBe(0);
    expect(tableCount('attachment_links')).toBe(0);
  });

  it('rewrites a blob file that went missing when the same content is uploaded again', async () => {
    await schoolCore();
    const pdf = makePdf();
    const link = ok<AttachmentLink>(await upload('a.pdf', pdf, 'other'));
    const { rmSync } = await import('node:fs');
    rmSync(blobFile(pdf));
    for (const name of ['attachments.read', 'attachments.download'] as const) {
      expect(await t.core.dispatch(name, { linkId: link.id })).toMatchObject({
        ok: false,
        error: {
          code: 'NOT_FOUND',
          message: expect.stringContaining('附件“a.pdf”的文件在数据文件夹中找不到'),
        },
      });
    }
    ok(await upload('a.pdf', pdf, 'talent_training_plan'));
    expect(readFileSync(blobFile(pdf)).equals(pdf)).toBe(true);
  });

  it('notices a blob file whose content changed on disk', async () => {
    await schoolCore();
    const pdf = makePdf();
    const link = ok<AttachmentLink>(await upload('a.pdf', pdf));
    writeFileSync(blobFile(pdf), Buffer.concat([pdf, Buffer.from('x')]));
    for (const name of ['attachments.read', 'attachments.download'] as const) {
      expect(await t.core.dispatch(name, { linkId: link.id })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('文件已损坏') },
      });
    }
  });
});

describe('attachments: owners', () => {
  it('needs the saved school profile before school attachments', async () => {
    t = createTestCore();
    expect(await upload('方案.pdf', makePdf())).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_FOUND',
        message: '请先填写并保存学校信息，再上传学校附件。未上传任何内容。',
      },
    });
    ok(await t.core.dispatch('school.save', profile));
    expect(await upload('方案.pdf', makePdf(), 'other', 'school', 2)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('学校的编号只能是 1') },
    });
    expect(storeFiles()).toEqual([]);
  });

  it.each([
    ['project', 'pilot_projects', '试点项目'],
    ['room', 'training_rooms', '实训室'],
    ['site', 'training_sites', '实习实训场所'],
  ])(
    'refuses a %s that does not exist, or whose table is not built yet',
    async (type, table, label) => {
      await schoolCore();
      const hasTable = withRawDb(
        (db) => db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table) !== undefined,
      );
      const result = await upload('照片.png', makePng(), 'room_photo', type, 999_999);
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      if (result.ok) return;
      expect(result.error.message).toBe(
        hasTable
          ? `找不到编号为 999999 的${label}，它可能已被删除。未上传任何内容。`
          : `“${label}”功能尚未启用（数据表 ${table} 不存在），暂时不能为${label}添加附件。未上传任何内容。`,
      );
      expect(storeFiles()).toEqual([]);
    },
  );

  it('ownerExists queries an owner table only once it exists', () => {
    const db = new Database(':memory:');
    try {
      expect(ownerExists(db, 'room', 1)).toBe(false);
      db.exec('CREATE TABLE training_rooms (id INTEGER PRIMARY KEY, name TEXT)');
      db.exec("INSERT INTO training_rooms (id, name) VALUES (7, '云计算实训室')");
      expect(ownerExists(db, 'room', 7)).toBe(true);
      expect(ownerExists(db, 'room', 8)).toBe(false);
      expect(ownerExists(db, 'site', 7)).toBe(false);
      expect(ownerExists(db, 'school', 1)).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe('attachments: rename and remove', () => {
  it('renames with the same rules the form uses, and downloads under the new name', async () => {
    await schoolCore();
    const link = ok<AttachmentLink>(await upload('scan001.pdf', makePdf(), 'stamped_application'));
    const renamed = ok<AttachmentLink>(
      await t.core.dispatch('attachments.rename', {
        linkId: link.id,
        name: '  盖章申报表（2020）  ',
      }),
    );
    expect(renamed.name).toBe('盖章申报表（2020）');
    const read = ok<{ fileName: string }>(
      await t.core.dispatch('attachments.read', { linkId: link.id }),
    );
    expect(read.fileName).toBe('盖章申报表（2020）.pdf');

    for (const bad of ['', '   ', 'a/b', '申报表?.pdf']) {
      const result = await t.core.dispatch('attachments.rename', { linkId: link.id, name: bad });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.details?.fields?.[0]?.path).toBe('name');
    }
    expect(await t.core.dispatch('attachments.rename', { linkId: 999, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('deletes the blob file only when the last link to it goes', async () => {
    await schoolCore();
    const png = makePng();
    const other = makePdf();
    const a = ok<AttachmentLink>(await upload('照片.png', png, 'room_photo'));
    const b = ok<AttachmentLink>(await upload('照片-副本.png', png, 'other'));
    ok(await upload('方案.pdf', other, 'talent_training_plan'));

    expect(ok(await t.core.dispatch('attachments.remove', { linkId: a.id }))).toEqual({
      linkId: a.id,
      fileDeleted: false,
    });
    expect(existsSync(blobFile(png))).toBe(true);
    const remaining = ok<AttachmentLink[]>(
      await t.core.dispatch('attachments.list', { ownerType: 'school', ownerId: 1 }),
    );
    expect(remaining.map((l) => [l.id, l.linkCount])).toEqual([
      [b.id, 1],
      [remaining[1].id, 1],
    ]);

    expect(ok(await t.core.dispatch('attachments.remove', { linkId: b.id }))).toEqual({
      linkId: b.id,
      fileDeleted: true,
    });
    expect(existsSync(blobFile(png))).toBe(false);
    expect(existsSync(blobFile(other))).toBe(true);
    expect(tableCount('attachments')).toBe(1);
    expect(await t.core.dispatch('attachments.remove', { linkId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(`编号为 ${b.id} 的附件`) },
    });
  });

  it('records uploads, renames and removals in the audit log', async () => {
    await schoolCore();
    const link = ok<AttachmentLink>(await upload('a.pdf', makePdf()));
    ok(await t.core.dispatch('attachments.rename', { linkId: link.id, name: 'b' }));
    ok(await t.core.dispatch('attachments.remove', { linkId: link.id }));
    const rows = withRawDb(
      (db) =>
        db
          .prepare(
            "SELECT action, before_json, after_json FROM audit_log WHERE entity = 'attachment_link'",
          )
          .all() as { action: string; before_json: string | null; after_json: string | null }[],
    );
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'delete']);
    expect(JSON.parse(rows[1].after_json!)).toMatchObject({ name: 'b', kind: 'other' });
    expect(rows[2].after_json).toBeNull();
  });

  it('a stored file cannot be deleted while a link uses it (database guard)', async () => {
    await schoolCore();
    ok(await upload('a.pdf', makePdf()));
    withRawDb((db) => {
      db.pragma('foreign_keys = ON');
      expect(() => db.prepare('DELETE FROM attachments').run()).toThrow(/FOREIGN KEY/);
    });
  });
});

describe('removeLinksOf (for an owner being deleted)', () => {
  it('drops the owner’s links and the files nothing else uses, after its commit', async () => {
    await schoolCore();
    const shared = makePdf('shared');
    const own = makePng();
    ok(await upload('共用.pdf', shared, 'cooperation_agreement'));
    const db = rawDb();
    try {
      // A room's links, written as the rooms feature will (owner tables are not checked here).
      const pdfId = (db.prepare('SELECT id FROM attachments').get() as { id: number }).id;
      db.prepare(
        `INSERT INTO attachment_links (attachment_id, owner_type, owner_id, kind, display_name, created_at)
         VALUES (?, 'room', 5, 'cooperation_agreement', '协议.pdf', 'x')`,
      ).run(pdfId);
      ok(await upload('照片.png', own, 'room_photo'));
      const pngId = (
        db.prepare('SELECT id FROM attachments WHERE ext = ?').get('png') as { id: number }
      ).id;
      db.prepare(
        `INSERT INTO attachment_links (attachment_id, owner_type, owner_id, kind, display_name, created_at)
         VALUES (?, 'room', 5, 'room_photo', '照片.png', 'x')`,
      ).run(pngId);
      db.prepare(
        "DELETE FROM attachment_links WHERE owner_type = 'school' AND kind = 'room_photo'",
      ).run();

      const result = removeLinksOf(db, 'room', 5, { at: 'now', actor: '测试' });
      expect(result).toEqual({ links: 2, releasedBlobs: [sha(own)], filesDeleted: 1 });
      expect(existsSync(blobFile(own))).toBe(false);
      expect(existsSync(blobFile(shared))).toBe(true);
      expect(tableCount('attachment_links')).toBe(1);
      expect(removeLinksOf(db, 'room', 5)).toEqual({
        links: 0,
        releasedBlobs: [],
        filesDeleted: 0,
      });
    } finally {
      db.close();
    }
  });

  it('inside the caller’s transaction it keeps files until the caller commits', async () => {
    await schoolCore();
    const pdf = makePdf();
    ok(await upload('方案.pdf', pdf));
    withRawDb((db) => {
      // The caller's transaction fails after the links went: everything comes back, file too.
      expect(() =>
        db.transaction(() => {
          const r = removeLinksOf(db, 'school', 1);
          expect(r).toEqual({ links: 1, releasedBlobs: [sha(pdf)], filesDeleted: 0 });
          throw new Error('owner delete failed');
        })(),
      ).toThrow('owner delete failed');
      expect(tableCount('attachment_links')).toBe(1);
      expect(existsSync(blobFile(pdf))).toBe(true);
      // Nothing is released after a rollback, so a late clean-up call deletes nothing.
      expect(deleteUnusedBlobFiles(db, [sha(pdf)])).toBe(0);
      expect(existsSync(blobFile(pdf))).toBe(true);

      const released = db.transaction(() => removeLinksOf(db, 'school', 1).releasedBlobs)();
      expect(existsSync(blobFile(pdf))).toBe(true);
      expect(deleteUnusedBlobFiles(db, released)).toBe(1);
      expect(existsSync(blobFile(pdf))).toBe(false);
    });
  });

  it('clears old leftovers of an interrupted upload at start-up, and only old ones', async () => {
    await schoolCore();
    const kept = makePdf();
    ok(await upload('方案.pdf', kept));
    const orphan = makePng();
    const orphanFile = blobFile(orphan);
    mkdirSync(path.dirname(orphanFile), { recursive: true });
    writeFileSync(orphanFile, orphan);
    const tempFile = path.join(path.dirname(orphanFile), `.${sha(orphan)}.1.abcd.tmp`);
    writeFileSync(tempFile, 'half');
    const freshTemp = path.join(path.dirname(orphanFile), `.${sha(orphan)}.2.abcd.tmp`);
    writeFileSync(freshTemp, 'in flight');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(orphanFile, old, old);
    utimesSync(tempFile, old, old);
    utimesSync(blobFile(kept), old, old);

    t.restart(() => new Date());
    expect(existsSync(orphanFile)).toBe(false);
    expect(existsSync(tempFile)).toBe(false);
    expect(existsSync(freshTemp)).toBe(true);
    expect(existsSync(blobFile(kept))).toBe(true);
  });
});
