import type { Teacher, TeacherData, TeacherSaveData } from '../../../../shared/contract/teachers';
import type { CoreContext } from '../../context';
import { recordAudit } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';
import { teacherImportDefinition, teacherImportFields } from './import';
import { teacherUsage } from './usage';

interface TeacherRow {
  id: number;
  name: string;
  gender: Teacher['gender'];
  staff_no: string;
  title: string;
  major_id: number | null;
  major_code: string | null;
  major_name: string | null;
  full_time: number;
  dual_qualified: number;
  can_teach_independently: number;
  assessor: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: TeacherRow): Teacher {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    staffNo: row.staff_no,
    title: row.title,
    majorId: row.major_id,
    majorCode: row.major_code,
    majorName: row.major_name,
    fullTime: row.full_time === 1,
    dualQualified: row.dual_qualified === 1,
    canTeachIndependently: row.can_teach_independently === 1,
    assessor: row.assessor === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const selectTeachers = `SELECT t.*, m.code AS major_code, m.name AS major_name
  FROM teachers t LEFT JOIN majors m ON m.id = t.major_id`;

/**
 * Teacher rows and the checks a write needs, kept apart from the handlers so a row-by-row
 * import can run the same checks and writes inside its own transaction.
 */
export function teacherRepo(db: Db) {
  const getOne = db.prepare<[number], TeacherRow>(`${selectTeachers} WHERE t.id = ?`);
  const byStaffNo = db.prepare<[string], { id: number; name: string; staff_no: string }>(
    'SELECT id, name, staff_no FROM teachers WHERE staff_no = ?',
  );
  const majorExists = db.prepare<[number], { id: number }>('SELECT id FROM majors WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO teachers (name, gender, staff_no, title, major_id, full_time, dual_qualified,
       can_teach_independently, assessor, created_at, updated_at)
     VALUES (@name, @gender, @staffNo, @title, @majorId, @fullTime, @dualQualified,
       @canTeachIndependently, @assessor, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE teachers SET name = @name, gender = @gender, staff_no = @staffNo, title = @title,
       major_id = @majorId, full_time = @fullTime, dual_qualified = @dualQualified,
       can_teach_independently = @canTeachIndependently, assessor = @assessor, updated_at = @at
     WHERE id = @id`,
  );

  const columns = (data: TeacherData, at: string) => ({
    name: data.name,
    gender: data.gender,
    staffNo: data.staffNo,
    title: data.title,
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
    insert(data: TeacherData, at: string): number {
      return Number(insert.run(columns(data, at)).lastInsertRowid);
    },
    update(id: number, data: TeacherData, at: string): void {
      update.run({ ...columns(data, at), id });
    },
  };
}

export function teachersHandlers(
  ctx: CoreContext,
): HandlersFor<
  | 'teachers.list'
  | 'teachers.save'
  | 'teachers.usage'
  | 'teachers.delete'
  | 'teachers.importPreview'
  | 'teachers.importCommit'
  | 'teachers.importProblems'
  | 'teachers.importTemplate'
> {
  const { db } = ctx;
  const repo = teacherRepo(db);
  const listAll = db.prepare<[], TeacherRow>(`${selectTeachers} ORDER BY t.staff_no`);
  const remove = db.prepare<[number]>('DELETE FROM teachers WHERE id = ?');

  const mustGet = (id: number): Teacher => {
    const teacher = repo.get(id);
    if (!teacher) {
      throw new CoreError('NOT_FOUND', `教师不存在（编号 ${id}），可能已被删除，请刷新列表。`);
    }
    return teacher;
  };

  const save = db.transaction(({ id, ...data }: TeacherSaveData): Teacher => {
    const at = ctx.clock().toISOString();
    const before = id === undefined ? null : mustGet(id);
    repo.check(data, id);
    let savedId: number;
    if (before) {
      repo.update(before.id, data, at);
      savedId = before.id;
    } else {
      savedId = repo.insert(data, at);
    }
    const after = mustGet(savedId);
    recordAudit(db, {
      at,
      actor: ctx.actor,
      entity: 'teacher',
      entityId: String(savedId),
      action: before ? 'update' : 'create',
      before,
      after,
    });
    return after;
  });

  const deleteTeacher = db.transaction((id: number, force: boolean) => {
    const before = mustGet(id);
    guardDelete(`教师“${before.name}”（工号 ${before.staffNo}）`, teacherUsage(db, id), force);
    const at = ctx.clock().toISOString();
    remove.run(id);
    recordAudit(db, {
      at,
      actor: ctx.actor,
      entity: 'teacher',
      entityId: String(id),
      action: 'delete',
      before,
      after: null,
    });
    return { id };
  });

  return {
    'teachers.list': () => listAll.all().map(fromRow),
    'teachers.save': (input) => save(input),
    'teachers.usage': ({ id }) => {
      mustGet(id);
      return teacherUsage(db, id);
    },
    'teachers.delete': ({ id, force }) => deleteTeacher(id, force),
    'teachers.importTemplate': () =>
      importTemplate('教师导入模板.xlsx', '教师', teacherImportFields),
    'teachers.importProblems': (input) =>
      problemRowsSheet(teacherImportDefinition(ctx, repo), input, ctx),
    'teachers.importPreview': (input) =>
      previewImport(teacherImportDefinition(ctx, repo), input, ctx),
    'teachers.importCommit': (input) =>
      commitImport(db, teacherImportDefinition(ctx, repo), input, ctx),
  };
}
