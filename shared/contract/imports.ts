import * as z from 'zod';
import { uploadedFileSchema, type SheetDownload } from './files';
import { taskIdSchema } from './events';
import type { TopicsOf } from './topics';

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
  /** Chosen by the page so it can follow this call's progress events and cancel it (imports.cancel). */
  taskId: taskIdSchema.optional(),
  /**
   * Commit only: import the valid rows and leave the rows with errors out. Off by default, so a
   * file with errors changes nothing unless the person chose so.
   */
  skipInvalid: z.boolean({ error: 'skipInvalid 应为是或否' }).optional(),
  /** Preview only: the page of rows to show, from this 0-based position among the checked rows. */
  rowsFrom: z
    .number({ error: '行位置必须是数字' })
    .int({ error: '行位置必须是整数' })
    .min(0, { error: '行位置不能为负数' })
    .optional(),
});

type ImportStep = 'Preview' | 'Commit' | 'Problems' | 'Template';

const templateInput = z.object({}).strict();

/** The handlers of one spreadsheet import, named `<prefix>.import<Step>`. */
export type ImportHandlers<P extends string, I, C> = {
  readonly [S in ImportStep as `${P}.import${S}`]: S extends 'Preview'
    ? { readonly input: I; readonly output: ImportPreview }
    : S extends 'Commit'
      ? { readonly input: C; readonly output: ImportResult }
      : S extends 'Problems'
        ? { readonly input: I; readonly output: ImportProblemSheet }
        : { readonly input: typeof templateInput; readonly output: ImportProblemSheet };
};

/**
 * The four handlers every spreadsheet import has: `importPreview` checks the file and writes
 * nothing; `importCommit` saves the rows in one transaction (`commitInput` when it takes more
 * than the preview); `importProblems` gives the rows with errors as xlsx (行号, the file's
 * columns, 问题) to fix and import again; `importTemplate` is 下载模板 (header, one example row,
 * a 说明 sheet with each column's rule).
 */
export function importHandlers<P extends string, I extends z.ZodType, C extends z.ZodType = I>(
  prefix: P,
  input: I,
  commitInput?: C,
): ImportHandlers<P, I, C> {
  return {
    [`${prefix}.importPreview`]: { input, output: {} as ImportPreview },
    [`${prefix}.importCommit`]: { input: commitInput ?? input, output: {} as ImportResult },
    [`${prefix}.importProblems`]: { input, output: {} as ImportProblemSheet },
    [`${prefix}.importTemplate`]: { input: templateInput, output: {} as ImportProblemSheet },
  } as ImportHandlers<P, I, C>;
}

/**
 * Rows a preview answer carries: one page of the table (a 60,000-row roster answers with these,
 * not all of them); the counts and problem groups always cover the whole file.
 */
export const IMPORT_PREVIEW_PAGE = 20;
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
  /** The reason shared by every row of its group, e.g. 身份证号码校验位错误. */
  group: string;
}

/** Rows with the same problem, e.g. “身份证号码校验位错误 15 行”. */
export interface ImportProblemGroup {
  severity: 'error' | 'warning';
  title: string;
  field: string | null;
  /** The column's label, null for a problem of the whole row. */
  column: string | null;
  /** Rows in the group (all of them, even when `problems` is cut short). */
  count: number;
  /** Each row's problem in file order, at most `IMPORT_GROUP_LIST_LIMIT`. */
  problems: ImportRowError[];
  /**
   * For a group the import lists by value (专业未匹配): the distinct texts of its column over ALL
   * its rows, not only the listed ones, most rows first.
   */
  values?: ImportGroupValue[];
  /**
   * Rows that share a value only one row may have (学号, 身份证号) but differ elsewhere: the page
   * lays them side by side with every column, so the difference shows.
   */
  compare?: true;
}

/** One distinct cell text of a group's column (spaces, width and letter case ignored). */
export interface ImportGroupValue {
  /** As the first row with it spells it. */
  text: string;
  /** Rows of the group with this text. */
  count: number;
  /** The earliest year those rows give (e.g. in 入学年份), when the import names such a field. */
  earliestYear: number | null;
}

/** Rows of the file that are not students, teachers…: read past, never imported. */
export interface ImportSkipped {
  /** 合计, 小计, 总计, 共 N 人. */
  totals: number;
  /** A single note line such as 注：… or 制表人：…. */
  notes: number;
  /** Empty rows between data rows (or rows with nothing in any imported column). */
  blank: number;
  /** 下载模板's example row, left in as it came (every imported column holds its example). */
  examples: number;
  /** Rows identical to an earlier row in every imported column: imported once. */
  merged: number;
}

/** How many rows a group lists; the count and the downloaded problem rows cover all. */
export const IMPORT_GROUP_LIST_LIMIT = 500;

export interface ImportPreviewRow {
  rowNumber: number;
  /** Cleaned cell text per field ('' when empty or unmapped). */
  values: Record<string, string>;
  /**
   * What commit would do with a valid row ('unchanged': it matches a saved record that already
   * holds what it says, so nothing is written); null while the row has errors.
   */
  action: 'create' | 'update' | 'unchanged' | null;
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
  /** Valid rows matching a saved record that already holds what they say (未改动). */
  unchanged: number;
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
  /** One page of the checked rows (IMPORT_PREVIEW_PAGE), starting at `rowsFrom`. */
  rows: ImportPreviewRow[];
  rowsFrom: number;
  /** The cells of the rows the problem groups list (by 行号), so each group shows who it is. */
  listedValues: Record<number, Record<string, string>>;
  summary: ImportSummary;
  /** Errors first, then warnings; each by how many rows it has, most first. */
  groups: ImportProblemGroup[];
  skipped: ImportSkipped;
  /** The fields that tell who a row is (e.g. 学号, 姓名), shown beside each problem. */
  identityFields: string[];
  /** What the import says of the rows as a whole, e.g. 成绩导入's 匹配 / 未匹配 / 冲突 counts. */
  headline?: string;
}

export interface ImportResult {
  total: number;
  created: number;
  /** Saved records the file actually changed. */
  updated: number;
  /** Rows matching a saved record that already held the same values: nothing was written. */
  unchanged?: number;
  /** Rows with errors left out by `skipInvalid`; absent when every row was imported. */
  leftOut?: number;
}

/** The problem rows as an xlsx to fix in Excel: 行号, the file's own columns, 问题. */
export type ImportProblemSheet = SheetDownload;

export const importCancelSchema = z.object({ taskId: taskIdSchema }).strict();

export interface ImportCancelResult {
  /**
   * True when an import's preview, commit or problem rows with this id was running: it stops and
   * rejects with CANCELLED, having saved nothing (a commit's transaction is rolled back).
   */
  cancelled: boolean;
}

/** 取消 for every spreadsheet import (catalogue, teachers, students, results, admissions). */
export const importsContract = {
  'imports.cancel': { input: importCancelSchema, output: {} as ImportCancelResult },
} as const;

export const importsTopics = {
  // Declared as a write so that it reaches the core running the import, not the reader.
  'imports.cancel': { writes: ['imports'] },
} as const satisfies TopicsOf<typeof importsContract>;
