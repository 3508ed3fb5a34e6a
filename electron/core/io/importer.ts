import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  ImportFieldInfo,
  ImportPreview,
  ImportPreviewRow,
  ImportResult,
  ImportRowError,
  importRequestSchema,
} from '../../../shared/contract/imports';
import type { Db } from '../db/open';
import { CoreError } from '../errors';
import type { EventSource } from '../events';
import { describeColumns, locateHeader, resolveMapping, type ImportFieldSpec } from './header';
import { newTaskId, progressReporter } from './progress';
import { decodeUpload, readTable } from './read';
import { lostLongIdentifier, type Cell, type Table } from './table';

export type ParsedImportRequest = z.output<typeof importRequestSchema>;

/** A row that passed every check, with the value the schema made of it. */
export interface ValidRow<T> {
  rowNumber: number;
  key: string;
  value: T;
}

/** A problem the definition found in a row, on one of its fields (null: the whole row). */
export interface RowProblem<K extends string> {
  field: K | null;
  reason: string;
}

/** What `checkRow` found: errors block the row; warnings are shown and do not block it. */
export interface RowCheck<K extends string> {
  errors?: readonly RowProblem<K>[];
  warnings?: readonly RowProblem<K>[];
}

/**
 * What one kind of import (certificates, teachers, students…) tells the generic importer. The
 * importer reads the file, finds the header, maps columns, checks every row with `rowSchema`
 * and, on commit, calls `apply` inside one transaction.
 */
export interface ImportDefinition<K extends string, T> {
  /** Names the task in progress events, e.g. 证书目录. */
  title: string;
  fields: readonly ImportFieldSpec<K>[];
  /** Turns one row's cell texts (`Record<K, string>`, '' when empty) into a record. */
  rowSchema: z.ZodType<T>;
  /** The matching key (e.g. normalised name or ID number): equal keys are the same record. */
  keyOf(value: T): string;
  /** The field a duplicate key is reported on. */
  keyField: K;
  /** Keys of records that exist already, so preview can say 新增 or 更新. */
  existingKeys(): Set<string>;
  /**
   * Optional further checks of a row that passed `rowSchema` and is no duplicate key: against
   * saved data and the rows before it (a second unique key such as an ID number, a clash with
   * another record), plus warnings that do not block the import. Called in file order.
   */
  checkRow?(value: T, rowNumber: number): RowCheck<K>;
  /** Creates or updates every row; runs inside the import's single transaction. */
  apply(rows: readonly ValidRow<T>[], progress: (done: number) => void): ImportResult;
}

export interface ImportEnvironment {
  events: EventSource;
}

export const LOST_DIGITS_REASON =
  '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入';

/**
 * The last file read, by content: a commit right after its preview (the same bytes and sheet)
 * does not parse the file again. The rows are still checked again against the saved data.
 * Tables are never changed after reading, so sharing one is safe.
 */
let lastRead: { key: string; table: Table } | undefined;

