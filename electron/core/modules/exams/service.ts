import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';
import { batchWrites, getBatch, listBatches } from './batches';
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
  | 'exams.signups.saveResult';

/** 考核批次 and 考核报名 (notice rules 9–11). Fees and payers: the ledger module. */
export function examsHandlers(ctx: CoreContext): HandlersFor<ExamHandlerName> {
  const { db } = ctx;
  const batches = batchWrites(ctx);
  const signups = signupService(ctx);
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
  };
}
