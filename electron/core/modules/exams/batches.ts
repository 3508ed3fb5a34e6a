import type { BatchListParams, BatchSaveData, ExamBatch } from '../../../../shared/contract/exams';
import {
  ceilingInForce,
  feeOverLimitMessage,
  type FeeLimit,
} from '../../../../shared/domain/costCaps';
import { batchFeeOverLimit, capStanding, highestFee } from '../../../../shared/domain/batchCap';
import { noSignupFigures, type SignupFigures } from '../../../../shared/domain/signupFigures';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError, mustExist, refuseField, validationError } from '../../errors';
import { guardDelete } from '../../usage';
import { limitsByCertificate, limitsOf } from '../catalogue/limits';
import { agreedFeesByCertificate, agreedFeesOf } from '../agreements/repository';
import { figuresByBatch } from '../fees/figures';
import { batchMaxFeeReader } from '../fees/repository';
import { levelFacts } from './levels';
import { batchUsage } from './usage';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { agreementInForce, type AgreedFee } from '../../../../shared/domain/feeAgreements';
import {
  examSiteVerdict,
  notApprovedMessage,
  type ExamSiteCover,
  type PlaceRef,
} from '../../../../shared/domain/examSites';
import { examSiteCovers } from '../examSites/repository';
import { examDateMoveProblem, type ExamDay } from '../../../../shared/domain/examDay';
import {
  batchExamDates,
  batchRow,
  batchRows,
  batchRecords,
  earliestIssuedOn,
  placeName,
  type BatchRow,
} from './batchRepository';

/** A 考核日期 against today's date in China (the core's clock). */
export const examDayOf = (ctx: CoreContext, examDate: string): ExamDay => ({
  examDate,
  today: ctx.today(),
});

/**
 * These batches' exam days, the clock read once and only their dates loaded; asking for a batch
 * that does not exist is NOT_FOUND.
 */
export function examDaysOf(ctx: CoreContext, batchIds: readonly number[]) {
  const today = ctx.today();
  const dates = batchExamDates(ctx.db, [...new Set(batchIds)]);
  return (batchId: number): ExamDay => ({
    examDate: mustExist(dates.get(batchId), '考核批次', batchId),
    today,
  });
}

/** The batch's chosen place (room or site), null when it is typed text or missing. */
const placeOf = (p: { siteId: number | null; roomId: number | null }): PlaceRef | null =>
  p.roomId !== null
    ? { kind: 'room', id: p.roomId }
    : p.siteId !== null
      ? { kind: 'site', id: p.siteId }
      : null;

/** The batch's place judged by the exam-site rule against its certificate's applications. */
const examSiteOf = (
  covers: readonly ExamSiteCover[],
  b: {
    certificateId: number;
    siteId: number | null;
    roomId: number | null;
    siteText: string;
    examDate: string;
  },
) =>
  examSiteVerdict(covers, {
    certificateId: b.certificateId,
    place: placeOf(b),
    placeText: b.siteText,
    date: b.examDate,
  });

/**
 * `limits`: the batch's certificate's caps and approved fees; `covers`: its exam-site
 * applications; `liveMaxFen`: its highest live sign-up fee (`batchMaxFeeReader`).
 */