async function readTableOnce(
  bytes: Uint8Array,
  options: { fileName: string; sheetName?: string },
): Promise<Table> {
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${options.sheetName ?? ''}`)
    .digest('hex');
  if (lastRead?.key === key) return lastRead.table;
  const table = await readTable(bytes, options);
  lastRead = { key, table };
  return table;
}

/** Lets go of the remembered table (after a commit, or in tests). */
export function forgetLastRead(): void {
  lastRead = undefined;
}

function rowError(
  rowNumber: number,
  column: string | null,
  field: string | null,
  reason: string,
): ImportRowError {
  const where = column === null ? `第 ${rowNumber} 行` : `第 ${rowNumber} 行“${column}”列`;
  return { rowNumber, column, field, reason, message: `${where}：${reason}` };
}

async function analyse<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
  taskId: string,
): Promise<{ preview: ImportPreview; valid: ValidRow<T>[] }> {
  const reading = progressReporter(env.events, taskId, `${def.title}：正在读取文件`, 1);
  const table = await readTableOnce(decodeUpload(request.file), {
    fileName: request.file.fileName,
    sheetName: request.sheetName,
  });
  reading(1);

  const fieldInfo: ImportFieldInfo[] = def.fields.map((f) => ({
    key: f.key,
    label: f.label,
    required: f.required ?? false,
  }));
  const located = locateHeader(table.rows, def.fields);
  if (!located) {
    const names = def.fields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError(
      'BAD_FILE',
      table.rows.length === 0
        ? '文件中没有任何数据（所有单元格都是空的）。'
        : `没有找到表头：前 20 行中没有一行包含这些列名：${names}。请确认${
            table.format === 'xlsx' ? '所选工作表' : '文件'
          }是数据表，且表头在数据上方。`,
    );
  }
  const header = table.rows[located.rowIndex];
  const dataRows = table.rows.slice(located.rowIndex + 1);
  const columns = describeColumns(header, dataRows);
  const mapping = resolveMapping(def.fields, located.matches, columns, request.mapping);
  const missingFields = fieldInfo.filter((f) => f.required && mapping[f.key as K] === null);

  const base = {
    fileName: request.file.fileName,
    format: table.format,
    sheetName: table.sheetName,
    sheetNames: table.sheetNames,
    headerRowNumber: header.rowNumber,
    columns,
    fields: fieldInfo,
    mapping,
    missingFields,
  };
  if (missingFields.length > 0) {
    const summary = { total: dataRows.length, valid: 0, invalid: 0, toCreate: 0, toUpdate: 0 };
    return { preview: { ...base, rows: [], summary }, valid: [] };
  }

  const columnLabel = (field: K) => {
    const index = mapping[field];
    return index === null ? null : columns[index].label;
  };
  const existing = def.existingKeys();
  const firstRowOfKey = new Map<string, number>();
  const checking = progressReporter(
    env.events,
    taskId,
    `${def.title}：正在检查数据`,
    dataRows.length,
  );
  const rows: ImportPreviewRow[] = [];
  const valid: ValidRow<T>[] = [];
  let toCreate = 0;
  let toUpdate = 0;

  dataRows.forEach((row, i) => {
    const values = {} as Record<K, string>;
    const errors: ImportRowError[] = [];
    const warnings: ImportRowError[] = [];
    const flagged = new Set<string>();
    for (const field of def.fields) {
      const index = mapping[field.key];
      const cell: Cell | undefined = index === null ? undefined : row.cells[index];
      values[field.key] = cell?.text ?? '';
      if (field.longId && cell && lostLongIdentifier(cell)) {
        errors.push(rowError(row.rowNumber, columnLabel(field.key), field.key, LOST_DIGITS_REASON));
        flagged.add(field.key);
      }
    }
    const result = def.rowSchema.safeParse(values);
    let action: ImportPreviewRow['action'] = null;
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : null;
        if (field !== null && flagged.has(field)) continue;
        if (field !== null) flagged.add(field);
        const column = field === null ? null : columnLabel(field as K);
        errors.push(rowError(row.rowNumber, column, field, issue.message));
      }
    } else if (errors.length === 0) {
      const key = def.keyOf(result.data);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        const keyLabel = def.fields.find((f) => f.key === def.keyField)?.label ?? def.keyField;
        errors.push(
          rowError(
            row.rowNumber,
            columnLabel(def.keyField),
            def.keyField,
            `与第 ${first} 行重复（${keyLabel}相同），同一文件中只能出现一次`,
          ),
        );
      } else {
        const checked = def.checkRow?.(result.data, row.rowNumber);
        for (const p of checked?.errors ?? []) {
          errors.push(rowError(row.rowNumber, p.field && columnLabel(p.field), p.field, p.reason));
        }
        for (const p of checked?.warnings ?? []) {
          warnings.push(
            rowError(row.rowNumber, p.field && columnLabel(p.field), p.field, p.reason),
          );
        }
        if (errors.length === 0) {
          firstRowOfKey.set(key, row.rowNumber);
          action = existing.has(key) ? 'update' : 'create';
          if (action === 'create') toCreate += 1;
          else toUpdate += 1;
          valid.push({ rowNumber: row.rowNumber, key, value: result.data });
        }
      }
    }
    rows.push(
      warnings.length > 0
        ? { rowNumber: row.rowNumber, values, action, errors, warnings }
        : { rowNumber: row.rowNumber, values, action, errors },
    );
    checking(i + 1);
  });

  const summary = {
    total: rows.length,
    valid: valid.length,
    invalid: rows.length - valid.length,
    toCreate,
    toUpdate,
  };
  return { preview: { ...base, rows, summary }, valid };
}

/** Reads and checks the file; writes nothing. */
export async function previewImport<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportPreview> {
  const taskId = request.taskId ?? newTaskId('import-preview');
  return (await analyse(def, request, env, taskId)).preview;
}

/**
 * Reads and checks the file again and, only if every row is valid, writes all rows in one
 * transaction: either every row is saved or none is. Rows whose key exists are updated, so
 * importing the same file twice changes nothing the second time.
 */
export async function commitImport<K extends string, T>(
  db: Db,
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportResult> {
  const taskId = request.taskId ?? newTaskId('import-commit');
  const { preview, valid } = await analyse(def, request, env, taskId);
  if (preview.missingFields.length > 0) {
    const labels = preview.missingFields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：表格中找不到必填列 ${labels}。请在表头写上这些列名，或手动指定各列对应的字段。`,
      { missingFields: preview.missingFields, hint: 'importColumnMapping' },
    );
  }
  if (preview.summary.total === 0) {
    throw new CoreError('VALIDATION', '未导入任何数据：表头下方没有数据行。');
  }
  if (preview.summary.invalid > 0) {
    const errors = preview.rows.flatMap((r) => r.errors);
    const shown = errors
      .slice(0, 3)
      .map((e) => e.message)
      .join('；');
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：${preview.summary.invalid} 行有错误（${shown}${
        errors.length > 3 ? ' 等' : ''
      }）。请修改文件后重新导入。`,
      { rowErrors: errors.slice(0, 200) },
    );
  }
  const writing = progressReporter(env.events, taskId, `${def.title}：正在写入`, valid.length);
  const result = db.transaction(() => def.apply(valid, writing))();
  writing(valid.length);
  forgetLastRead();
  return result;
}
