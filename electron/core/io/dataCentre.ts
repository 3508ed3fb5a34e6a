import { createHash } from 'node:crypto';
import type { DataCentreExport } from '../../../shared/contract/fees';
import { CoreError } from '../errors';
import { addSheet, newWorkbook, workbookBytes, type SheetValue } from './sheetWriter';

/*
 * The vocational-education data centre's tables (ODS_…), as schools report to it: the shared
 * parts of every such export — the record key, the school code, dates and the 数据采集时间.
 */

/**
 * 主键数据唯一性标识: 32 upper-case hex characters from a SHA-256 of the table name and the
 * record's identity, so the same record gets the same key in every export (never random).
 */
export function dataCentreKey(table: string, ...identity: readonly string[]): string {
  return createHash('sha256')
    .update([table, ...identity].join('\u001f'), 'utf8')
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
}

/** `YYYY-MM-DD` → `YYYYMMDD`; anything else (blank) → ''. */
export function dataCentreDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[1]}${m[2]}${m[3]}` : '';
}

/** 数据采集时间 “YYYYMMDD HHmmss” in China time (UTC+8, no daylight saving) at `instant`. */
export function collectedAt(instant: Date): string {
  const iso = new Date(instant.getTime() + 8 * 3600 * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** The school's 10-digit 学校代码, or a refusal saying where to fill it in. */
export function requireSchoolCode(code: string | undefined | null): string {
  if (!code || !/^\d{10}$/.test(code)) {
    throw new CoreError(
      'VALIDATION',
      '学校信息里还没有填写 10 位学校标识码（学校代码），数据中心的每一行都需要它。请先在“学校信息”中填写，再导出。未导出任何文件。',
      { fields: [{ path: 'school.code', message: '请填写 10 位学校标识码' }] },
    );
  }
  return code;
}

export interface DataCentreRow {
  /** Who the row is about, as a person reads it (学号 姓名 证书…), for the problem list. */
  record: string;
  values: SheetValue[];
  /** What required data is missing, in Chinese; empty when the row can be reported. */
  missing: string[];
}

export interface DataCentreProblem {
  /** 1-based position among the records, as the list shows them. */
  row: number;
  record: string;
  message: string;
}

export interface DataCentreSheet {
  file: { fileName: string; bytes: Buffer } | null;
  exported: number;
  /** Rows with everything required: what `skipIncomplete` would export. */
  complete: number;
  problems: DataCentreProblem[];
}

/**
 * The export: every row's missing data listed first; with any missing the file is written only
 * when `skipIncomplete` (then of the complete rows alone). Every cell is text, as the data
 * centre's templates expect (codes keep their leading zeros).
 */
export async function dataCentreSheet(
  fileName: string,
  sheetName: string,
  header: readonly string[],
  rows: readonly DataCentreRow[],
  skipIncomplete: boolean,
): Promise<DataCentreSheet> {
  const problems = rows.flatMap((r, index) =>
    r.missing.length === 0
      ? []
      : [{ row: index + 1, record: r.record, message: `缺少${r.missing.join('、')}` }],
  );
  const complete = rows.filter((r) => r.missing.length === 0);
  if (problems.length > 0 && !skipIncomplete) {
    return { file: null, exported: 0, complete: complete.length, problems };
  }
  const wb = await newWorkbook();
  addSheet(
    wb,
    sheetName,
    header,
    complete.map((r) => r.values.map((v) => (v === null ? '' : String(v)))),
    { textColumns: header.map((_, i) => i) },
  );
  return {
    file: { fileName, bytes: await workbookBytes(wb) },
    exported: complete.length,
    complete: complete.length,
    problems,
  };
}

/** A data-centre sheet as the page receives it (the file base64, as every download). */
export function dataCentreDownload({
  file,
  exported,
  complete,
  problems,
}: DataCentreSheet): DataCentreExport {
  return {
    file: file && {
      fileName: file.fileName,
      contentBase64: file.bytes.toString('base64'),
      size: file.bytes.length,
    },
    exported,
    complete,
    problems,
  };
}
