import type { Teacher, TeacherData } from '../../../../shared/contract/teachers';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { camelRowWithFlags, type FlaggedRow } from '../../db/rows';
import { CoreError } from '../../errors';

const flags = ['fullTime', 'dualQualified', 'canTeachIndependently', 'assessor'] as const;

type TeacherRow = FlaggedRow<Teacher, (typeof flags)[number]>;

const fromRow = (row: TeacherRow): Teacher => camelRowWithFlags(row, flags);

// Exactly a Teacher's fields, in its order (the audit log records them as read).
const selectTeachers = `SELECT t.id, t.name, t.gender, t.staff_no, t.title, t.birth_month, t.education,
    t.degree, t.studied_major, t.skill_certificates, t.major_id, m.code AS major_code,
    m.name AS major_name, t.full_time, t.dual_qualified, t.can_teach_independently, t.assessor,
    t.created_at, t.updated_at
  FROM teachers t LEFT JOIN majors m ON m.id = t.major_id`;

/** A teacher's columns as stored: its flags as 0/1. */
type TeacherValues = Omit<TeacherData, (typeof flags)[number]> & {
  readonly [F in (typeof flags)[number]]: number;
};

const teacherRecords = recordWriter<TeacherValues>('teachers', {
  name: 'name',
  gender: 'gender',
  staff_no: 'staffNo',
  title: 'title',
  birth_month: 'birthMonth',
  education: 'education',
  degree: 'degree',
  studied_major: 'studiedMajor',
  skill_certificates: 'skillCertificates',
  major_id: 'majorId',
  full_time: 'fullTime',
  dual_qualified: 'dualQualified',
  can_teach_independently: 'canTeachIndependently',
  assessor: 'assessor',
});

/**
 * Teacher rows and the checks a write needs, kept apart from the handlers so a row-by-row
 * import can run the same checks and writes inside its own transaction.
 */
export function teacherRepo(db: Db) {
  const listAll = db.prepare<[], TeacherRow>(`${selectTeachers} ORDER BY t.staff_no`);
  const getOne = db.prepare<[number], TeacherRow>(`${selectTeachers} WHERE t.id = ?`);
  const byStaffNo = db.prepare<[string], { id: number; name: string; staff_no: string }>(
    'SELECT id, name, staff_no FROM teachers WHERE staff_no = ?',
  );
  const majorExists = db.prepare<[number], { id: number }>('SELECT id FROM majors WHERE id = ?');
  const records = teacherRecords(db);
  const columns = (data: TeacherData, at: string) => ({
    name: data.name,
    gender: data.gender,
    staffNo: data.staffNo,
    title: data.title,
    birthMonth: data.birthMonth,
    education: data.education,
    degree: data.degree,
    studiedMajor: data.studiedMajor,
    skillCertificates: data.skillCertificates,
    majorId: data.majorId,
    fullTime: data.fullTime ? 1 : 0,
    dualQualified: data.dualQualified ? 1 : 0,
    canTeachIndependently: data.canTeachIndependently ? 1 : 0,
    assessor: data.assessor ? 1 : 0,
    at,
  });

  /** The teacher holding this 工号 (letter case ignored), if any. */
  const findByStaffNo = (
    staffNo: string,
  ): { id: number; name: string; staffNo: string } | undefined => {
    const row = byStaffNo.get(staffNo);
    return row ? { id: row.id, name: row.name, staffNo: row.staff_no } : undefined;
  };

  return {
    /** Every teacher in 工号 order. */
    list: (): Teacher[] => listAll.all().map(fromRow),
    get(id: number): Teacher | undefined {
      const row = getOne.get(id);
      return row ? fromRow(row) : undefined;
    },
    findByStaffNo,
    /**
     * Throws CONFLICT when another teacher holds the 工号, VALIDATION when the major does not
     * exist; `selfId` is the teacher being edited.
     */
    check(data: TeacherData, selfId?: number): void {
      const holder = findByStaffNo(data.staffNo);
      if (holder && holder.id !== selfId) {
        const message = `工号 ${holder.staffNo} 已被教师“${holder.name}”使用，同一工号不能登记两次，未保存。`;
        throw new CoreError('CONFLICT', message, {
          fields: [{ path: 'staffNo', message }],
          existingId: holder.id,
        });
      }
      if (data.majorId !== null && !majorExists.get(data.majorId)) {
        const message = '所选专业不存在（可能已被删除），请重新选择所属专业';
        throw new CoreError('VALIDATION', `输入有误，未保存。${message}`, {
          fields: [{ path: 'majorId', message }],
        });
      }
    },
    insert: (data: TeacherData, at: string): number => records.insert(columns(data, at)),
    update: (id: number, data: TeacherData, at: string): void =>
      records.update(id, columns(data, at)),
    remove: records.remove,
    /** Every major, for matching an import's 所属专业 cells by code or name. */
    majors: () =>
      db
        .prepare<[], { id: number; code: string; name: string }>(
          'SELECT id, code, name FROM majors',
        )
        .all(),
    /** Every saved 工号, for telling an import's new teachers from updated ones. */
    staffNos: () =>
      db
        .prepare<[], { staff_no: string }>('SELECT staff_no FROM teachers')
        .all()
        .map((r) => r.staff_no),
  };
}
