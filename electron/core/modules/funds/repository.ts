import type {
  FundLine,
  FundProjectOption,
  FundSaveData,
  StudentFeeOption,
} from '../../../../shared/contract/funds';
import { downloadFileName, type AttachmentExtension } from '../../../../shared/domain/attachments';
import { examYear } from '../../../../shared/domain/exams';
import {
  studentPaidWithoutSchoolPaid,
  type Payer,
  type SignupStatus,
} from '../../../../shared/domain/fees';
import {
  fundProjectLabel,
  incomeSourceLabels,
  lacksDocument,
  spendingCategoryLabels,
  studentFeeAmountProblem,
  unassignedProjectLabel,
  type EnteredSpendingCategory,
  type FundDirection,
  type IncomeSource,
} from '../../../../shared/domain/funds';
import { formatFen } from '../../../../shared/domain/money';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import {
  documentColumns,
  documentJoin,
  recordDocumentOf,
  storedDocumentOf,
  type DocumentColumns,
} from '../attachments/repository';
import { projectFor } from '../exams/repository';
import { loadBatches, type BatchInfo } from '../fees/batches';
import type { PaymentRow as FeePaymentRow } from '../fees/paymentRepository';

/** A row of `fund_entries` with its project's and document's facts. */
export interface FundEntryRow extends DocumentColumns {
  id: number;
  project_id: number;
  project_year: number;
  certificate_name: string;
  direction: FundDirection;
  category: IncomeSource | EnteredSpendingCategory;
  amount_fen: number;
  occurred_on: string;
  reference: string;
  party: string;
  signup_id: number | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const selectEntries = `
  SELECT e.*, p.year AS project_year, c.name AS certificate_name, ${documentColumns}
  FROM fund_entries e
  JOIN pilot_projects p ON p.id = e.project_id
  JOIN certificates c ON c.id = p.certificate_id
  ${documentJoin('e')}`;

/** What the audit log keeps of a record (entity 'fund_entry'). */
export const entrySnapshot = (r: FundEntryRow) => ({
  projectId: r.project_id,
  direction: r.direction,
  category: r.category,
  amountFen: r.amount_fen,
  occurredOn: r.occurred_on,
  reference: r.reference,
  party: r.party,
  signupId: r.signup_id,
  attachmentId: r.attachment_id,
  note: r.note,
});

export function findEntry(db: Db, id: number): FundEntryRow | undefined {
  return db.prepare<[number], FundEntryRow>(`${selectEntries} WHERE e.id = ?`).get(id);
}

/** The entries dated in `year`, optionally of one project, by date. */
export function entriesOfYear(db: Db, year: number, projectId: number | null): FundEntryRow[] {
  return db
    .prepare<[string, string, number | null, number | null], FundEntryRow>(
      `${selectEntries} WHERE e.occurred_on >= ? AND e.occurred_on < ?
         AND (? IS NULL OR e.project_id = ?) ORDER BY e.occurred_on, e.id`,
    )
    .all(`${year}-01-01`, `${year + 1}-01-01`, projectId, projectId);
}

/** Every spending entry, whatever its year, by date: 首页 looks for the undocumented ones. */
export function spendingEntries(db: Db): FundEntryRow[] {
  return db
    .prepare<[], FundEntryRow>(
      `${selectEntries} WHERE e.direction = 'spending' ORDER BY e.occurred_on, e.id`,
    )
    .all();
}

/**
 * Every 学生自愿自费 income, whatever its year, by date: rule 12 is judged on each while its
 * sign-up may still change, so a fee taken in an earlier year stays a problem until resolved.
 */
export function studentFeeEntries(db: Db): FundEntryRow[] {
  return db
    .prepare<[], FundEntryRow>(
      `${selectEntries} WHERE e.signup_id IS NOT NULL ORDER BY e.occurred_on, e.id`,
    )
    .all();
}

/** The record's document with its content hash. */
export const storedEntryDocument = (row: FundEntryRow) =>
  storedDocumentOf(row, (ext) => entryDocumentName(row, ext));

export function entryDocumentName(row: FundEntryRow, ext: AttachmentExtension): string {
  const what =
    row.direction === 'income'
      ? incomeSourceLabels[row.category as IncomeSource]
      : spendingCategoryLabels[row.category as EnteredSpendingCategory];
  return downloadFileName(`经费凭证 ${what} ${row.occurred_on} #${row.id}`, ext);
}

// ---- 学生自愿自费: the sign-up's facts and rule 12 ----

interface SignupFact {
  id: number;
  student_id: number;
  student_no: string;
  name: string;
  batch_id: number;
  status: SignupStatus;
  payer: Payer;
  fee_fen: number;
}

const selectSignupFacts = `SELECT g.id, g.student_id, s.student_no, s.name, g.batch_id, g.status,
    g.payer, g.fee_fen
  FROM signups g JOIN students s ON s.id = g.student_id`;

/** The pilot project a batch's exams belong to: its certificate's project in the exam's year. */
export function projectOfBatch(db: Db, batch: BatchInfo | undefined): number | null {
  if (!batch) return null;
  return projectFor(db, batch.certificateId, examYear(batch.examDate))?.id ?? null;
}

const signupLabel = (s: SignupFact, batch: BatchInfo | undefined) =>
  `${s.name}（学号 ${s.student_no}）${batch?.label ?? `批次 #${s.batch_id}`}`;

/**
 * Why a sign-up's fee may not be recorded as money from a student, or null when it may: it must
 * be live, paid by the student, and an additional certificate by the fee ledger's rule 12
 * (`studentPaidWithoutSchoolPaid`), the one definition.
 */
export function studentFeeProblem(db: Db, signupId: number): string | null {
  const s = db.prepare<[number], SignupFact>(`${selectSignupFacts} WHERE g.id = ?`).get(signupId);
  if (!s) return `报名记录不存在（编号 ${signupId}），可能已被删除`;
  const who = `学生“${s.name}”（学号 ${s.student_no}）的这条报名`;
  if (s.status === 'withdrawn') return `${who}已撤销，不能登记其考核费收入`;
  if (s.payer !== 'student') {
    return `${who}的付费方不是“学生自愿自费”，不能登记为来自学生的收入：只有学生自愿加考证书的考核费可以由学生承担（通知第四部分）`;
  }
  const all = db
    .prepare<[number], { id: number; status: SignupStatus; payer: Payer }>(
      'SELECT id, status, payer FROM signups WHERE student_id = ?',
    )
    .all(s.student_id);
  if (studentPaidWithoutSchoolPaid(all).includes(s.id)) {
    return `${who}不是加考的证书：该学生没有其他由学校承担或财政补助的有效报名，不能向学生收取考核费（通知第四部分）`;
  }
  return null;
}

/** What a student fee shows of its sign-up: its label, fee and project. */
function feeFacts(db: Db, s: SignupFact, batches: Map<number, BatchInfo>) {
  const batch = batches.get(s.batch_id);
  return { label: signupLabel(s, batch), feeFen: s.fee_fen, projectId: projectOfBatch(db, batch) };
}

/** The sign-up a student fee is for, with its label, fee and project. */
export function signupOf(db: Db, signupId: number, batches = loadBatches(db)) {
  const s = db.prepare<[number], SignupFact>(`${selectSignupFacts} WHERE g.id = ?`).get(signupId);
  if (!s) return undefined;
  return { id: s.id, ...feeFacts(db, s, batches) };
}

/** Live 学生自愿自费 sign-ups that rule 12 accepts, with the entry that records each, if any. */
export function studentFeeOptions(db: Db): StudentFeeOption[] {
  const batches = loadBatches(db);
  const rows = db
    .prepare<[], SignupFact & { recorded_by: number | null }>(
      `${selectSignupFacts.replace('SELECT', 'SELECT f.id AS recorded_by,')}
       LEFT JOIN fund_entries f ON f.signup_id = g.id
       WHERE g.payer = 'student' AND g.status <> 'withdrawn'
       ORDER BY s.student_no, g.id`,
    )
    .all();
  return rows
    .filter((r) => studentFeeProblem(db, r.id) === null)
    .map((r) => ({ signupId: r.id, ...feeFacts(db, r, batches), recordedBy: r.recorded_by }));
}

// ---- the lines of a year: entries, and payments read as 考核费 ----

export function projectOptions(db: Db): FundProjectOption[] {
  return db
    .prepare<[], { id: number; year: number; name: string }>(
      `SELECT p.id, p.year, c.name FROM pilot_projects p JOIN certificates c ON c.id = p.certificate_id
       ORDER BY p.year DESC, c.name`,
    )
    .all()
    .map((p) => ({ id: p.id, year: p.year, label: fundProjectLabel(p.name, p.year) }));
}

/** Years with a record, a payment or a project. */
export function fundYears(db: Db): number[] {
  return db
    .prepare<[], number>(
      `SELECT DISTINCT y FROM (
         SELECT CAST(substr(occurred_on, 1, 4) AS INTEGER) AS y FROM fund_entries
         UNION SELECT CAST(substr(paid_on, 1, 4) AS INTEGER) FROM payments
         UNION SELECT year FROM pilot_projects)
       ORDER BY y DESC`,
    )
    .pluck()
    .all();
}

export function entryLine(db: Db, row: FundEntryRow, batches?: Map<number, BatchInfo>): FundLine {
  const income = row.direction === 'income';
  const document = recordDocumentOf(row, (ext) => entryDocumentName(row, ext));
  const signup =
    row.signup_id === null ? undefined : signupOf(db, row.signup_id, batches ?? loadBatches(db));
  const problem =
    row.signup_id === null
      ? null
      : (studentFeeProblem(db, row.signup_id) ??
        (signup ? studentFeeAmountProblem(row.amount_fen, signup.feeFen) : null));
  return {
    key: `entry:${row.id}`,
    entryId: row.id,
    paymentId: null,
    direction: row.direction,
    category: row.category,
    categoryLabel: income
      ? incomeSourceLabels[row.category as IncomeSource]
      : spendingCategoryLabels[row.category as EnteredSpendingCategory],
    projectId: row.project_id,
    projectLabel: fundProjectLabel(row.certificate_name, row.project_year),
    amountFen: row.amount_fen,
    date: row.occurred_on,
    party: row.party,
    reference: row.reference,
    signupId: row.signup_id,
    signupLabel: signup?.label ?? '',
    note: row.note,
    document,
    lacksDocument:
      !income && lacksDocument({ invoiceNo: row.reference, hasAttachment: document !== null }),
    problem:
      problem === null
        ? null
        : `${problem}（登记后报名已变更，请核对或删除这条收入，金额 ${formatFen(row.amount_fen)}）`,
  };
}

/** What the 考核费 lines read of a payment. */
type PaymentRow = Omit<FeePaymentRow, 'created_at' | 'updated_at'>;

/**
 * 考核费 of a year (every year when `year` is null): every payment to an evaluation
 * organization paid in it, read from `payments` (never retyped), each attributed to the pilot
 * project of its batch (its certificate's project in the exam's year); one linked to no batch,
 * or to a batch of no project, belongs to no project.
 */
export function examFeeLines(db: Db, year: number | null): FundLine[] {
  const batches = loadBatches(db);
  const projects = new Map(projectOptions(db).map((p) => [p.id, p.label]));
  const projectOfBatchId = new Map<number, number | null>();
  const projectOf = (batchId: number | null) => {
    if (batchId === null) return null;
    if (!projectOfBatchId.has(batchId)) {
      projectOfBatchId.set(batchId, projectOfBatch(db, batches.get(batchId)));
    }
    return projectOfBatchId.get(batchId) ?? null;
  };
  return db
    .prepare<[number | null, string, string], PaymentRow>(
      `SELECT id, organization, batch_id, invoice_no, amount_fen, paid_on, note FROM payments
       WHERE ? IS NULL OR (paid_on >= ? AND paid_on < ?) ORDER BY paid_on, id`,
    )
    .all(year, `${year}-01-01`, `${(year ?? 0) + 1}-01-01`)
    .map((p) => {
      const projectId = projectOf(p.batch_id);
      const batchLabel = p.batch_id === null ? '' : (batches.get(p.batch_id)?.label ?? '');
      return {
        key: `payment:${p.id}`,
        entryId: null,
        paymentId: p.id,
        direction: 'spending' as const,
        category: 'exam' as const,
        categoryLabel: spendingCategoryLabels.exam,
        projectId,
        projectLabel: projectId === null ? unassignedProjectLabel : (projects.get(projectId) ?? ''),
        amountFen: p.amount_fen,
        date: p.paid_on,
        party: p.organization,
        reference: p.invoice_no,
        signupId: null,
        signupLabel: '',
        note: [batchLabel && `考核批次：${batchLabel}`, p.note].filter(Boolean).join('；'),
        document: null,
        lacksDocument: lacksDocument({ invoiceNo: p.invoice_no, hasAttachment: false }),
        problem: null,
      };
    });
}

/** The columns a save writes, from the contract's parsed input. */
export function entryValues(input: FundSaveData) {
  if (input.direction === 'income') {
    return {
      projectId: input.projectId,
      direction: 'income' as const,
      category: input.source,
      amountFen: input.amount,
      occurredOn: input.occurredOn,
      reference: input.documentNo,
      party: input.sourceName,
      signupId: input.signupId,
      note: input.note,
    };
  }
  return {
    projectId: input.projectId,
    direction: 'spending' as const,
    category: input.category,
    amountFen: input.amount,
    occurredOn: input.occurredOn,
    reference: input.invoiceNo,
    party: input.payee,
    signupId: null,
    note: input.note,
  };
}

type EntryValues = ReturnType<typeof entryValues>;

export function projectExists(db: Db, projectId: number): boolean {
  return db.prepare('SELECT 1 FROM pilot_projects WHERE id = ?').get(projectId) !== undefined;
}

/** Writes fund entries; an entry's direction is set when it is made. */
export const entryRecords = recordWriter<EntryValues>(
  'fund_entries',
  {
    project_id: 'projectId',
    category: 'category',
    amount_fen: 'amountFen',
    occurred_on: 'occurredOn',
    reference: 'reference',
    party: 'party',
    signup_id: 'signupId',
    note: 'note',
  },
  { direction: 'direction' },
);

/** Another entry (`selfId` excluded) that records this sign-up's student fee. */
export function entryOfSignup(
  db: Db,
  signupId: number,
  selfId: number,
): { id: number } | undefined {
  return db
    .prepare<[number, number], { id: number }>(
      'SELECT id FROM fund_entries WHERE signup_id = ? AND id <> ?',
    )
    .get(signupId, selfId);
}

/** How many income and spending entries a project has (they keep it from being deleted). */
export function entryCountOfProject(db: Db, projectId: number): number {
  return db
    .prepare<[number], number>('SELECT count(*) FROM fund_entries WHERE project_id = ?')
    .pluck()
    .get(projectId)!;
}
