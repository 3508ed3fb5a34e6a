import type { z } from 'zod';
import type {
  CandidatePage,
  Signup,
  SignupCreateResult,
  SignupPage,
  SignupSortKey,
  candidateFilterSchema,
  candidatesSchema,
  signupCreateSchema,
  signupListSchema,
  signupResultSchema,
  resultEntriesSchema,
  ResultEntriesSaved,
} from '../../../../shared/contract/exams';
import { resultEntryProblem, type SavedResult } from '../../../../shared/domain/examResults';
import type { StudentListParams } from '../../../../shared/contract/students';
import { planBulk, skippedSummary, type BulkPlan } from '../../../../shared/domain/bulk';
import {
  examYear,
  resultFieldProblems,
  signupStatusLabels,
  signupStatuses,
  statusChangeVerdict,
  transitionProblem,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { projectStatusLabels } from '../../../../shared/domain/projectStatus';
import type { CoreContext } from '../../context';
import { CoreError, validationError } from '../../errors';
import { listWhere } from '../students/repository';
import { saveBatchEntries } from './batchEntries';
import { getBatch } from './batches';
import {
  findSignups,
  fromRow,
  projectFor,
  recordSignupAudit,
  selectSignups,
  type SignupRow,
} from './repository';

type Filter = z.output<typeof candidateFilterSchema>;

/** The students list's WHERE clause for the filter (same indexes, same meaning). */
function filterWhere(filter: Filter) {
  const params: StudentListParams = {
    ...filter,
    genders: [],
    idWarningsOnly: false,
    sortBy: 'studentNo',
    sortOrder: 'asc',
    page: 1,
    pageSize: 1,
  };
  const where = listWhere(params);
  return { ...where, and: where.sql === '' ? 'WHERE' : `${where.sql} AND` };
}

const majorOutsideSql = (majorIds: readonly number[]) =>
  majorIds.length === 0
    ? '1'
    : `(s.major_id IS NULL OR s.major_id NOT IN (${majorIds.map(Number).join(', ')}))`;

const sortColumns: Record<SignupSortKey, string> = {
  studentNo: 'st.student_no',
  name: 'st.name',
  major: 'st.major_text',
  className: 'st.class_name',
  status: `CASE su.status ${signupStatuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
  score: 'su.score',
  updatedAt: 'su.updated_at',
};

/** The largest code point: `text < prefix || MAX` holds for every text starting with prefix. */
const MAX_CHAR = '\u{10FFFF}';

const names = (items: readonly { name: string }[], max = 5) =>
  `${items
    .slice(0, max)
    .map((i) => i.name)
    .join('、')}${items.length > max ? ' 等' : ''}`;

/** 考核报名: candidates, bulk sign-up with the notice's warnings, statuses and results. */
export function signupService(ctx: CoreContext) {
  const { db } = ctx;

  function candidates(input: z.output<typeof candidatesSchema>): CandidatePage {
    const { batchId, page, pageSize, ...filter } = input;
    const batch = getBatch(db, batchId);
    const project = projectFor(db, batch.certificateId, examYear(batch.examDate));
    const where = filterWhere(filter);
    const signupSql = (status: string) =>
      `EXISTS (SELECT 1 FROM signups su WHERE su.student_id = s.id AND su.batch_id = ? AND su.status ${status})`;
    const signedSql = signupSql("<> 'withdrawn'");
    const outsideSql = project ? majorOutsideSql(project.majorIds) : '0';
    const counts = db
      .prepare(
        `SELECT count(*) AS total, coalesce(sum(${signedSql}), 0) AS signed,
           coalesce(sum(${outsideSql}), 0) AS outside
         FROM students s ${where.sql}`,
      )
      .get(batchId, ...where.params) as { total: number; signed: number; outside: number };
    const rows = db
      .prepare(
        `SELECT s.id, s.student_no, s.name, s.major_text, s.class_name, s.entry_year, s.pilot,
           ${signedSql} AS signed, ${signupSql("= 'withdrawn'")} AS withdrawn, ${outsideSql} AS outside
         FROM students s ${where.sql} ORDER BY s.student_no LIMIT ? OFFSET ?`,
      )
      .all(batchId, batchId, ...where.params, pageSize, (page - 1) * pageSize) as {
      id: number;
      student_no: string;
      name: string;
      major_text: string;
      class_name: string;
      entry_year: number | null;
      pilot: number;
      signed: number;
      withdrawn: number;
      outside: number;
    }[];
    return {
      items: rows.map((r) => ({
        studentId: r.id,
        studentNo: r.student_no,
        name: r.name,
        majorName: r.major_text,
        className: r.class_name,
        entryYear: r.entry_year,
        pilot: r.pilot === 1,
        signedUp: r.signed === 1,
        withdrawn: r.withdrawn === 1,
        majorOutside: r.outside === 1,
      })),
      page,
      pageSize,
      total: counts.total,
      signedUp: counts.signed,
      majorOutside: counts.outside,
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
      const at = ctx.clock().toISOString();
      const batch = getBatch(db, input.batchId);
      const year = examYear(batch.examDate);
      type Picked = { id: number; name: string; major_id: number | null };
      let picked: Picked[];
      if (input.filter) {
        const where = filterWhere(input.filter);
        picked = db
          .prepare(
            `SELECT s.id, s.name, s.major_id FROM students s ${where.sql} ORDER BY s.student_no`,
          )
          .all(...where.params) as Picked[];
        // Every match but the ones the person unticked.
        const except = new Set(input.exceptIds);
        picked = picked.filter((s) => !except.has(s.id));
      } else {
        const ids = [...new Set(input.studentIds ?? [])];
        picked = db
          .prepare(
            `SELECT s.id, s.name, s.major_id FROM students s
             WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.student_no`,
          )
          .all(JSON.stringify(ids)) as Picked[];
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
      const existing = new Map(
        db
          .prepare<[number], { student_id: number; id: number; status: string }>(
            'SELECT student_id, id, status FROM signups WHERE batch_id = ?',
          )
          .all(batch.id)
          .map((r) => [r.student_id, r]),
      );
      const fresh = picked.filter(
        (s) => (existing.get(s.id)?.status ?? 'withdrawn') === 'withdrawn',
      );
      const skipped = picked.length - fresh.length;
      if (fresh.length === 0) return { created: 0, skipped, warnings: [] };

      if (batch.capacity !== null && batch.activeCount + fresh.length > batch.capacity) {
        const over = batch.activeCount + fresh.length - batch.capacity;
        throw new CoreError(
          'CONFLICT',
          `该批次容量 ${batch.capacity} 人，已有 ${batch.activeCount} 人报名（未撤销），本次新增 ${fresh.length} 人，超出 ${over} 人。请减少人数或调大批次容量；未报名任何学生。`,
          { capacity: batch.capacity, active: batch.activeCount, adding: fresh.length, over },
        );
      }

      const warnings: string[] = [];
      const project = projectFor(db, batch.certificateId, year);
      if (!project || !project.confirmed) {
        const state = project
          ? `状态为“${projectStatusLabels[project.status as keyof typeof projectStatusLabels]}”`
          : '没有试点项目';
        warnings.push(
          `“${batch.certificateName}”${year} 年度${state}，未经省级确认：按试点通知，未经省级确认的学校和专业原则上不组织学生参加证书考核`,
        );
      }
      if (project) {
        const allowed = new Set(project.majorIds);
        const outside = fresh.filter((s) => s.major_id === null || !allowed.has(s.major_id));
        if (outside.length > 0) {
          warnings.push(
            `${outside.length} 名学生的专业不在该试点项目的相关专业中（${names(outside)}）`,
          );
        }
      }
      if (warnings.length > 0 && !input.confirm) {
        throw new CoreError(
          'NEEDS_CONFIRMATION',
          `${warnings.join('；')}。确定仍要为 ${fresh.length} 名学生报名吗？`,
          { warnings, adding: fresh.length, skipped },
        );
      }

      const insert = db.prepare(
        `INSERT INTO signups (student_id, batch_id, status, fee_fen, payer, created_at, updated_at)
         VALUES (?, ?, 'registered', ?, 'school', ?, ?)`,
      );
      const revive = db.prepare(
        `UPDATE signups SET status = 'registered', updated_at = ? WHERE id = ?`,
      );
      const getOne = db.prepare<[number], SignupRow>(`${selectSignups} WHERE su.id = ?`);
      for (const student of fresh) {
        const withdrawn = existing.get(student.id);
        if (withdrawn) {
          const before = fromRow(getOne.get(withdrawn.id)!);
          revive.run(at, withdrawn.id);
          recordSignupAudit(ctx, at, before, fromRow(getOne.get(withdrawn.id)!));
        } else {
          const id = Number(insert.run(student.id, batch.id, batch.feeFen, at, at).lastInsertRowid);
          recordSignupAudit(ctx, at, null, fromRow(getOne.get(id)!));
        }
      }
      return { created: fresh.length, skipped, warnings };
    },
  );

  function list(input: z.output<typeof signupListSchema>): SignupPage {
    const batch = getBatch(db, input.batchId);
    const conditions = ['su.batch_id = ?'];
    const params: unknown[] = [batch.id];
    if (input.statuses.length > 0) {
      conditions.push(`su.status IN (${input.statuses.map(() => '?').join(', ')})`);
      params.push(...input.statuses);
    }
    if (input.search !== '') {
      conditions.push(
        '((st.name >= ? AND st.name < ?) OR (st.student_no >= ? AND st.student_no < ?))',
      );
      params.push(input.search, input.search + MAX_CHAR, input.search, input.search + MAX_CHAR);
    }
    const where = `WHERE ${conditions.join(' AND ')}`;
    const total = (
      db
        .prepare(
          `SELECT count(*) AS n FROM signups su JOIN students st ON st.id = su.student_id ${where}`,
        )
        .get(...params) as { n: number }
    ).n;
    const direction = input.sortOrder === 'desc' ? 'DESC' : 'ASC';
    const rows = db
      .prepare(
        `${selectSignups} ${where}
         ORDER BY ${sortColumns[input.sortBy]} ${direction}, st.student_no ${direction}
         LIMIT ? OFFSET ?`,
      )
      .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as SignupRow[];
    const statusCounts = Object.fromEntries(signupStatuses.map((s) => [s, 0])) as Record<
      SignupStatus,
      number
    >;
    for (const row of db
      .prepare<[number], { status: SignupStatus; n: number }>(
        'SELECT status, count(*) AS n FROM signups WHERE batch_id = ? GROUP BY status',
      )
      .all(batch.id)) {
      statusCounts[row.status] = row.n;
    }
    return {
      items: rows.map(fromRow),
      page: input.page,
      pageSize: input.pageSize,
      total,
      statusCounts,
    };
  }

  const updateStatus = db.prepare('UPDATE signups SET status = ?, updated_at = ? WHERE id = ?');
  // A withdrawn sign-up gives up its seat and the 准考证号 generated for it (an issued one stays).
  const releaseGeneratedNo = db.prepare<[{ id: number }]>(
    `UPDATE signups SET admission_no = '' WHERE id = @id AND admission_no <> ''
       AND admission_no = (SELECT generated_no FROM exam_seats WHERE signup_id = @id)`,
  );
  const deleteSeat = db.prepare<[number]>('DELETE FROM exam_seats WHERE signup_id = ?');
  /** Frees a sign-up's seat as it is withdrawn, whichever way; its 准考证号 after that. */
  const giveUpSeat = (signup: Signup): string => {
    const cleared = releaseGeneratedNo.run({ id: signup.id }).changes > 0;
    deleteSeat.run(signup.id);
    return cleared ? '' : signup.admissionNo;
  };

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

  /** What moving these sign-ups to `status` would change and skip (and why); writes nothing. */
  function planStatus(ids: readonly number[], status: SignupStatus) {
    const found = existing(ids);
    return { found, plan: planBulk(found, (signup) => statusChangeVerdict(signup, status)) };
  }

  /** Moves exactly these sign-ups, all or none: any that cannot move refuses the whole call. */
  const setStatus = db.transaction((ids: readonly number[], status: SignupStatus) => {
    const at = ctx.clock().toISOString();
    const { found, plan } = planStatus(ids, status);
    if (plan.skipped.length > 0) {
      throw new CoreError(
        'CONFLICT',
        `${plan.skipped.length} 条报名不能改为“${signupStatusLabels[status]}”，未做任何更改。${skippedSummary(plan.skipped)}`,
        { refused: plan.skipped.length },
      );
    }
    const moving = new Set(plan.applicable);
    for (const before of found) {
      if (!moving.has(before.id)) continue;
      updateStatus.run(status, at, before.id);
      const admissionNo = status === 'withdrawn' ? giveUpSeat(before) : before.admissionNo;
      recordSignupAudit(ctx, at, before, { ...before, status, admissionNo, updatedAt: at });
    }
    return { updated: plan.applicable.length, unchanged: plan.unchanged };
  });

  const updateResult = db.prepare(
    `UPDATE signups SET status = ?, score = ?, certificate_no = ?, issued_on = ?,
       platform_registered = ?, credit_bank = ?, updated_at = ? WHERE id = ?`,
  );
  /** A result as the dialog or the batch table saves it (the status move included). */
  const writeResult = (
    result: Pick<
      SavedResult,
      'status' | 'score' | 'certificateNo' | 'issuedOn' | 'platformRegistered' | 'creditBank'
    > & { id: number },
    at: string,
  ) =>
    updateResult.run(
      result.status,
      result.score,
      result.certificateNo,
      result.issuedOn,
      result.platformRegistered ? 1 : 0,
      result.creditBank ? 1 : 0,
      at,
      result.id,
    );

  const saveResult = db.transaction((input: z.output<typeof signupResultSchema>): Signup => {
    const at = ctx.clock().toISOString();
    const [before] = findSignups(db, [input.id]);
    if (!before) {
      throw new CoreError('NOT_FOUND', `报名记录不存在（编号 ${input.id}），请刷新列表。`);
    }
    const status = input.status ?? before.status;
    const moving = transitionProblem(before.status, status);
    if (moving) throw validationError([{ path: 'status', message: moving }]);
    const problems = resultFieldProblems(status, input);
    if (problems.length > 0) {
      throw validationError(problems.map((p) => ({ path: p.field, message: p.message })));
    }
    writeResult({ ...input, status }, at);
    if (status === 'withdrawn' && before.status !== 'withdrawn') giveUpSeat(before);
    const [after] = findSignups(db, [before.id]);
    recordSignupAudit(ctx, at, before, after);
    return after;
  });

  /**
   * The batch page's result table: every row checked first (the status move, then the fields the
   * result allows), each refusal naming its student; all rows saved in one transaction or none.
   */
  const saveResults = db.transaction(
    (input: z.output<typeof resultEntriesSchema>): ResultEntriesSaved => {
      const at = ctx.clock().toISOString();
      return saveBatchEntries(ctx, {
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
          return same && after.status === before.status ? null : after;
        },
        write: writeResult,
      });
    },
  );

  return {
    candidates,
    create: (input: z.output<typeof signupCreateSchema>) => create(input),
    list,
    planStatus: (ids: readonly number[], status: SignupStatus): BulkPlan =>
      planStatus(ids, status).plan,
    setStatus: (ids: readonly number[], status: SignupStatus) => setStatus(ids, status),
    saveResult: (input: z.output<typeof signupResultSchema>) => saveResult(input),
    saveResults: (input: z.output<typeof resultEntriesSchema>) => saveResults(input),
  };
}
