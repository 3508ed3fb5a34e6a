import { fenToYuan } from '../../../../shared/domain/money';
import {
  certificateLevelCodes,
  certificateLevelLabels,
} from '../../../../shared/domain/certificate';
import { payerLabels, payers, signupStatusLabels } from '../../../../shared/domain/fees';
import {
  idTypeLabels,
  isLegacyResidentId,
  LEGACY_ID_WARNING,
} from '../../../../shared/domain/idNumber';
import { genderLabels } from '../../../../shared/domain/teachers';
import {
  standardUploadLayout,
  uploadTextColumns,
  type UploadColumn,
  type UploadColumnKey,
} from '../../../../shared/domain/uploadLayouts';
import { addUpSignups } from '../../../../shared/domain/signupFigures';
import type { UploadSheetFlag } from '../../../../shared/contract/fees';
import type { Db } from '../../db/open';
import { mustExist } from '../../errors';
import { addSheet, newWorkbook, workbookBytes, type SheetValue } from '../../io/sheetWriter';
import { loadBatches, type BatchInfo } from './batches';
import { allFeeSheetRows, batchFeeSheetRows, uploadRows, type SheetRow } from './sheetRepository';

/** The two sheets' file names, for downloads and for the batch package (which requires both). */
export const UPLOAD_SHEET_FILE = '考生信息上传表.xlsx';
export const FEE_SHEET_FILE = '费用明细表.xlsx';

export interface SheetFile {
  fileName: string;
  bytes: Buffer;
}

function mustBatch(batches: Map<number, BatchInfo>, batchId: number): BatchInfo {
  return mustExist(batches.get(batchId), '考核批次', batchId, '可能已被删除，请刷新');
}

/** The candidates of the 考生信息上传表 with 15-digit ID numbers, to fix before uploading. */
export function uploadSheetFlags(db: Db, batchId: number): UploadSheetFlag[] {
  mustBatch(loadBatches(db), batchId);
  return uploadRows(db, batchId)
    .filter((r) => isLegacyResidentId(r.id_type, r.id_number))
    .map((r) => ({
      studentNo: r.student_no,
      name: r.name,
      idNumber: r.id_number,
      message: LEGACY_ID_WARNING,
    }));
}

/**
 * 考生信息上传表 for one batch: its non-withdrawn candidates by 学号, in the platform's bulk
 * upload columns (等级 as 初级/中级/高级 and its 1/2/3 code) or in the columns, order and headers
 * of an organization's saved layout. ID numbers, 学号 and phones are text cells; typed text
 * never runs as a formula.
 */
export async function uploadSheet(
  db: Db,
  batchId: number,
  columns: readonly UploadColumn[] = standardUploadLayout,
): Promise<SheetFile> {
  const batch = mustBatch(loadBatches(db), batchId);
  const cell = (r: SheetRow): Record<UploadColumnKey, SheetValue> => ({
    name: r.name,
    gender: genderLabels[r.gender],
    idType: idTypeLabels[r.id_type],
    idNumber: r.id_number,
    studentNo: r.student_no,
    major: r.major_name,
    className: r.class_name,
    grade: r.entry_year === null ? '' : String(r.entry_year),
    phone: r.phone,
    certificate: batch.certificateName,
    level: certificateLevelLabels[batch.level],
    levelCode: certificateLevelCodes[batch.level],
    batch: batch.label,
  });
  const wb = await newWorkbook();
  addSheet(
    wb,
    '考生信息',
    columns.map((c) => c.header),
    uploadRows(db, batchId).map((r) => {
      const cells = cell(r);
      return columns.map((c) => cells[c.key]);
    }),
    {
      textColumns: columns.flatMap((c, i) => (uploadTextColumns.includes(c.key) ? [i] : [])),
    },
  );
  return { fileName: UPLOAD_SHEET_FILE, bytes: await workbookBytes(wb) };
}

export const FEE_SHEET_HEADER = [
  '学号',
  '姓名',
  '班级',
  '专业',
  '证书名称',
  '等级',
  '考核批次',
  '考核日期',
  '状态',
  '付费方',
  '费用（元）',
] as const;

/** The first cell of the total row: 合计（不含已撤销，N 人次）. */
export const FEE_SHEET_TOTAL = '合计';

/**
 * 费用明细表: every sign-up (of one batch, or all) with its fee and payer, then the figures
 * (`addUpSignups`): the total of the live ones, by payer, and the withdrawn ones on their own
 * line. Amounts are yuan numbers in money format, exam dates date cells; a title and the
 * 制表日期 (`madeOn`, YYYY-MM-DD) above the header.
 */
export async function feeSheet(db: Db, batchId: number | null, madeOn: string): Promise<SheetFile> {
  const batches = loadBatches(db);
  if (batchId !== null) mustBatch(batches, batchId);
  const rows = batchId === null ? allFeeSheetRows(db) : batchFeeSheetRows(db, batchId);
  const figures = addUpSignups(rows.map((r) => ({ ...r, n: 1, fen: r.fee_fen })));
  const body: SheetValue[][] = rows.map((r) => {
    const b = batches.get(r.batch_id);
    return [
      r.student_no,
      r.name,
      r.class_name,
      r.major_name,
      b?.certificateName ?? '',
      b ? certificateLevelLabels[b.level] : '',
      b?.label ?? '',
      b?.examDate ?? '',
      signupStatusLabels[r.status],
      payerLabels[r.payer],
      fenToYuan(r.fee_fen),
    ];
  });
  const total = (label: string, fen: number): SheetValue[] => [
    label,
    ...Array<SheetValue>(FEE_SHEET_HEADER.length - 2).fill(''),
    fenToYuan(fen),
  ];
  body.push(
    [],
    total(`${FEE_SHEET_TOTAL}（不含已撤销，${figures.signups} 人次）`, figures.feeFen),
    ...payers.map((p) => total(`其中${payerLabels[p]}`, figures.byPayer[p].feeFen)),
  );
  if (figures.withdrawn.signups > 0) {
    body.push(
      total(`另有已撤销 ${figures.withdrawn.signups} 人次（不计入合计）`, figures.withdrawn.feeFen),
    );
  }
  const wb = await newWorkbook();
  addSheet(wb, '费用明细', FEE_SHEET_HEADER, body, {
    textColumns: [0],
    moneyColumns: [FEE_SHEET_HEADER.indexOf('费用（元）')],
    dateColumns: [FEE_SHEET_HEADER.indexOf('考核日期')],
    title: {
      text:
        batchId === null
          ? '考核费用明细表'
          : `考核费用明细表（${mustBatch(batches, batchId).label}）`,
      madeOn,
    },
  });
  return { fileName: FEE_SHEET_FILE, bytes: await workbookBytes(wb) };
}
