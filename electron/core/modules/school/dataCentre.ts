import type { Db } from '../../db/open';
import { collectedAt, requireSchoolCode } from '../../io/dataCentre';
import { schoolRepository } from './repository';

/**
 * What every data-centre row starts from: the school's 学校代码 (or the refusal saying where to
 * fill it in) and the 数据采集时间 at `now`.
 */
export function dataCentreStamp(db: Db, now: Date): { school: string; at: string } {
  return { school: requireSchoolCode(schoolRepository(db).get()?.code), at: collectedAt(now) };
}
