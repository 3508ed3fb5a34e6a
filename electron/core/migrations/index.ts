import auditLog from './001_audit_log';
import school from './002_school';
import catalogue from './003_catalogue';
import staff from './004_staff';
import attachments from './005_attachments';
import projects from './006_projects';
import students from './007_students';
import exams from './008_exams';
import feesIndexes from './009_fees_indexes';
import weeklyReports from './010_weekly_reports';
import feesCoveringIndexes from './011_fees_covering_indexes';
import feeLimits from './012_fee_limits';
import revisions from './013_revisions';
import weeklyFlows from './014_weekly_flows';
import teacherDetails from './015_teacher_details';
import results from './016_results';
import funds from './017_funds';
import formats from './018_formats';
import examSites from './019_exam_sites';
import arrangements from './020_arrangements';
import violationStatus from './021_violation_status';
import photos from './022_photos';
import uploadLayouts from './023_upload_layouts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table other tables' foreign keys point at (SQLite cannot alter a CHECK): run with
   * foreign key enforcement off, as SQLite's own procedure for such changes says, and checked
   * with `foreign_key_check` before its transaction commits.
   */
  rebuildsReferencedTable?: true;
}

/**
 * Forward-only, numbered. Kept as modules rather than loose .sql files so the same list works
 * under tsx, Vitest and the bundled Electron main without copying assets.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'audit_log', sql: auditLog },
  { version: 2, name: 'school', sql: school },
  { version: 3, name: 'catalogue', sql: catalogue },
  { version: 4, name: 'staff', sql: staff },
  { version: 5, name: 'attachments', sql: attachments },
  { version: 6, name: 'projects', sql: projects },
  { version: 7, name: 'students', sql: students },
  { version: 8, name: 'exams', sql: exams },
  { version: 9, name: 'fees_indexes', sql: feesIndexes },
  { version: 10, name: 'weekly_reports', sql: weeklyReports },
  { version: 11, name: 'fees_covering_indexes', sql: feesCoveringIndexes },
  { version: 12, name: 'fee_limits', sql: feeLimits },
  { version: 13, name: 'revisions', sql: revisions },
  { version: 14, name: 'weekly_flows', sql: weeklyFlows },
  { version: 15, name: 'teacher_details', sql: teacherDetails },
  { version: 16, name: 'results', sql: results },
  { version: 17, name: 'funds', sql: funds },
  { version: 18, name: 'formats', sql: formats },
  { version: 19, name: 'exam_sites', sql: examSites },
  { version: 20, name: 'arrangements', sql: arrangements },
  { version: 21, name: 'violation_status', sql: violationStatus, rebuildsReferencedTable: true },
  { version: 22, name: 'photos', sql: photos },
  { version: 23, name: 'upload_layouts', sql: uploadLayouts },
];
