import {
  IMPORT_PREVIEW_PAGE,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportProblemSheet,
  type ImportResult,
} from '../../../shared/contract/imports';
import { CoreError } from '../errors';
import { newTaskId, progressReporter } from './progress';
import type { CancellableTask } from './tasks';
import { addSheet, newWorkbook, workbookBytes } from './sheetWriter';
import type { TableRow } from './table';
import { checkedFile, forgetLastRead, indexOfRow, previewRow } from './importAnalysis';
import {
  withMessage,
  type ImportDefinition,
  type ImportEnvironment,
  type ParsedImportRequest,
  type RowProblems,
} from './importDefinition';

/**
 * Runs one import call as a cancellable task under `taskId`. A cancelled call rejects with
 * CANCELLED (`what` names it) and leaves nothing behind: no table remembered for the commit, and
 * a commit's transaction rolled back.
 */
async function asTask<R>(
  env: ImportEnvironment,
  taskId: string,
  what: string,
  work: (task: CancellableTask) => Promise<R>,
): Promise<R> {
  const task = env.importTasks.begin(taskId, `已取消${what}，没有保存任何数据。`);
  try {
    return await work(task);
  } catch (error) {
    if (task.signal.aborted) forgetLastRead();
    throw error;
  } finally {
    task.end();
  }
}

/** The first `limit` errors, in file order, with their sentences. */
const firstErrors = (problems: ReadonlyMap<number, RowProblems>, limit: number) =>
  [...problems.values()]
    .flatMap((p) => p.errors)
    .slice(0, limit)
    .map(withMessage);

/** Reads and checks the file; writes nothing. */
export async function previewImport<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportPreview> {
  const taskId = request.taskId ?? newTaskId('import-preview');
  const analysis = await asTask(env, taskId, `检查${def.title}文件`, (task) =>
    checkedFile(def, request, env, taskId, task),
  );
  const { preview, people, mergedInto } = analysis;
  const rowsFrom = Math.min(
    request.rowsFrom ?? 0,
    Math.max(0, Math.floor((people.length - 1) / IMPORT_PREVIEW_PAGE) * IMPORT_PREVIEW_PAGE),
  );
  const listed = preview.groups.flatMap((g) => g.problems.map((p) => p.rowNumber));
  const listedValues: ImportPreview['listedValues'] = {};
  for (const rowNumber of listed) {
    const index = indexOfRow(people, mergedInto.get(rowNumber) ?? rowNumber);
    if (index >= 0) listedValues[rowNumber] = analysis.valuesOf(people[index]);
  }
  const rows: ImportPreviewRow[] = [];
  for (let i = rowsFrom; i < Math.min(people.length, rowsFrom + IMPORT_PREVIEW_PAGE); i += 1) {
    rows.push(previewRow(analysis, i));
  }
  return { ...preview, rows, rowsFrom, listedValues };
}

/** `“身份证号”列：身份证号码校验位错误（15 行）；…`: what the errors are, by group. */
function errorGroupsText(preview: Pick<ImportPreview, 'groups'>): string {
  const errors = preview.groups.filter((g) => g.severity === 'error');
  const shown = errors
    .slice(0, 3)
    .map((g) => `${g.column ? `“${g.column}”列：` : ''}${g.title}（${g.count} 行）`);
  return `${shown.join('；')}${errors.length > 3 ? ' 等' : ''}`;
}

/**
 * Reads and checks the file again and writes in one transaction: by default only if every row
 * is valid (either every row is saved or none is); with `skipInvalid`, the valid rows, leaving
 * the rows with errors out. Rows whose key exists are updated, so importing the same file twice
 * changes nothing the second time.
 */
export async function commitImport<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportResult> {
  const taskId = request.taskId ?? newTaskId('import-commit');
  return asTask(env, taskId, def.title, (task) => commitTask(def, request, env, taskId, task));
}

