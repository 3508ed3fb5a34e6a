import type { SchoolProfile, SchoolProfileData } from '../../../../shared/contract/school';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import type { HandlersFor } from '../../handlers';
import { schoolRepository } from './repository';

export function schoolHandlers(ctx: CoreContext): HandlersFor<'school.get' | 'school.save'> {
  const { db } = ctx;
  const repo = schoolRepository(db);

  const audit = auditLog<SchoolProfile>(db, 'school');

  const load = (): SchoolProfile | null => repo.get();

  const save = db.transaction((data: SchoolProfileData): SchoolProfile => {
    const before = load();
    const stamp = auditStamp(ctx);
    repo.upsert(data, stamp.at);
    const after = load();
    if (!after) throw new Error('school row missing after save');
    audit(stamp, 1, before ? 'update' : 'create', before, after);
    return after;
  });

  return {
    'school.get': () => load(),
    'school.save': (input) => save(input),
  };
}
