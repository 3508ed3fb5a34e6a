import { chinaDate } from '../../../../shared/domain/dates';
import type { ManifestBatch, PackageManifest } from '../../../../shared/contract/package';
import { PACKAGE_FORMAT_VERSION } from '../../../../shared/contract/package';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { safeFileName } from '../../../../shared/domain/fileNames';
import type { Db } from '../../db/open';
import { CoreError, mustExist } from '../../errors';
import type { CancellableTask } from '../../io/tasks';
import { loadBatch } from '../fees/batches';
import { figuresByBatch } from '../fees/figures';
import { FEE_SHEET_FILE, feeSheet, UPLOAD_SHEET_FILE, uploadSheet } from '../fees/sheets';
import { MAX_NAME_PART } from './attachmentLabels';
import { packageSchool } from './data';
import { packageContents } from './manifestZip';

export interface BatchPackageData {
  school: { name: string; code: string };
  batch: ManifestBatch;
}

/** The school and the batch with its live sign-ups; refuses a missing or empty batch. */
export function gatherBatchPackageData(db: Db, batchId: number): BatchPackageData {
  const batch = mustExist(loadBatch(db, batchId), '考核批次', batchId, '可能已被删除，请刷新');
  const school = packageSchool(db, '考核报名材料包');
  const signups = figuresByBatch(db, batchId).get(batchId)?.signups ?? 0;
  if (signups === 0) {
    throw new CoreError(
      'CONFLICT',
      `考核批次“${batchLabel(batch)}”没有有效的报名（已撤销的不计），无法导出考核报名材料包。请先在该批次中报名考生。`,
    );
  }
  return {
    school: { name: school.name, code: school.code },
    batch: {
      id: batch.id,
      certificateName: batch.certificateName,
      level: batch.level,
      levelLabel: certificateLevelLabels[batch.level],
      name: batch.name,
      examDate: batch.examDate,
      organization: batch.organization,
      signups,
    },
  };
}

/**
 * {学校名称}_{证书名称}{等级}_{考核日期YYYYMMDD}[_{批次名称}]_考核报名材料.zip — every part from the
 * data (not the clock), so the same batch always gets the same name.
 */
export function batchPackageFileName({ school, batch }: BatchPackageData): string {
  const parts = [
    school.name,
    `${batch.certificateName}${batch.levelLabel}`,
    batch.examDate.replaceAll('-', ''),
    ...(batch.name.trim() ? [batch.name.trim()] : []),
  ];
  const base = parts.join('_');
  return `${safeFileName(base, '_', MAX_NAME_PART)}_考核报名材料.zip`;
}

/** The documents every batch package holds (the sheets name them): 校验材料包 requires them. */
export const batchDocuments: readonly string[] = [UPLOAD_SHEET_FILE, FEE_SHEET_FILE];

/** Units of work `buildBatchPackage` reports progress in: two sheets, then the zip. */
export const BATCH_PACKAGE_WORK = 3;

/**
 * Writes the batch package to `target` (which must not exist yet): 考生信息上传表.xlsx,
 * 费用明细表.xlsx and manifest.json. Same data (and clock) → same bytes. Call it in the same turn
 * as `gatherBatchPackageData` (no await between), so both read one state of the database.
 */
export async function buildBatchPackage(
  db: Db,
  data: BatchPackageData,
  options: {
    now: Date;
    appVersion: string;
    target: string;
    task: Pick<CancellableTask, 'signal' | 'checkpoint'>;
    progress: (done: number) => void;
  },
): Promise<PackageManifest> {
  const { task, progress } = options;
  const contents = packageContents();
  // Both sheets query the database before anything awaits, in the same turn as the caller's
  // `gatherBatchPackageData`: the sheets and the manifest's count see the same sign-ups.
  const sheets = await Promise.all([
    uploadSheet(db, data.batch.id),
    feeSheet(db, data.batch.id, chinaDate(options.now)),
  ]);
  progress(sheets.length);
  for (const sheet of sheets) contents.addBytes(sheet.fileName, sheet.bytes);
  await task.checkpoint();
  const manifest = await contents.write(
    {
      formatVersion: PACKAGE_FORMAT_VERSION,
      appVersion: options.appVersion,
      createdAt: options.now.toISOString(),
      kind: 'batch',
      draft: false,
      school: data.school,
      projects: [],
      batch: data.batch,
    },
    options.target,
    task.signal,
  );
  progress(BATCH_PACKAGE_WORK);
  return manifest;
}
