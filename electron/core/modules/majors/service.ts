import type { Major, MajorSaveData } from '../../../../shared/contract/majors';
import { latestFirstEnrolmentYear, majorLevelLabels } from '../../../../shared/domain/majors';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { majorUsage, releaseMajor } from './usage';

interface MajorRow {
  id: number;
  code: string;
  name: string;
  level: Major['level'];
  catalogue_year: number;
  first_enrolment_year: number;
  annual_enrolment: number;
  teacher_count: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: MajorRow): Major {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    catalogueYear: row.catalogue_year,
    firstEnrolmentYear: row.first_enrolment_year,
    annualEnrolment: row.annual_enrolment,
    teacherCount: row.teacher_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** “510203 软件技术”, as majors are named in messages. */
export function majorLabel(major: { code: string; name: string }): string {
  return `专业“${major.code} ${major.name}”`;
}

const selectMajors = `SELECT m.*, (SELECT count(*) FROM teachers t WHERE t.major_id = m.id) AS teacher_count
  FROM majors m`;

export function majorsHandlers(
  ctx: CoreContext,
): HandlersFor<'majors.list' | 'majors.save' | 'majors.usage' | 'majors.delete'> {
  const { db } = ctx;
  const listAll = db.prepare<[], MajorRow>(`${selectMajors} ORDER BY m.code`);
  const getOne = db.prepare<[number], MajorRow>(`${selectMajors} WHERE m.id = ?`);
  const byCode = db.prepare<[string, number], { id: number; name: string }>(
    'SELECT id, name FROM majors WHERE code = ? AND id <> ?',
  );
  const byLevelName = db.prepare<[string, string, number], { id: number; code: string }>(
    'SELECT id, code FROM majors WHERE level = ? AND name = ? AND id <> ?',
  );
  const insert = db.prepare(
    `INSERT INTO majors (code, name, level, catalogue_year, first_enrolment_year,
       annual_enrolment, created_at, updated_at)
     VALUES (@code, @name, @level, @catalogueYear, @firstEnrolmentYear, @annualEnrolment, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE majors SET code = @code, name = @name, level = @level,
       catalogue_year = @catalogueYear, first_enrolment_year = @firstEnrolmentYear,
       annual_enrolment = @annualEnrolment, updated_at = @at
     WHERE id = @id`,
  );
  const remove = db.prepare<[number]>('DELETE FROM majors WHERE id = ?');

  const mustGet = (id: number): Major => {
    const row = getOne.get(id);
    if (!row) {
      throw new CoreError('NOT_FOUND', `专业不存在（编号 ${id}），可能已被删除，请刷新列表。`);
    }
    return fromRow(row);
  };

  const rows = auditedRows(ctx, 'major', mustGet);

  /** Checks that code and name are free and writes the major; returns its id. */
  const write = (input: MajorSaveData, before: Major | null, at: string): number => {
    const selfId = input.id ?? 0;
    const sameCode = byCode.get(input.code, selfId);
    if (sameCode) {
      const message = `专业代码 ${input.code} 已被专业“${sameCode.name}”使用，未保存。`;
      throw new CoreError('CONFLICT', message, {
        fields: [{ path: 'code', message }],
        existingId: sameCode.id,
      });
    }
    const sameName = byLevelName.get(input.level, input.name, selfId);
    if (sameName) {
      const message = `${majorLevelLabels[input.level]}层次已有专业“${input.name}”（代码 ${sameName.code}），未保存。`;
      throw new CoreError('CONFLICT', message, {
        fields: [{ path: 'name', message }],
        existingId: sameName.id,
      });
    }
    const values = {
      code: input.code,
      name: input.name,
      level: input.level,
      catalogueYear: input.catalogueYear,
      firstEnrolmentYear: input.firstEnrolmentYear,
      annualEnrolment: input.annualEnrolment,
      at,
    };
    if (!before) return Number(insert.run(values).lastInsertRowid);
    update.run({ ...values, id: before.id });
    return before.id;
  };

  const save = (input: MajorSaveData): Major =>
    rows.save(input.id, (before, { at }) => write(input, before, at));

  const deleteMajor = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(majorLabel(before), majorUsage(db, id), force);
      releaseMajor(db, id, stamp);
      remove.run(id);
      return { id };
    });

  return {
    'majors.list': () => listAll.all().map(fromRow),
    'majors.save': (input) => {
      const latest = latestFirstEnrolmentYear(ctx.clock());
      if (input.firstEnrolmentYear > latest) {
        throw validationError([
          {
            path: 'firstEnrolmentYear',
            message: `首次招生年份不能晚于 ${latest} 年（最多提前一年登记计划招生的专业）`,
          },
        ]);
      }
      return save(input);
    },
    'majors.usage': ({ id }) => {
      mustGet(id);
      return majorUsage(db, id);
    },
    'majors.delete': ({ id, force }) => deleteMajor(id, force),
  };
}
