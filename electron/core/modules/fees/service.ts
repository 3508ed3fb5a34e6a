import type { SheetDownload } from '../../../../shared/contract/files';
import { dataCentreDownload } from '../../io/dataCentre';
import { skillCertificatesSheet, xCertificatesSheet } from './dataCentre';
import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';
import { batchHistory, studentHistory } from './history';
import { feeChanger, ledgerRepo } from './ledger';
import { paymentsRepo, reconcile } from './payments';
import { feeViolations } from './rules';
import { feeSheet, uploadSheet, uploadSheetFlags, type SheetFile } from './sheets';
import { schoolRepository } from '../school/repository';
import { feeTotals, studentStatement } from './statement';
import { statementPdf } from './statementPdf';
import { loadUploadLayout, uploadLayoutsRepo } from './uploadLayouts';

type FeesHandlerName =
  | 'fees.ledger'
  | 'fees.facets'
  | 'fees.planChange'
  | 'fees.change'
  | 'fees.violations'
  | 'fees.statement'
  | 'fees.statementPdf'
  | 'fees.totals'
  | 'fees.payments'
  | 'fees.savePayment'
  | 'fees.deletePayment'
  | 'fees.reconcile'
  | 'fees.uploadSheet'
  | 'fees.uploadSheetFlags'
  | 'fees.uploadLayouts.list'
  | 'fees.uploadLayouts.save'
  | 'fees.uploadLayouts.delete'
  | 'fees.feeSheet'
  | 'fees.skillCertificatesSheet'
  | 'fees.xCertificatesSheet'
  | 'fees.history.student'
  | 'fees.history.batch';

const download = ({ fileName, bytes }: SheetFile): SheetDownload => ({
  fileName,
  contentBase64: bytes.toString('base64'),
  size: bytes.length,
});

/** 费用台账: fees and payers of sign-ups, the money rules, payments, statements and sheets. */
export function feesHandlers(ctx: CoreContext): HandlersFor<FeesHandlerName> {
  const { db } = ctx;
  const ledger = ledgerRepo(db);
  const fees = feeChanger(ctx);
  const payments = paymentsRepo(ctx);
  const school = schoolRepository(db);
  const layouts = uploadLayoutsRepo(ctx);
  return {
    'fees.ledger': (input) => ledger.list(input),
    'fees.facets': () => ledger.facets(),
    'fees.planChange': (input) => fees.plan(input),
    'fees.change': (input) => fees.change(input),
    'fees.violations': () => feeViolations(db),
    'fees.statement': ({ studentId }) => studentStatement(db, studentId),
    'fees.statementPdf': async ({ studentId }) =>
      download(
        await statementPdf(studentStatement(db, studentId), school.get()?.name ?? '', ctx.today()),
      ),
    'fees.totals': () => feeTotals(db),
    'fees.payments': () => payments.list(),
    'fees.savePayment': (input) => payments.save(input),
    'fees.deletePayment': ({ id }) => payments.remove(id),
    'fees.reconcile': () => reconcile(db),
    'fees.uploadSheet': async ({ batchId, layoutId }) =>
      download(
        await uploadSheet(
          db,
          batchId,
          layoutId === null ? undefined : loadUploadLayout(db, layoutId).columns,
        ),
      ),
    'fees.uploadLayouts.list': () => layouts.list(),
    'fees.uploadLayouts.save': (input) => layouts.save(input),
    'fees.uploadLayouts.delete': ({ id }) => layouts.remove(id),
    'fees.uploadSheetFlags': ({ batchId }) => uploadSheetFlags(db, batchId),
    'fees.feeSheet': async ({ batchId }) => download(await feeSheet(db, batchId, ctx.today())),
    'fees.skillCertificatesSheet': async ({ skipIncomplete }) =>
      dataCentreDownload(await skillCertificatesSheet(db, ctx.clock(), skipIncomplete)),
    'fees.xCertificatesSheet': async ({ skipIncomplete }) =>
      dataCentreDownload(await xCertificatesSheet(db, ctx.clock(), skipIncomplete)),
    'fees.history.student': ({ studentId, limit }) => studentHistory(db, studentId, limit),
    'fees.history.batch': ({ batchId, limit }) => batchHistory(db, batchId, limit),
  };
}
