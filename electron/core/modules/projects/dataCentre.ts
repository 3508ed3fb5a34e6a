import type { Db } from '../../db/open';
import {
  dataCentreKey,
  dataCentreSheet,
  type DataCentreRow,
  type DataCentreSheet,
} from '../../io/dataCentre';
import { dataCentreStamp } from '../school/dataCentre';
import { coursesOfLiveProjects } from './repository';

/** 课证融通关联关系数据 (ODS_KZRTGLGXSJ): the header exactly as the data centre lists it. */
export const COURSES_HEADER = [
  '主键数据唯一性标识',
  '学校代码',
  '课程名称',
  '课程号',
  '证书号',
  '证书名称',
  '数据采集时间',
] as const;
export const COURSES_FILE = '课证融通关联关系数据（ODS_KZRTGLGXSJ）.xlsx';

/**
 * One row per course and certificate, from the projects not rejected or revoked (the latest
 * year's course name when a pair recurs). 证书号 is the certificate's number in the data
 * centre's own list, which the app does not know: it is left blank for the school to fill.
 */
export async function coursesSheet(
  db: Db,
  now: Date,
  skipIncomplete: boolean,
): Promise<DataCentreSheet> {
  const { school, at } = dataCentreStamp(db, now);
  const found = coursesOfLiveProjects(db);
  const seen = new Set<string>();
  const rows: DataCentreRow[] = [];
  for (const r of found) {
    const key = dataCentreKey('ODS_KZRTGLGXSJ', school, r.course_no, r.certificate_name);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      record: `${r.course_no} ${r.course_name}（${r.certificate_name}，${r.year} 年度项目）`,
      missing: [],
      values: [key, school, r.course_name, r.course_no, '', r.certificate_name, at],
    });
  }
  return dataCentreSheet(
    COURSES_FILE,
    '课证融通关联关系数据',
    COURSES_HEADER,
    rows,
    skipIncomplete,
  );
}
