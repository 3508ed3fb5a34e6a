/**
 * What refers to a row that the user wants to delete. The core builds it (one small function per
 * entity, e.g. `electron/core/modules/majors/usage.ts`); the page shows `summary` in its delete
 * confirmation, and the delete handler refuses with IN_USE unless the user confirmed (`force`).
 */
export interface UsageRef {
  /** What refers to the row, e.g. `teacher`, `pilotProject`. */
  kind: string;
  /** Chinese noun with its measure word, e.g. "名教师". */
  label: string;
  count: number;
  /** Up to five names of the referring rows, for the message. */
  examples: string[];
  /**
   * What deleting does to these references: `unlink` clears them (the referring rows stay),
   * `block` forbids the delete even when confirmed.
   */
  onDelete: 'unlink' | 'block';
  /** What happens on delete, or what to do first when blocked, in Chinese. */
  consequence: string;
}

export interface Usage {
  refs: UsageRef[];
  /** One Chinese sentence for the confirmation, '' when nothing refers to the row. */
  summary: string;
}
