import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import type { z } from 'zod';
import { mimeTypes, type FileOffer } from '../../../../shared/contract/files';
import type {
  BatchPhotoStatus,
  PhotoFileReport,
  PhotoImportReport,
  StudentPhoto,
  photoImportSchema,
} from '../../../../shared/contract/photos';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { safeFileName } from '../../../../shared/domain/fileNames';
import {
  photoFileName,
  photoNameKeys,
  photoProblems,
  type PhotoFacts,
} from '../../../../shared/domain/photos';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { openSafeZip, type ZipLimits } from '../../io/safeZip';
import { addSheet, newWorkbook, workbookBytes } from '../../io/sheetWriter';
import { writeZip, type ZipEntry } from '../../io/zip';
import { sha256Hex } from '../../io/checksum';
import { imageDecodes } from './decodes';
import {
  deleteUnusedBlobFiles,
  readStoredContent,
  releaseIfUnused,
  withStoredContent,
} from '../attachments/storedContent';
import { getBatch } from '../exams/batches';
import { offerExportBytes } from '../package/exportFile';
import {
  batchCandidates,
  photoRow,
  putPhoto,
  rulesInForce,
  type CandidatePhotoRow,
  type PhotoRow,
} from './repository';

/** A zip of photos: a class's worth of 一寸 photos is far below these. */
const photoZipLimits: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 500 * 1024 * 1024,
  maxEntryBytes: 20 * 1024 * 1024,
  maxRatio: 100,
};

/** One photo file to check: a picked file, or one entry of a picked zip. */
interface PhotoFile {
  fileName: string;
  bytes: Buffer;
}

/** Entries a zip tool adds that are no photos: folders' metadata (macOS, Windows). */
const systemEntry = (name: string) => {
  const base = name.split('/').pop() ?? name;
  return name.startsWith('__MACOSX/') || base.startsWith('.') || base === 'Thumbs.db';
};

/** The picked files, each zip opened (safely) into its entries. */
async function expand(files: readonly { fileName: string; contentBase64: string }[]) {
  const out: PhotoFile[] = [];
  for (const file of files) {
    const bytes = Buffer.from(file.contentBase64, 'base64');
    const type = await fileTypeFromBuffer(bytes);
    if (type?.ext !== 'zip') {
      out.push({ fileName: file.fileName, bytes });
      continue;
    }
    const zip = await openSafeZip(
      { bytes },
      { what: `压缩包“${file.fileName}”`, limits: photoZipLimits },
    );
    try {
      for (const entry of zip.entries) {
        if (systemEntry(entry.name)) continue;
        const chunks: Buffer[] = [];
        await zip.read(entry, (chunk) => chunks.push(chunk));
        out.push({ fileName: `${file.fileName}/${entry.name}`, bytes: Buffer.concat(chunks) });
      }
    } finally {
      zip.close();
    }
  }
  return out;
}

const contentLabels: Record<string, string> = {
  pdf: 'PDF 文档',
  zip: 'ZIP 压缩包',
  gif: 'GIF 图片',
  bmp: 'BMP 图片',
  webp: 'WebP 图片',
  tif: 'TIFF 图片',
  heic: 'HEIC 图片',
  docx: 'Word 文档',
  xlsx: 'Excel 表格',
};

/** What the bytes are: JPEG/PNG by content, and the pixel size read from them. */
export async function photoFacts(bytes: Buffer): Promise<PhotoFacts & { mime: string | null }> {
  const found = await fileTypeFromBuffer(bytes);
  const type = found?.ext === 'jpg' || found?.ext === 'png' ? found.ext : null;
  if (!type) {
    const actually = found
      ? (contentLabels[found.ext] ?? `${found.ext.toUpperCase()} 文件`)
      : bytes.length === 0
        ? '空文件'
        : '文本或无法识别的内容';
    return { bytes: bytes.length, type: null, actually, width: null, height: null, mime: null };
  }
  let width: number | null = null;
  let height: number | null = null;
  try {
    const size = imageSize(bytes);
    width = size.width ?? null;
    height = size.height ?? null;
    // A JPEG's EXIF orientation 5–8 turns it a quarter: what a viewer shows is the other way.
    if (size.orientation && size.orientation >= 5 && width !== null && height !== null) {
      [width, height] = [height, width];
    }
  } catch {
    // Unreadable dimensions are reported by photoProblems.
  }
  return { bytes: bytes.length, type, width, height, mime: found!.mime };
}

