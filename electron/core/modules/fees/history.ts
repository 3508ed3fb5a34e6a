import type { AuditHistory, AuditView } from '../../../../shared/contract/fees';
import { auditActionLabels, auditEntityLabel } from '../../../../shared/domain/audit';
import { auditChanges, type AuditNames } from '../../../../shared/domain/fees';
import type { Db } from '../../db/open';
import { notFoundError } from '../../errors';
import { loadBatches } from './batches';
import {
  batchAuditRows,
  batchExists,
  studentAuditRows,
  studentExists,
  studentNameFinder,
  type AuditRow,
} from './repository';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** Audit entries shown to a person: newest first, changed fields labelled and formatted. */
function views(db: Db, rows: AuditRow[], limit: number): AuditHistory {
  const batches = loadBatches(db);
  const studentNamed = studentNameFinder(db);
  const studentNames = new Map<number, string | undefined>();
  const names: AuditNames = {
    batch: (id) => batches.get(id)?.label,
    student(id) {
      if (!studentNames.has(id)) {
        const s = studentNamed(id);
        studentNames.set(id, s ? `${s.name}（${s.student_no}）` : undefined);
      }
      return studentNames.get(id);
    },
  };
  const entries = rows.slice(0, limit).map((r): AuditView => {
    const before = parse(r.before_json);
    const after = parse(r.after_json);
    const either = after ?? before;
    let subject = '';
    if (r.entity === 'signup') {
      const studentId = field(either, 'studentId');
      const batchId = field(either, 'batchId');
      subject = [
        typeof studentId === 'number' ? names.student(studentId) : undefined,
        typeof batchId === 'number' ? names.batch(batchId) : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
    } else if (r.entity === 'exam_batch') {
      subject = names.batch(Number(r.entity_id)) ?? String(field(either, 'name') ?? '');
    } else if (r.entity === 'payment') {
      subject =
        `${String(field(either, 'organization') ?? '')} ${String(field(either, 'invoiceNo') ?? '')}`.trim();
    } else if (r.entity === 'result_import') {
      subject = String(field(either, 'fileName') ?? '');
    } else if (r.entity === 'student') {
      subject = `${String(field(either, 'name') ?? '')}（${String(field(either, 'studentNo') ?? '')}）`;
    }
    return {
      id: r.id,
      at: r.at,
      actor: r.actor,
      entity: r.entity,
      entityLabel: auditEntityLabel(r.entity),
      entityId: r.entity_id,
      action: r.action,
      actionLabel: auditActionLabels[r.action],
      subject,
      changes: auditChanges(r.entity, before, after, names),
    };
  });
  return { entries, truncated: rows.length > limit };
}

/** A student's history: the student and every one of its sign-ups. */
export function studentHistory(db: Db, studentId: number, limit: number): AuditHistory {
  if (!studentExists(db, studentId)) {
    throw notFoundError('学生', studentId, '可能已被删除，请刷新');
  }
  // One more than shown tells whether the list is truncated.
  const rows = studentAuditRows(db, studentId, limit + 1);
  return views(db, rows, limit);
}

/** A batch's history: the batch, its sign-ups, its result imports and its payments. */
export function batchHistory(db: Db, batchId: number, limit: number): AuditHistory {
  if (!batchExists(db, batchId)) {
    throw notFoundError('考核批次', batchId, '可能已被删除，请刷新');
  }
  const rows = batchAuditRows(db, batchId, limit + 1);
  return views(db, rows, limit);
}
