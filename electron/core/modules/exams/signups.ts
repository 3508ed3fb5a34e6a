import type { z } from 'zod';
import type {
  CandidatePage,
  Signup,
  SignupCreateResult,
  SignupPage,
  SignupStatusPlan,
  candidatesSchema,
  signupCreateSchema,
  signupListSchema,
  signupResultSchema,
  resultEntriesSchema,
  ResultEntriesSaved,
} from '../../../../shared/contract/exams';
import { resultEntryProblem } from '../../../../shared/domain/examResults';
import { planBulk, skippedSummary } from '../../../../shared/domain/bulk';
import {
  examYear,
  resultFieldProblems,
  signupStatusLabels,
  statusChangeVerdict,
  transitionProblem,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import type { CoreContext } from '../../context';
import { CoreError, mustExist, refuseField, validationError } from '../../errors';
import { beforeExamProblem, examDayProblems } from '../../../../shared/domain/examDay';
import { saveBatchEntries } from './batchEntries';
import { examDaysOf, getBatch } from './batches';
import {
  certificateNoHolders,
  certificateNoTaken,
  certificateOfBatch,
  findSignups,
  projectFor,
  recordSignupAudit,
  signupAuditRecorder,
} from './repository';
import {
  batchSignupsByStudent,
  candidatePage,
  sameLevelSignups,
  signupPage,
  signupStateWriter,
  signupWriter,
  studentsByIds,
  studentsMatching,
  type PickedStudent,
} from './signupRepository';
import { schoolPaidLostBy } from '../fees/rules';
import { checkCapacity, checkFeeWithinCap, signupWarnings } from './signupRules';

/** 考核报名: candidates, bulk sign-up with the notice's warnings, statuses and results. */
export function signupService(ctx: CoreContext) {
  const { db } = ctx;

  function candidates(input: z.output<typeof candidatesSchema>): CandidatePage {
    const { batchId, page, pageSize, ...filter } = input;
    const batch = getBatch(db, batchId);
    const project = projectFor(db, batch.certificateId, examYear(batch.examDate));
    const found = candidatePage(db, batchId, filter, project?.majorIds ?? null, page, pageSize);
    return {
      items: found.items,
      page,
      pageSize,
      total: found.total,
      signedUp: found.signedUp,
      majorOutside: found.majorOutside,
      project: project && {
        id: project.id,
        year: project.year,
        status: project.status,
        confirmed: project.confirmed,
      },
    };
  }

  const create = db.transaction(
    (input: z.output<typeof signupCreateSchema>): SignupCreateResult => {
      const at = ctx.now();
      const batch = getBatch(db, input.batchId);
      checkFeeWithinCap(batch);
      const year = examYear(batch.examDate);
      let picked: PickedStudent[];
      if (input.filter) {
        // Every match but the ones the person unticked.
        const except = new Set(input.exceptIds);
        picked = studentsMatching(db, input.filter).filter((s) => !except.has(s.id));
      } else {
        const ids = [...new Set(input.studentIds ?? [])];
        picked = studentsByIds(db, ids);
        if (picked.length < ids.length) {
          throw new CoreError(
            'NOT_FOUND',
            `所选学生中有 ${ids.length - picked.length} 名已不存在（可能已被删除），请刷新后重新选择。未报名任何学生。`,
          );
        }
      }
      if (picked.length === 0) {
        throw validationError([
          { path: 'filter', message: '没有符合筛选条件的学生，请调整筛选条件' },
        ]);
      }
      // A withdrawn sign-up is signed up again (revived); a live one is left as it is.
      const existing = batchSignupsByStudent(db, batch.id);
      const fresh = picked.filter(
        (s) => (existing.get(s.id)?.status ?? 'withdrawn') === 'withdrawn',
      );
      const skipped = picked.length - fresh.length;
      if (fresh.length === 0) return { created: 0, skipped, warnings: [] };

      checkCapacity(batch, fresh.length);
      const warnings = signupWarnings(
        batch,
        year,
        projectFor(db, batch.certificateId, year),
        fresh,
        sameLevelSignups(
          db,
          batch,
          fresh.map((s) => s.id),
        ),
      );
      if (warnings.length > 0 && !input.confirm) {
        throw new CoreError(
          'NEEDS_CONFIRMATION',
          `${warnings.join('；')}。确定仍要为 ${fresh.length} 名学生报名吗？`,
          { warnings, adding: fresh.length, skipped },
        );
      }

      const signups = signupWriter(db);
      const recordAudit = signupAuditRecorder(ctx, at);
      for (const student of fresh) {
        const withdrawn = existing.get(student.id);
        if (withdrawn) {
          const before = signups.get(withdrawn.id);
          signups.revive(withdrawn.id, batch.feeFen, at);
          recordAudit(before, signups.get(withdrawn.id));
        } else {
          const id = signups.insert(student.id, batch.id, batch.feeFen, at);
          recordAudit(null, signups.get(id));
        }
      }
      return { created: fresh.length, skipped, warnings };
    },
  );

  function list(input: z.output<typeof signupListSchema>): SignupPage {
    return signupPage(db, getBatch(db, input.batchId).id, input);
  }

  const write = signupStateWriter(db);

  /** The sign-ups by id, refusing when some no longer exist (the list on screen is stale). */
  function existing(ids: readonly number[]): Signup[] {
    const unique = [...new Set(ids)];
    const found = findSignups(db, unique);
    if (found.length < unique.length) {
      throw new CoreError(
        'NOT_FOUND',
        `所选报名中有 ${unique.length - found.length} 条已不存在，请刷新列表后重试。未做任何更改。`,
      );
    }
    return found.sort((a, b) => a.studentNo.localeCompare(b.studentNo) || a.id - b.id);
  }

  /**
   * What moving these sign-ups to `status` would change and skip (and why); writes nothing. No
   * attendance or result goes to a batch whose exam is still ahead.
   */
  function planStatus(ids: readonly number[], status: SignupStatus) {
    const found = existing(ids);
    const dayOf = examDaysOf(
      ctx,
      found.map((s) => s.batchId),
    );
    const plan = planBulk(found, (signup) => {
      const verdict = statusChangeVerdict(signup, status);
      const early = verdict === 'apply' && beforeExamProblem(dayOf(signup.batchId), status);
      return early ? { reason: early } : verdict;
    });
    return { found, plan };
  }

  /** Moves exactly these sign-ups, all or none: any that cannot move refuses the whole call. */
  const setStatus = db.transaction((ids: readonly number[], status: SignupStatus) => {
    const at = ctx.now();
    const { found, plan } = planStatus(ids, status);
    if (plan.skipped.length > 0) {
      throw new CoreError(
        'CONFLICT',
        `${plan.skipped.length} 条报名不能改为“${signupStatusLabels[status]}”，未做任何更改。${skippedSummary(plan.skipped)}`,
        { refused: plan.skipped.length },
      );
    }
    const moving = new Set(plan.applicable);
    const recordAudit = signupAuditRecorder(ctx, at);
    for (const before of found) {
      if (!moving.has(before.id)) continue;
      write.status(before.id, status, at);
      const admissionNo = status === 'withdrawn' ? write.giveUpSeat(before) : before.admissionNo;
      recordAudit(before, { ...before, status, admissionNo, updatedAt: at });
    }
    return { updated: plan.applicable.length, unchanged: plan.unchanged };
  });

  const saveResult = db.transaction((input: z.output<typeof signupResultSchema>): Signup => {
    const at = ctx.now();
    const before = mustExist(findSignups(db, [input.id])[0], '报名记录', input.id, '请刷新列表');
    const status = input.status ?? before.status;
    refuseField('status', transitionProblem(before.status, status));
    const problems = [
      ...resultFieldProblems(status, input),
      ...examDayProblems(examDaysOf(ctx, [before.batchId])(before.batchId), {
        status,
        issuedOn: input.issuedOn,
      }),
    ];
    if (problems.length > 0) {
      throw validationError(problems.map((p) => ({ path: p.field, message: p.message })));
    }
    write.result({ ...input, status }, at);
    if (status === 'withdrawn' && before.status !== 'withdrawn') write.giveUpSeat(before);
    const [after] = findSignups(db, [before.id]);
    if (after.certificateNo !== '') {
      const holders = certificateNoHolders(db, certificateOfBatch(db, after.batchId));
      refuseField('certificateNo', certificateNoTaken(holders, after.id, after.certificateNo));
    }
    recordSignupAudit(ctx, at, before, after);
    return after;
  });

  /**
   * The batch page's result table: every row checked first (the status move, then the fields the
   * result allows), each refusal naming its student; all rows saved in one transaction or none.
   */
  const saveResults = db.transaction(
    (input: z.output<typeof resultEntriesSchema>): ResultEntriesSaved => {
      const at = ctx.now();
      const day = examDaysOf(ctx, [input.batchId])(input.batchId);
      const saved = saveBatchEntries(ctx, {
        batchId: input.batchId,
        entries: input.entries,
        what: '结果',
        at,
        check: (entry, before) => {
          const moving = resultEntryProblem(before.status, entry.status);
          if (moving) return [moving];
          const passed = entry.status === 'passed';
          const fields = {
            score: entry.score,
            certificateNo: entry.certificateNo,
            issuedOn: entry.issuedOn,
            platformRegistered: passed && before.platformRegistered,
            creditBank: passed && before.creditBank,
          };
          const fieldProblems = resultFieldProblems(entry.status, fields);
          if (fieldProblems.length > 0) return fieldProblems.map((p) => p.message);
          const after = { ...before, status: entry.status, ...fields };
          const same = (Object.keys(fields) as (keyof typeof fields)[]).every(
            (k) => after[k] === before[k],
          );
          if (same && after.status === before.status) return null;
          const early = examDayProblems(day, after);
          return early.length > 0 ? early.map((p) => p.message) : after;
        },
        write: write.result,
      });
      // Each number typed is checked against the certificate's others, the rows saved included.
      const holders = certificateNoHolders(db, certificateOfBatch(db, input.batchId));
      const problems = input.entries.flatMap((entry, index) => {
        const taken = entry.certificateNo
          ? certificateNoTaken(holders, entry.id, entry.certificateNo)
          : null;
        const self = holders.get(entry.certificateNo)?.find((h) => h.signupId === entry.id);
        return taken && self
          ? [
              {
                path: `entries.${index}`,
                message: `${self.name}（学号 ${self.studentNo}）：${taken}`,
              },
            ]
          : [];
      });
      if (problems.length > 0) {
        throw new CoreError(
          'VALIDATION',
          `${problems.length} 条结果不能保存，未做任何更改：${problems
            .slice(0, 3)
            .map((p) => p.message)
            .join('；')}${problems.length > 3 ? ' 等' : ''}。`,
          { fields: problems },
        );
      }
      return saved;
    },
  );

  return {
    candidates,
    create: (input: z.output<typeof signupCreateSchema>) => create(input),
    list,
    planStatus: (ids: readonly number[], status: SignupStatus): SignupStatusPlan => {
      const { found, plan } = planStatus(ids, status);
      const moving = new Set(plan.applicable);
      const schoolPaidLost =
        status === 'withdrawn'
          ? schoolPaidLostBy(
              db,
              found.filter((s) => moving.has(s.id)),
            )
          : [];
      return { ...plan, schoolPaidLost };
    },
    setStatus: (ids: readonly number[], status: SignupStatus) => setStatus(ids, status),
    saveResult: (input: z.output<typeof signupResultSchema>) => saveResult(input),
    saveResults: (input: z.output<typeof resultEntriesSchema>) => saveResults(input),
  };
}