/** What the audit log keeps of a student's photo. */
const photoAuditView = (row: PhotoRow) => ({
  studentId: row.student_id,
  sha256: row.sha256,
  width: row.width,
  height: row.height,
  sourceName: row.source_name,
});

/** Candidates keyed by 身份证号 and 学号, upper-cased as photoNameKeys gives them. */
function candidateIndex(rows: readonly CandidatePhotoRow[]) {
  const index = new Map<string, CandidatePhotoRow>();
  for (const row of rows) {
    index.set(row.id_number.toUpperCase(), row);
    index.set(row.student_no.toUpperCase(), row);
  }
  return index;
}

/** The stored photo of a student, or null: what the 准考证 and 签到表 print. */
export function photoForStudent(
  db: Db,
  studentId: number,
): { bytes: Buffer; ext: 'jpg' | 'png'; mime: string; width: number; height: number } | null {
  const row = photoRow(db, studentId);
  if (!row) return null;
  const bytes = readStoredContent(db, row.sha256, `学生照片（${row.source_name}）`);
  return { bytes, ext: row.ext, mime: row.mime, width: row.width, height: row.height };
}

export function photoStore(ctx: CoreContext) {
  const { db } = ctx;

  function status(batchId: number): BatchPhotoStatus {
    const batch = getBatch(db, batchId);
    const rows = batchCandidates(db, batchId);
    const missing = rows.filter((r) => r.attachment_id === null);
    return {
      rules: rulesInForce(db, batch.organization),
      candidates: rows.length,
      withPhoto: rows.length - missing.length,
      missing: missing.map((r) => ({
        studentId: r.student_id,
        studentNo: r.student_no,
        name: r.name,
        className: r.class_name,
      })),
    };
  }

  /**
   * Checks every photo file (a zip's entries each as one) against the batch's rules and matches
   * it to a candidate by the 身份证号 or 学号 in its name; with `commit`, stores the ones that
   * pass (replacing a candidate's earlier photo) in one transaction.
   */
  async function importPhotos(
    input: z.output<typeof photoImportSchema>,
  ): Promise<PhotoImportReport> {
    const batch = getBatch(db, input.batchId);
    const rules = rulesInForce(db, batch.organization);
    const files = await expand(input.files);
    const rows = batchCandidates(db, batch.id);
    const index = candidateIndex(rows);
    const taken = new Map<number, string>();
    const reports: (PhotoFileReport & { sha256: string; mime: string | null; bytesOf: Buffer })[] =
      [];
    for (const file of files) {
      const facts = await photoFacts(file.bytes);
      const keys = photoNameKeys(file.fileName);
      const candidate = keys.map((k) => index.get(k)).find((c) => c !== undefined);
      let problems = photoProblems(facts, rules);
      // Decoding is the slow check: only for a photo that passes the others.
      if (problems.length === 0 && !imageDecodes(file.bytes, facts.type!)) {
        problems = photoProblems({ ...facts, intact: false }, rules);
      }
      if (!candidate) {
        problems.unshift('文件名中没有本批次考生的身份证号或学号，无法确定是哪位考生');
      } else if (taken.has(candidate.student_id)) {
        problems.unshift(
          `与“${taken.get(candidate.student_id)}”是同一考生的照片：每位考生只导入一张`,
        );
      }
      const sha256 = sha256Hex(file.bytes);
      let outcome: PhotoFileReport['outcome'] = 'ready';
      if (problems.length > 0) outcome = 'rejected';
      else if (candidate!.sha256 === sha256) outcome = 'unchanged';
      else if (candidate!.attachment_id !== null) outcome = 'replaces';
      if (candidate && outcome !== 'rejected') taken.set(candidate.student_id, file.fileName);
      reports.push({
        fileName: file.fileName,
        studentId: candidate?.student_id ?? null,
        studentNo: candidate?.student_no ?? '',
        name: candidate?.name ?? '',
        outcome,
        problems,
        width: facts.width,
        height: facts.height,
        bytes: facts.bytes,
        sha256,
        mime: facts.mime,
        bytesOf: file.bytes,
      });
    }

    let imported = 0;
    if (input.commit) {
      const at = ctx.now();
      const storing = reports.filter((r) => r.outcome === 'ready' || r.outcome === 'replaces');
      const released: string[] = [];
      const stamp = auditStamp(ctx, at);
      const record = auditLog(db, 'student_photo', photoAuditView);
      db.transaction(() => {
        for (const r of storing) {
          const before = photoRow(db, r.studentId!);
          withStoredContent(
            db,
            {
              name: r.fileName,
              bytes: r.bytesOf,
              sha256: r.sha256,
              type: { ext: r.mime === 'image/png' ? 'png' : 'jpg', mime: r.mime! },
            },
            at,
            (attachmentId) =>
              putPhoto(
                db,
                {
                  studentId: r.studentId!,
                  attachmentId,
                  width: r.width!,
                  height: r.height!,
                  sourceName: r.fileName,
                },
                at,
              ),
          );
          const after = photoRow(db, r.studentId!)!;
          record(stamp, r.studentId!, before ? 'update' : 'create', before ?? null, after);
          if (before && before.attachment_id !== after.attachment_id) {
            if (releaseIfUnused(db, before.attachment_id)) released.push(before.sha256);
          }
          imported += 1;
        }
      }).immediate();
      deleteUnusedBlobFiles(db, released);
    }
    const after = batchCandidates(db, batch.id);
    return {
      rules,
      files: reports.map(({ sha256: _s, mime: _m, bytesOf: _b, ...r }) => r),
      imported,
      candidates: after.length,
      missing: after.filter((r) => r.attachment_id === null).length,
    };
  }

  function get(studentId: number): StudentPhoto | null {
    const row = photoRow(db, studentId);
    if (!row) return null;
    const bytes = readStoredContent(db, row.sha256, `学生照片（${row.source_name}）`);
    return {
      studentId,
      contentBase64: bytes.toString('base64'),
      mime: row.mime,
      width: row.width,
      height: row.height,
      sourceName: row.source_name,
      updatedAt: row.updated_at,
    };
  }

  /**
   * The batch's photos named by the rules' pattern (a name given twice gets “(2)”), and
   * 缺少照片名单.xlsx listing the candidates still without one, in one zip.
   */
  async function exportPhotos(batchId: number): Promise<FileOffer> {
    const batch = getBatch(db, batchId);
    const rules = rulesInForce(db, batch.organization);
    const rows = batchCandidates(db, batchId);
    const entries: ZipEntry[] = [];
    const used = new Set<string>();
    for (const r of rows) {
      if (r.sha256 === null || r.ext === null) continue;
      let name = photoFileName(
        rules.namePattern,
        { name: r.name, idNumber: r.id_number, studentNo: r.student_no },
        r.ext,
      );
      for (let n = 2; used.has(name.toLowerCase()); n += 1) {
        name = name.replace(/(\(\d+\))?\.(jpg|png)$/, `(${n}).$2`);
      }
      used.add(name.toLowerCase());
      entries.push({ name, data: readStoredContent(db, r.sha256, name) });
    }
    const missing = rows.filter((r) => r.sha256 === null);
    if (entries.length === 0) {
      throw new CoreError(
        'CONFLICT',
        `本批次 ${rows.length} 名考生都还没有照片，没有可导出的照片。请先导入照片。`,
      );
    }
    const label = batchLabel(batch);
    const wb = await newWorkbook();
    addSheet(
      wb,
      '缺少照片',
      ['序号', '学号', '姓名', '身份证号', '班级'],
      missing.map((r, i) => [i + 1, r.student_no, r.name, r.id_number, r.class_name]),
      {
        textColumns: [1, 3],
        title: {
          text: `${label} 缺少照片名单（共 ${rows.length} 名考生，缺 ${missing.length} 人）`,
          madeOn: ctx.today(),
        },
      },
    );
    entries.push({ name: '缺少照片名单.xlsx', data: await workbookBytes(wb) });
    // Streamed to the page, not base64 in the answer: 120 photos of 200 KB are 24 MB.
    return offerExportBytes(ctx, await writeZip(entries), {
      fileName: `${safeFileName(`${label} 考生照片`)}.zip`,
      mime: mimeTypes.zip,
    });
  }

  return { status, importPhotos, get, exportPhotos };
}
