import type {
  FileDownload,
  FundLine,
  FundSaveData,
  FundsOverview,
  ProjectFunds,
} from '../../../../shared/contract/funds';
import { afterTodayProblem } from '../../../../shared/domain/dates';
import {
  addUpFundLines,
  studentFeeAmountProblem,
  unassignedProjectLabel,
} from '../../../../shared/domain/funds';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import type { Db } from '../../db/open';
import { mustExist, notFoundError, refuseField, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { recordDocuments } from '../attachments/recordDocument';
import { loadBatches } from '../fees/batches';
import { fundsPdf, fundsSheet } from './export';
import { pilotProgress } from './progress';
import {
  entriesOfYear,
  entryLine,
  entrySnapshot,
  entryValues,
  examFeeLines,
  findEntry,
  spendingEntries,
  fundYears,
  projectOptions,
  signupOf,
  studentFeeOptions,
  studentFeeProblem,
  projectExists,
  entryOfSignup,
  storedEntryDocument,
  entryRecords,
  studentFeeEntries,
  type FundEntryRow,
} from './repository';

type FundsHandlerName =
  | 'funds.overview'
  | 'funds.save'
  | 'funds.delete'
  | 'funds.attachDocument'
  | 'funds.removeDocument'
  | 'funds.readDocument'
  | 'funds.studentFees'
  | 'funds.sheet'
  | 'funds.pdf'
  | 'funds.progress';

function mustGet(db: Db, id: number): FundEntryRow {
  return mustExist(findEntry(db, id), '经费记录', id);
}

/**
 * Every line of a year (entries and the 考核费 read from payments), the per-project totals and
 * the selection's: what the page, 首页 and the 使用情况表 show.
 */
export function fundsOverview(db: Db, year: number, projectId: number | null): FundsOverview {
  const projects = projectOptions(db);
  if (projectId !== null && !projects.some((p) => p.id === projectId)) {
    throw notFoundError('试点项目', projectId, '可能已被删除，请刷新');
  }
  const batches = loadBatches(db);
  const entries = entriesOfYear(db, year, null).map((row) => entryLine(db, row, batches));
  const all = [...entries, ...examFeeLines(db, year)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key),
  );
  const byProjectId = new Map<number | null, FundLine[]>();
  for (const line of all) {
    const list = byProjectId.get(line.projectId) ?? [];
    list.push(line);
    byProjectId.set(line.projectId, list);
  }
  const byProject: ProjectFunds[] = projects
    .filter((p) => byProjectId.has(p.id))
    .map((p) => ({ projectId: p.id, label: p.label, ...addUpFundLines(byProjectId.get(p.id)!) }));
  const unassigned = byProjectId.get(null);
  if (unassigned) {
    byProject.push({
      projectId: null,
      label: unassignedProjectLabel,
      ...addUpFundLines(unassigned),
    });
  }
  const lines = projectId === null ? all : all.filter((l) => l.projectId === projectId);
  const years = [...new Set([year, ...fundYears(db)])].sort((a, b) => b - a);
  return { year, projectId, years, projects, byProject, totals: addUpFundLines(lines), lines };
}

/**
 * Every spending with no document (`lacksDocument`), of every year, by date: 首页 lists them
 * per year, so an earlier year's gap stays listed after the year turns.
 */
