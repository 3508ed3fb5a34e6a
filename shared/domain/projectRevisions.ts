import { planSectionLabels, planSections, type PlanSection } from './implementationPlan';
import type { ProjectStatus } from './projectStatus';

/**
 * A pilot project as a person reads it — names, not ids — so that comparing the version the
 * province holds with today's still names a teacher or room deleted since. The core builds it
 * (modules/projects/revisions.ts) when a project becomes 已申报 and for each later revision.
 */
export interface ProjectRecord {
  certificate: string;
  year: string;
  levels: string[];
  plannedStudents: string[];
  majors: string[];
  teachers: string[];
  rooms: string[];
  sites: string[];
  hardware: string[];
  plan: Record<PlanSection, string>;
  /** The commitments ticked. */
  commitments: string[];
}

type ListField = Exclude<keyof ProjectRecord, 'certificate' | 'year' | 'plan'>;

const textLabels = { certificate: '证书', year: '年度' } as const;

const listLabels: Record<ListField, string> = {
  levels: '申报等级',
  plannedStudents: '计划考核人数',
  majors: '相关专业',
  teachers: '项目教师',
  rooms: '实训室',
  sites: '实习实训场所',
  hardware: '实训条件要求',
  commitments: '承诺事项',
};

/** One field that differs between two records, labelled for the comparison view. */
export type ProjectFieldChange =
  | { kind: 'text'; field: string; label: string; before: string; after: string }
  | { kind: 'list'; field: string; label: string; added: string[]; removed: string[] };

/**
 * The fields of `after` that differ from `before`, in the editor's order: plain fields with
 * both values, lists as what was added and removed (order within a list does not count).
 */
export function diffProjectRecords(
  before: ProjectRecord,
  after: ProjectRecord,
): ProjectFieldChange[] {
  const changes: ProjectFieldChange[] = [];
  const text = (field: string, label: string, was: string, now: string) => {
    if (was !== now) changes.push({ kind: 'text', field, label, before: was, after: now });
  };
  const list = (field: ListField) => {
    const was = new Set(before[field]);
    const now = new Set(after[field]);
    const added = [...now].filter((v) => !was.has(v));
    const removed = [...was].filter((v) => !now.has(v));
    if (added.length > 0 || removed.length > 0) {
      changes.push({ kind: 'list', field, label: listLabels[field], added, removed });
    }
  };
  text('certificate', textLabels.certificate, before.certificate, after.certificate);
  text('year', textLabels.year, before.year, after.year);
  for (const field of ['levels', 'plannedStudents', 'majors', 'teachers'] as const) list(field);
  for (const field of ['rooms', 'sites', 'hardware'] as const) list(field);
  for (const s of planSections) {
    text(
      `plan.${s}`,
      `实施方案 · ${planSectionLabels[s]}`,
      before.plan[s] ?? '',
      after.plan[s] ?? '',
    );
  }
  list('commitments');
  return changes;
}

/**
 * Statuses in which the province holds the submitted application: an edit there warns first and
 * is kept as a revision beside the submitted version.
 */
export const onRecordStatuses: readonly ProjectStatus[] = ['submitted', 'confirmed'];

export function isOnRecord(status: ProjectStatus): boolean {
  return onRecordStatuses.includes(status);
}
