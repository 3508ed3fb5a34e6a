import type { ErrorDetails, FieldIssue } from '../../../../shared/contract/errors';
import type { Major, MajorInputData, MajorSaveData } from '../../../../shared/contract/majors';
import { latestFirstEnrolmentYear, majorLevelLabels } from '../../../../shared/domain/majors';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError, mustExist, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { majorsRepository } from './repository';
import { majorUsage, releaseMajor } from './usage';

/** “510203 软件技术”, as majors are named in messages. */
export function majorLabel(major: { code: string; name: string }): string {
  return `专业“${major.code} ${major.name}”`;
}

export function majorsHandlers(
  ctx: CoreContext,
): HandlersFor<
  'majors.list' | 'majors.save' | 'majors.saveMany' | 'majors.usage' | 'majors.delete'
> {
  const { db } = ctx;
  const repo = majorsRepository(db);

  const mustGet = (id: number): Major => mustExist(repo.get(id), '专业', id);

  const rows = auditedRows(ctx, 'major', mustGet);

  /** Checks that code and name are free and writes the major; returns its id. */
  const write = (input: MajorSaveData, before: Major | null, at: string): number => {
    const selfId = input.id ?? 0;
    const sameCode = repo.withCode(input.code, selfId);
    if (sameCode) {
      const message = `专业代码 ${input.code} 已被专业“${sameCode.name}”使用，未保存。`;
      throw new CoreError('CONFLICT', message, {
        fields: [{ path: 'code', message }],
        existingId: sameCode.id,
      });
    }
    const sameName = repo.withLevelName(input.level, input.name, selfId);
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
    if (!before) return repo.insert(values);
    repo.update(before.id, values);
    return before.id;
  };

  const save = (input: MajorSaveData): Major =>
    rows.save(input.id, (before, { at }) => write(input, before, at));

  /** A first enrolment more than a year ahead is a typo; the issue names the field. */
  const enrolmentTooLate = (input: MajorInputData): FieldIssue | null => {
    const latest = latestFirstEnrolmentYear(ctx.clock());
    if (input.firstEnrolmentYear <= latest) return null;
    return {
      path: 'firstEnrolmentYear',
      message: `首次招生年份不能晚于 ${latest} 年（最多提前一年登记计划招生的专业）`,
    };
  };

  /**
   * Creates every major or none: one transaction, each row saved (and audited) as majors.save
   * does; the first refused row rolls all back, its message prefixed with its row number.
   */
  const saveMany = (inputs: MajorInputData[]): Major[] =>
    db.transaction(() =>
      inputs.map((input, i) => {
        const row = `第 ${i + 1} 行（${input.name}）：`;
        const late = enrolmentTooLate(input);
        if (late) {
          throw validationError([
            { path: `majors.${i}.${late.path}`, message: `${row}${late.message}` },
          ]);
        }
        try {
          return save(input);
        } catch (error) {
          if (!(error instanceof CoreError) || error.code !== 'CONFLICT') throw error;
          const details = error.details as ErrorDetails<'CONFLICT'> | undefined;
          throw new CoreError('CONFLICT', `${row}${error.message}`, {
            ...details,
            fields: (details?.fields ?? []).map((f) => ({
              path: `majors.${i}.${f.path}`,
              message: `${row}${f.message}`,
            })),
          });
        }
      }),
    )();

  const deleteMajor = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(majorLabel(before), majorUsage(db, id), force);
      releaseMajor(db, id, stamp);
      repo.remove(id);
      return { id };
    });

  return {
    'majors.list': () => repo.list(),
    'majors.save': (input) => {
      const late = enrolmentTooLate(input);
      if (late) throw validationError([late]);
      return save(input);
    },
    'majors.saveMany': ({ majors }) => saveMany(majors),
    'majors.usage': ({ id }) => {
      mustGet(id);
      return majorUsage(db, id);
    },
    'majors.delete': ({ id, force }) => deleteMajor(id, force),
  };
}
