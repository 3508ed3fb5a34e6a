import type { Teacher, TeacherSaveData } from '../../../../shared/contract/teachers';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { birthMonthProblem } from '../../../../shared/domain/teachers';
import { mustExist, refuseField } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';
import { teacherImportDefinition, teacherImportFields } from './import';
import { teacherRepo } from './repository';
import { teacherUsage } from './usage';

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
  const teacherSheet = (input: { file: { fileName: string } }) =>
    teacherImportDefinition(ctx, repo, input.file.fileName);

  const mustGet = (id: number): Teacher => mustExist(repo.get(id), '教师', id);

  const rows = auditedRows(ctx, 'teacher', mustGet);

  const save = ({ id, ...data }: TeacherSaveData): Teacher =>
    rows.save(id, (before, { at }) => {
      refuseField('birthMonth', birthMonthProblem(data.birthMonth, ctx.today()));
      repo.check(data, id);
      if (!before) return repo.insert(data, at);
      repo.update(before.id, data, at);
      return before.id;
    });

  const deleteTeacher = (id: number, force: boolean) =>
    rows.remove(id, (before) => {
      guardDelete(`教师“${before.name}”（工号 ${before.staffNo}）`, teacherUsage(db, id), force);
      repo.remove(id);
      return { id };
    });

  return {
    'teachers.list': () => repo.list(),
    'teachers.save': (input) => save(input),
    'teachers.usage': ({ id }) => {
      mustGet(id);
      return teacherUsage(db, id);
    },
    'teachers.delete': ({ id, force }) => deleteTeacher(id, force),
    'teachers.importTemplate': () =>
      importTemplate('教师导入模板.xlsx', '教师', teacherImportFields),
    'teachers.importProblems': (input) => problemRowsSheet(teacherSheet(input), input, ctx),
    'teachers.importPreview': (input) => previewImport(teacherSheet(input), input, ctx),
    'teachers.importCommit': (input) => commitImport(teacherSheet(input), input, ctx),
  };
}