export function undocumentedSpending(db: Db): FundLine[] {
  const entries = spendingEntries(db).map((row) => entryLine(db, row));
  return [...entries, ...examFeeLines(db, null)]
    .filter((line) => line.lacksDocument)
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

/**
 * The money taken from students that rule 12 no longer allows (`studentFeeProblem`), in every
 * year: 首页 lists these beside the current year's funds, so a fee recorded last year whose
 * school-paid exam was later withdrawn is not hidden when the year turns.
 */
export function studentMoneyProblems(db: Db): FundLine[] {
  const batches = loadBatches(db);
  return studentFeeEntries(db)
    .map((row) => entryLine(db, row, batches))
    .filter((line) => line.problem !== null);
}

const download = (fileName: string, mime: string, bytes: Buffer): FileDownload => ({
  fileName,
  mime,
  contentBase64: bytes.toString('base64'),
  size: bytes.length,
});

/** 试点经费: income and spending per project and year; 考核费 read from the payments. */
export function fundsHandlers(ctx: CoreContext): HandlersFor<FundsHandlerName> {
  const { db } = ctx;
  const records = entryRecords(db);
  const load = (id: number) => mustGet(db, id);
  const rows = auditedRows(ctx, 'fund_entry', load, entrySnapshot);
  const documents = recordDocuments(ctx, {
    table: 'fund_entries',
    rows,
    load,
    document: storedEntryDocument,
    noDocument: (id) => `经费记录 #${id} 还没有上传凭证文件。`,
  });
  const line = (id: number) => entryLine(db, mustGet(db, id));
  const entry = documents.handlers(line, (id) => records.remove(id));

  /**
   * The checks the schema cannot make: the project exists; the money has moved (a line dated
   * after today would count in a weekly report that has not begun); a student fee passes rule 12.
   */
  const check = (input: FundSaveData, before: FundEntryRow | null) => {
    if (!projectExists(db, input.projectId)) {
      throw validationError([
        { path: 'projectId', message: '所选试点项目不存在（可能已被删除），请重新选择' },
      ]);
    }
    refuseField('occurredOn', afterTodayProblem('日期', input.occurredOn, ctx.today()));
    if (input.direction !== 'income' || input.signupId === null) return;
    refuseField('signupId', studentFeeProblem(db, input.signupId));
    const signup = signupOf(db, input.signupId)!;
    if (signup.projectId !== input.projectId) {
      throw validationError([
        {
          path: 'projectId',
          message:
            signup.projectId === null
              ? `报名“${signup.label}”的考核批次没有对应的试点项目（证书在考核年度的试点项目），不能登记到试点经费`
              : '所选试点项目与这条报名的考核批次所属项目不一致，请选择报名所属的试点项目',
        },
      ]);
    }
    refuseField('amount', studentFeeAmountProblem(input.amount, signup.feeFen));
    const other = entryOfSignup(db, input.signupId, before?.id ?? 0);
    if (other) {
      throw validationError([
        {
          path: 'signupId',
          message: `这条报名的考核费已登记为收入（经费记录 #${other.id}），不能重复登记`,
        },
      ]);
    }
  };

  const save = (input: FundSaveData): FundLine => {
    const saved = rows.save(input.id, (before, { at }) => {
      if (before && before.direction !== input.direction) {
        throw validationError([
          { path: 'direction', message: '已登记的收入不能改为支出（或反之），请删除后重新登记' },
        ]);
      }
      check(input, before);
      return records.save(before?.id ?? null, { ...entryValues(input), at });
    });
    return entryLine(db, saved);
  };

  return {
    'funds.overview': ({ year, projectId }) => fundsOverview(db, year, projectId),
    'funds.save': (input) => save(input),
    'funds.delete': ({ id }) => entry.remove(id),
    'funds.attachDocument': ({ id, file }) => entry.attachDocument(id, file),
    'funds.removeDocument': ({ id }) => entry.removeDocument(id),
    'funds.readDocument': ({ id }) => entry.readDocument(id),
    'funds.studentFees': () => studentFeeOptions(db),
    'funds.sheet': async ({ year, projectId }) => {
      const file = await fundsSheet(fundsOverview(db, year, projectId), ctx.today());
      return download(file.fileName, file.mime, file.bytes);
    },
    'funds.pdf': async ({ year, projectId }) => {
      const file = await fundsPdf(fundsOverview(db, year, projectId), ctx.today());
      return download(file.fileName, file.mime, file.bytes);
    },
    'funds.progress': ({ year }) => pilotProgress(ctx, year),
  };
}
