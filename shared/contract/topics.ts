/** The school's own records: a project's self-check (rules 1–8) reads them beside the project. */
const conditionTopics = [
  'school',
  'catalogue',
  'majors',
  'teachers',
  'rooms',
  'sites',
  'attachments',
] as const;

/**
 * The data the core holds, in groups a view can depend on. Every handler declares which topics
 * it reads and which it writes (next to its schema, e.g. `majorsTopics` in majors.ts); after a
 * successful write the core emits `{ type: 'changed', topics }` and the renderer reloads every
 * query whose handler reads one of them. Reads must name every table a figure is derived from
 * (a project's self-check reads teachers, majors, rooms …), or its view goes stale.
 */
export const topics = [
  'system',
  ...conditionTopics,
  'projects',
  'students',
  /** Exam batches, fee agreements and upload-sheet layouts of evaluation organizations. */
  'batches',
  /** Sign-ups: status, results, fee and payer, and their audit log. */
  'signups',
  'payments',
  /** 试点经费: income and spending records (考核费 comes from payments). */
  'funds',
  /** Candidate photos (证件照) and the organizations' photo rules. */
  'photos',
  'weekly',
  'backups',
  /** Packages written to exports/. */
  'packages',
  /** Files the page staged with uploads.begin / uploads.chunk. */
  'uploads',
  /** Imports running (preview, commit): what imports.cancel stops. */
  'imports',
] as const;

export type Topic = (typeof topics)[number];

export interface HandlerTopics {
  /** What its answer is derived from: a change to any of these makes a cached answer stale. */
  readonly reads?: readonly Topic[];
  /** What a successful call may change. */
  readonly writes?: readonly Topic[];
}

/** The declaration a feature's contract owes: one entry per handler, no more, no fewer. */
export type TopicsOf<C> = { readonly [K in keyof C]: HandlerTopics };

/** What a project's self-check (rules 1–8) is derived from. */
export const projectData = [
  'projects',
  ...conditionTopics,
  'students',
] as const satisfies readonly Topic[];

/** What every figure of the whole school (首页) is derived from: a project's data and the exams'. */
export const schoolData = [
  ...projectData,
  'batches',
  'signups',
  'payments',
  'funds',
  'weekly',
] as const satisfies readonly Topic[];

/** What the ledger, its sheets and the fee rules are derived from. */
export const feeData = [
  'signups',
  'students',
  'majors',
  'batches',
  'catalogue',
  'projects',
  'payments',
] as const satisfies readonly Topic[];

export function topicsTouched(handler: HandlerTopics, changed: readonly Topic[]): boolean {
  return (handler.reads ?? []).some((topic) => changed.includes(topic));
}
