import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';
import { attendanceService } from './attendance';
import { batchWrites, getBatch, listBatches } from './batches';
import { resultImportDefinition } from './resultImport';
import { resultImportFields } from './resultSheet';
import { signupService } from './signups';
import { batchUsage } from './usage';

type ExamHandlerName =
  | 'exams.batches.list'
  | 'exams.batches.get'
  | 'exams.batches.save'
  | 'exams.batches.usage'
  | 'exams.batches.delete'
  | 'exams.signups.candidates'
  | 'exams.signups.create'
  | 'exams.signups.list'
  | 'exams.signups.planStatus'
  | 'exams.signups.setStatus'
  | 'exams.signups.saveResult'
  | 'exams.signups.saveResults'
  | 'exams.attendance.list'
  | 'exams.attendance.save'
  | 'exams.attendance.absentSheet'
  | 'exams.results.importPreview'
  | 'exams.results.importCommit'
  | 'exams.results.importProblems'
  | 'exams.results.importTemplate';

/** 考核批次 and 考核报名 (notice rules 9–11). Fees and payers: the ledger module. */
export function examsHandlers(ctx: CoreContext): HandlersFor<ExamHandlerName> {
  const { db } = ctx;
  const batches = batchWrites(ctx);
  const signups = signupService(ctx);
  const attendance = attendanceService(ctx);
  /** The result sheet's import, for the batch the request names. */
  const results = (input: { batchId: number; file: { fileName: string } }) =>
    resultImportDefinition(ctx, getBatch(db, input.batchId), input.file.fileName);
  return {
    'exams.batches.list': (input) => listBatches(db, input),
    'exams.batches.get': ({ id }) => getBatch(db, id),
    'exams.batches.save': (input) => batches.save(input),
    'exams.batches.usage': ({ id }) => {
      getBatch(db, id);
      return batchUsage(db, id);
    },
    'exams.batches.delete': ({ id, force }) => batches.remove(id, force),
    'exams.signups.candidates': (input) => signups.candidates(input),
    'exams.signups.create': (input) => signups.create(input),
    'exams.signups.list': (input) => signups.list(input),
    'exams.signups.planStatus': ({ ids, status }) => signups.planStatus(ids, status),
    'exams.signups.setStatus': ({ ids, status }) => signups.setStatus(ids, status),
    'exams.signups.saveResult': (input) => signups.saveResult(input),
    'exams.signups.saveResults': (input) => signups.saveResults(input),
    'exams.attendance.list': ({ batchId }) => attendance.list(batchId),
    'exams.attendance.save': (input) => attendance.save(input),
    'exams.attendance.absentSheet': ({ batchId }) => attendance.absentSheet(batchId),
    'exams.results.importPreview': (input) => previewImport(results(input), input, ctx),
    'exams.results.importCommit': (input) => commitImport(results(input), input, ctx),
    'exams.results.importProblems': (input) => problemRowsSheet(results(input), input, ctx),
    'exams.results.importTemplate': () =>
      importTemplate('成绩导入模板.xlsx', '成绩', resultImportFields),
  };
}