function fromRow(
  row: BatchRow,
  limits: readonly FeeLimit[],
  agreements: readonly AgreedFee[],
  covers: readonly ExamSiteCover[],
  liveMaxFen: number | null,
  figures: SignupFigures = noSignupFigures(),
): ExamBatch {
  const feeLimit = ceilingInForce(limits, {
    level: row.level,
    examForm: row.exam_form,
    on: row.exam_date,
  });
  const highestFeeFen = highestFee(row.fee_fen, liveMaxFen);
  const label = {
    name: row.name,
    certificateName: row.certificate_name,
    level: row.level,
    examDate: row.exam_date,
  };
  return {
    id: row.id,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    level: row.level,
    examForm: row.exam_form,
    name: row.name,
    examDate: row.exam_date,
    siteId: row.site_id,
    roomId: row.room_id,
    siteName: row.site_name,
    siteText: row.site_text,
    examSite: examSiteOf(covers, {
      certificateId: row.certificate_id,
      siteId: row.site_id,
      roomId: row.room_id,
      siteText: row.site_text,
      examDate: row.exam_date,
    }),
    organization: row.organization,
    feeFen: row.fee_fen,
    capacity: row.capacity,
    passScore: row.pass_score,
    theoryWeight: row.theory_weight,
    note: row.note,
    feeLimit,
    capStanding: capStanding(feeLimit, highestFeeFen),
    highestFeeFen,
    overLimit: batchFeeOverLimit({ ...label, feeLimit }, highestFeeFen),
    agreedFee: agreementInForce(agreements, {
      level: row.level,
      examForm: row.exam_form,
      examDate: row.exam_date,
    }),
    signupCount: figures.signups + figures.withdrawn.signups,
    activeCount: figures.signups,
    figures,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The audit log's view of a batch: its own fields, not the figures that change under it. */
function auditView(batch: ExamBatch) {
  return {
    certificateId: batch.certificateId,
    certificateName: batch.certificateName,
    level: batch.level,
    examForm: batch.examForm,
    name: batch.name,
    examDate: batch.examDate,
    siteId: batch.siteId,
    roomId: batch.roomId,
    siteText: batch.siteText,
    organization: batch.organization,
    feeFen: batch.feeFen,
    capacity: batch.capacity,
    passScore: batch.passScore,
    theoryWeight: batch.theoryWeight,
    note: batch.note,
  };
}

export function findBatch(db: Db, id: number): ExamBatch | undefined {
  const row = batchRow(db, id);
  return row
    ? fromRow(
        row,
        limitsOf(db, row.certificate_id),
        agreedFeesOf(db, row.certificate_id),
        examSiteCovers(db, row.certificate_id),
        batchMaxFeeReader(db)(id),
        figuresByBatch(db, id).get(id),
      )
    : undefined;
}

export function getBatch(db: Db, id: number): ExamBatch {
  return mustExist(findBatch(db, id), '考核批次', id);
}

export function listBatches(db: Db, filter: BatchListParams): ExamBatch[] {
  const limits = limitsByCertificate(db);
  const agreed = agreedFeesByCertificate(db);
  const figures = figuresByBatch(db);
  const covers = examSiteCovers(db);
  const maxFee = batchMaxFeeReader(db);
  return batchRows(db, filter).map((row) =>
    fromRow(
      row,
      limits.get(row.certificate_id) ?? [],
      agreed.get(row.certificate_id) ?? [],
      covers,
      maxFee(row.id),
      figures.get(row.id),
    ),
  );
}

/** 考核批次: create, update and delete, each checked and audited in one transaction. */
export function batchWrites(ctx: CoreContext) {
  const { db } = ctx;
  const records = batchRecords(db);

  const rows = auditedRows(ctx, 'exam_batch', (id) => getBatch(db, id), auditView);

  /** Checks a batch against its certificate, cap and sign-ups and writes it; returns its id. */
  const write = (
    { confirm, ...data }: Omit<BatchSaveData, 'id'>,
    before: ExamBatch | null,
    at: string,
  ): number => {
    const facts = levelFacts(db, data.certificateId, data.level);
    const changesCertificate =
      before !== null &&
      (before.certificateId !== data.certificateId || before.level !== data.level);
    if (facts.archived && (before === null || changesCertificate)) {
      throw validationError([
        {
          path: 'certificateId',
          message: `证书“${facts.certificateName}”已归档，请先在证书目录中恢复后再安排考核`,
        },
      ]);
    }
    const limit = ceilingInForce(facts.limits, {
      level: data.level,
      examForm: data.examForm,
      on: data.examDate,
    });
    const overCap = feeOverLimitMessage('考核费', data.feeFen, limit, data.examDate);
    if (overCap) {
      throw validationError([{ path: 'fee', message: `${overCap}，请改为不超过上限的金额` }]);
    }
    // A new exam date or form brings another figure: the live sign-ups' own fees (changed in the
    // ledger) must be within it too, as the ledger would hold them (rule 11, `highestFee`).
    if (before && (before.examDate !== data.examDate || before.examForm !== data.examForm)) {
      const liveMaxFen = batchMaxFeeReader(db)(before.id);
      const signupsOver =
        liveMaxFen !== null && liveMaxFen > data.feeFen
          ? feeOverLimitMessage('已有报名的考核费', liveMaxFen, limit, data.examDate)
          : null;
      refuseField(
        before.examDate !== data.examDate ? 'examDate' : 'examForm',
        signupsOver && `${signupsOver}，请先把这些报名的考核费改为不超过上限的金额`,
      );
    }
    if (before && changesCertificate && before.signupCount > 0) {
      const message = `该批次已有 ${before.signupCount} 条报名，不能再更改证书或等级；请另建批次`;
      throw new CoreError('CONFLICT', `${message}，未保存。`, {
        fields: [{ path: 'level', message }],
      });
    }
    if (before && data.capacity !== null && data.capacity < before.activeCount) {
      throw validationError([
        {
          path: 'capacity',
          message: `容量 ${data.capacity} 人少于该批次现有的 ${before.activeCount} 名有效报名（未撤销），请调大容量或先撤销部分报名`,
        },
      ]);
    }
    if (before && before.examDate !== data.examDate) {
      const { examined, absent, violation } = before.figures;
      const moved = examDateMoveProblem(examDayOf(ctx, data.examDate), {
        sitting: examined + absent + violation,
        firstIssuedOn: earliestIssuedOn(db, before.id),
      });
      refuseField('examDate', moved);
    }
    let siteText = data.siteText;
    const place = placeOf(data);
    if (place !== null) {
      const found = placeName(db, place.kind, place.id);
      if (found === undefined) {
        throw validationError([
          {
            path: place.kind === 'room' ? 'roomId' : 'siteId',
            message: '所选考核场所不存在（可能已被删除），请重新选择',
          },
        ]);
      }
      // Kept as text too, so the batch still names its place if the room or site is deleted.
      siteText = found;
    }
    // Choosing a place that is not an approved 考核站点 warns and asks (not when only other
    // fields of the batch change).
    const placeChanged =
      before === null ||
      before.certificateId !== data.certificateId ||
      before.examDate !== data.examDate ||
      before.siteId !== data.siteId ||
      before.roomId !== data.roomId;
    const verdict = examSiteOf(examSiteCovers(db, data.certificateId), { ...data, siteText });
    if (verdict.kind === 'notApproved' && placeChanged && !confirm) {
      const warning = notApprovedMessage(siteText, verdict, data.examDate);
      throw new CoreError('NEEDS_CONFIRMATION', `${warning}，仍然保存？`, {
        warnings: [warning],
        examSite: verdict,
      });
    }
    const row = {
      ...data,
      siteText,
      organization: data.organization === '' ? facts.organization : data.organization,
      at,
    };
    return records.save(before?.id ?? null, row);
  };

  const save = ({ id, ...data }: BatchSaveData): ExamBatch =>
    rows.save(id, (before, { at }) => write(data, before, at));

  const remove = (id: number, force: boolean) =>
    rows.remove(id, (before) => {
      guardDelete(`考核批次“${batchLabel(before)}”`, batchUsage(db, id), force);
      records.remove(id);
      return { id };
    });

  return { save, remove };
}
