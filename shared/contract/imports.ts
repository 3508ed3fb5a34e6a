import { z } from 'zod';
import { uploadedFileSchema } from './files';

/**
 * The shape every spreadsheet import shares (catalogue, teachers, students): the same request
 * for preview and commit. Commit checks every row again against the saved data; only the parsed
 * file is remembered, by its content, so the same bytes are not parsed twice.
 */
export const importRequestSchema = z.object({
  file: uploadedFileSchema,
  /** The user's own column choices, `{ field: columnIndex }` (0 = column A); null unmaps a field. */
  mapping: z
    .record(
      z.string(),
      z
        .number({ error: '列序号必须是数字' })
        .int({ error: '列序号必须是整数' })
        .min(0, { error: '列序号不能为负数' })
        .max(16383, { error: '列序号超出 Excel 的列数范围' })
        .nullable(),
    )
    .optional(),
  /** A named worksheet; the first one when omitted. */
  sheetName: z.string().max(100, { error: '工作表名称过长' }).optional(),
  /** Chosen by the page so it can follow this call's progress events. */
  taskId: z.string().max(100, { error: 'taskId 过长' }).optional(),
});
export type ImportRequest = z.input<typeof importRequestSchema>;

export interface ImportColumn {
  /** 0-based: column A is 0. */
  index: number;
  /** Excel's column letter, e.g. `C`. */
  letter: string;
  /** The header cell's text ('' when blank). */
  header: string;
  /** How messages name the column: the header, or `C 列` when the header is blank. */
  label: string;
}

export interface ImportFieldInfo {
  key: string;
  label: string;
  required: boolean;
}

export interface ImportRowError {
  /** The row number the spreadsheet itself shows. */
  rowNumber: number;
  /** The column's header text (or `C 列`); null for a problem of the whole row. */
  column: string | null;
  field: string | null;
  /** The problem alone, e.g. `不能为空`. */
  reason: string;
  /** The whole sentence: `第 5 行“证书名称”列：不能为空`. */
  message: string;
}

export interface ImportPreviewRow {
  rowNumber: number;
  /** Cleaned cell text per field ('' when empty or unmapped). */
  values: Record<string, string>;
  /** What commit would do with a valid row; null while the row has errors. */
  action: 'create' | 'update' | null;
  errors: ImportRowError[];
  /** Worth a look but not blocking (e.g. a 15-digit old ID number); absent when none. */
  warnings?: ImportRowError[];
}

export interface ImportSummary {
  total: number;
  valid: number;
  invalid: number;
  toCreate: number;
  toUpdate: number;
}

export interface ImportPreview {
  fileName: string;
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  sheetNames: string[];
  /** Where the header was found (title rows above it are skipped). */
  headerRowNumber: number;
  columns: ImportColumn[];
  fields: ImportFieldInfo[];
  /** field → column index, or null when the field has no column. */
  mapping: Record<string, number | null>;
  /** Required fields without a column: rows are not checked until they are mapped. */
  missingFields: ImportFieldInfo[];
  rows: ImportPreviewRow[];
  summary: ImportSummary;
}

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
}
