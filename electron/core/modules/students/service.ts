import type {
  MatchMajorsResult,
  Student,
  StudentData,
  StudentSaveData,
} from '../../../../shared/contract/students';
import { checkIdNumber } from '../../../../shared/domain/idNumber';
import { entryYearProblem, matchMajor } from '../../../../shared/domain/students';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { mustExist, refuseField, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { guardDelete } from '../../usage';
import { importTemplate } from '../../io/importTemplate';
import { studentImportDefinition, studentImportFields } from './import';
import { studentRepo } from './repository';
import { studentUsage } from './usage';

type StudentHandlerName =
  | 'students.list'
  | 'students.facets'
  | 'students.save'
  | 'students.usage'
  | 'students.delete'
  | 'students.matchMajors'
  | 'students.importPreview'
  | 'students.importCommit'
  | 'students.importProblems'
  | 'students.importTemplate';

/** 学生: the roster, searched and filtered in SQL, edited one by one or imported in bulk. */
export function studentsHandlers(ctx: CoreContext): HandlersFor<StudentHandlerName> {
  const { db } = ctx;
  const repo = studentRepo(db);
  const roster = (input: { file: { fileName: string } }) =>
    studentImportDefinition(ctx, repo, input.file.fileName);

  const mustGet = (id: number): Student => mustExist(repo.get(id), '学生', id);

  /** The checks that need the clock or the saved majors, beyond the contract's own. */
  const complete = (data: StudentData): StudentData => {
    const today = ctx.today();
    const checked = checkIdNumber(data.idType, data.idNumber, { today, gender: data.gender });
    if (!checked.valid) {
      throw validationError([{ path: 'idNumber', message: checked.errors[0].message }]);
    }
    // The contract takes 1990–2100; a roster's year is bounded by today, and so is the form's.
    if (data.entryYear !== null) refuseField('entryYear', entryYearProblem(data.entryYear, today));
    if (data.majorId === null) return data;
    const major = repo.major(data.majorId);
    // A linked student keeps the major's name too, so deleting the major leaves it readable.
    return major ? { ...data, majorText: major.name } : data;
  };

  const rows = auditedRows(ctx, 'student', mustGet);

  const save = ({ id, ...input }: StudentSaveData): Student =>
    rows.save(id, (before, { at }) => {
      const data = complete(input);
      repo.check(data, id);
      if (!before) return repo.insert(data, at);
      repo.update(before.id, data, at);
      return before.id;
    });

  const deleteStudent = (id: number, force: boolean) =>
    rows.remove(id, (before) => {
      guardDelete(`学生“${before.name}”（学号 ${before.studentNo}）`, studentUsage(db, id), force);
      repo.remove(id);
      return { id };
    });

  /**
   * Links students whose roster major text now names exactly one major of the school (after the
   * user created it), and refreshes the names of linked majors.
   */
  const matchMajors = db.transaction((): MatchMajorsResult => {
    const majors = repo.majors();
    const at = ctx.now();
    repo.refreshLinkedMajorNames();
    let linked = 0;
    for (const text of repo.unlinkedMajorTexts()) {
      const match = matchMajor(text, majors);
      if (match.kind === 'matched') linked += repo.linkMajorText(text, match.major, at);
    }
    const unmatched = repo.unlinkedMajorCount();
    return { linked, unmatched };
  });

  return {
    'students.list': (input) => repo.list(input),
    'students.facets': () => repo.facets(),
    'students.save': (input) => save(input),
    'students.usage': ({ id }) => {
      mustGet(id);
      return studentUsage(db, id);
    },
    'students.delete': ({ id, force }) => deleteStudent(id, force),
    'students.matchMajors': () => matchMajors(),
    'students.importTemplate': () =>
      importTemplate('学生名单导入模板.xlsx', '学生名单', studentImportFields),
    'students.importProblems': (input) => problemRowsSheet(roster(input), input, ctx),
    'students.importPreview': (input) => previewImport(roster(input), input, ctx),
    'students.importCommit': async (input) => {
      const result = await commitImport(roster(input), input, ctx);
      // Fresh statistics let SQLite pick the right index for each filter of the list.
      repo.analyze();
      return result;
    },
  };
}