async function commitTask<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
  taskId: string,
  task: CancellableTask,
): Promise<ImportResult> {
  const { preview, problems, valid } = await checkedFile(def, request, env, taskId, task);
  if (preview.missingFields.length > 0) {
    const labels = preview.missingFields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：表格中找不到必填列 ${labels}。请在表头写上这些列名，或手动指定各列对应的字段。`,
      { missingFields: preview.missingFields, hint: 'importColumnMapping' },
    );
  }
  if (preview.summary.total === 0) {
    throw new CoreError(
      'VALIDATION',
      preview.skipped.examples > 0
        ? '未导入任何数据：表头下方只有模板的示例行（已跳过），没有要导入的数据行。'
        : '未导入任何数据：表头下方没有数据行。',
    );
  }
  const { invalid } = preview.summary;
  if (invalid > 0 && !request.skipInvalid) {
    const errors = firstErrors(problems, 200);
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：${invalid} 行有错误（${errorGroupsText(preview)}；例如${errors[0].message}）。请下载问题行修改后重新导入，或选择只导入无误的行。`,
      { rowErrors: errors },
    );
  }
  if (valid.length === 0) {
    throw new CoreError(
      'VALIDATION',
      `未导入任何数据：全部 ${invalid} 行都有错误（${errorGroupsText(preview)}），没有可导入的行。`,
    );
  }
  await task.checkpoint();
  // The writes are one transaction the worker cannot pause for a cancel: the page is told
  // (`final`), so it offers no 取消 that would not be honoured. A cancel seen anyway (the core in
  // the caller's thread) throws out of the transaction, which rolls back.
  const writing = progressReporter(
    env.events,
    taskId,
    `${def.title}：正在写入`,
    valid.length,
    true,
  );
  const result = env.db.transaction(() =>
    def.apply(
      valid,
      (done) => {
        task.check();
        writing(done);
      },
      invalid,
    ),
  )();
  writing(valid.length);
  forgetLastRead();
  return invalid > 0 ? { ...result, leftOut: invalid } : result;
}

/**
 * The rows with errors as an xlsx to fix in Excel and import again: 行号, the file's own columns
 * as they were read (all as text, so ID numbers stay whole), and 问题.
 */
export async function problemRowsSheet<K extends string, T>(
  def: ImportDefinition<K, T>,
  request: ParsedImportRequest,
  env: ImportEnvironment,
): Promise<ImportProblemSheet> {
  const taskId = request.taskId ?? newTaskId('import-problems');
  const { preview, people, problems } = await asTask(
    env,
    taskId,
    `生成${def.title}问题行`,
    (task) => checkedFile(def, request, env, taskId, task),
  );
  const problemRows = [...problems]
    .filter(([, p]) => p.errors.length > 0)
    .map(([index, p]) => ({ row: people[index], errors: p.errors }));
  if (preview.missingFields.length > 0) {
    const labels = preview.missingFields.map((f) => `“${f.label}”`).join('、');
    throw new CoreError('VALIDATION', `表格中找不到必填列 ${labels}，还没有逐行检查。`);
  }
  if (problemRows.length === 0) {
    throw new CoreError('VALIDATION', '没有有错误的行，无需下载。');
  }
  const width = preview.columns.length;
  const cells = (row: TableRow) =>
    Array.from({ length: width }, (_, i) => row.cells[i]?.text ?? '');
  const sheetHeader = ['行号', ...preview.columns.map((c) => c.header || c.label), '问题'];
  const sheetRows = problemRows.map(({ row, errors }) => [
    row.rowNumber,
    ...cells(row),
    errors.map((e) => (e.column ? `“${e.column}”列：${e.reason}` : e.reason)).join('；'),
  ]);
  const wb = await newWorkbook();
  addSheet(wb, '问题行', sheetHeader, sheetRows, {
    textColumns: preview.columns.map((c) => c.index + 1),
  });
  const stem = preview.fileName.replace(/\.[^.]+$/, '');
  const bytes = await workbookBytes(wb);
  return {
    fileName: `${stem}-问题行.xlsx`,
    contentBase64: bytes.toString('base64'),
    size: bytes.length,
  };
}
