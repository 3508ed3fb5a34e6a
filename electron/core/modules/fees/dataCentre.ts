import {
  certificateLevelCodes,
  certificateLevelLabels,
} from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';
import {
  dataCentreDate,
  dataCentreKey,
  dataCentreSheet,
  type DataCentreRow,
  type DataCentreSheet,
} from '../../io/dataCentre';
import { dataCentreStamp } from '../school/dataCentre';
import { passedSignups, type PassedRow } from './sheetRepository';

/** 学生技能证书数据 (ODS_XSJNZSSJ): the header exactly as the data centre lists it. */
export const SKILL_CERTIFICATES_HEADER = [
  '主键数据唯一性标识',
  '学校代码',
  '学号',
  '学生姓名',
  '发证机构编码',
  '证书等级',
  '证书号',
  '证书名称',
  '发证日期',
  '是否支持电子证书',
  '下载/打印次数',
  '数据采集时间',
] as const;
export const SKILL_CERTIFICATES_FILE = '学生技能证书数据（ODS_XSJNZSSJ）.xlsx';

/** 1+X证书数据 (ODS_GZXZSSJ). */
export const X_CERTIFICATES_HEADER = [
  '主键数据唯一性标识',
  '学校代码',
  '证书号',
  '专业号',
  '发证机构编码',
  '发证机构名称',
  '证书名称',
  '证书类型',
  '证书等级',
  '鉴定地点',
  '数据采集时间',
] as const;
export const X_CERTIFICATES_FILE = '1+X证书数据（ODS_GZXZSSJ）.xlsx';

/** 证书类型 of every certificate this app keeps. */
const X_CERTIFICATE_TYPE = '1+X职业技能等级证书';

const recordOf = (r: PassedRow) =>
  `${r.student_no} ${r.name}（${r.certificate_name}${certificateLevelLabels[r.level]}）`;

function missingOf(r: PassedRow): string[] {
  const missing: string[] = [];
  if (r.certificate_no === '') missing.push('证书号（在考核报名中登记成绩与证书编号）');
  if (r.organization_code === '') {
    missing.push(`发证机构编码（在证书目录“${r.certificate_name}”中填写）`);
  }
  return missing;
}

/**
 * A data-centre table of every certificate students have passed: one row per passed sign-up,
 * its key from the table's code, the school code, the 学号 and the certificate number, and its
 * values after those from `values` (given the collection time).
 */
async function passedCertificatesSheet(
  db: Db,
  now: Date,
  skipIncomplete: boolean,
  table: {
    code: string;
    file: string;
    title: string;
    header: readonly string[];
    values: (r: PassedRow, at: string) => DataCentreRow['values'];
  },
): Promise<DataCentreSheet> {
  const { school, at } = dataCentreStamp(db, now);
  const rows = passedSignups(db).map((r): DataCentreRow => ({
    record: recordOf(r),
    missing: missingOf(r),
    values: [
      dataCentreKey(table.code, school, r.student_no, r.certificate_no),
      school,
      ...table.values(r, at),
    ],
  }));
  return dataCentreSheet(table.file, table.title, table.header, rows, skipIncomplete);
}

/** 学生技能证书数据 for every certificate students have passed. */
export const skillCertificatesSheet = (db: Db, now: Date, skipIncomplete: boolean) =>
  passedCertificatesSheet(db, now, skipIncomplete, {
    code: 'ODS_XSJNZSSJ',
    file: SKILL_CERTIFICATES_FILE,
    title: '学生技能证书数据',
    header: SKILL_CERTIFICATES_HEADER,
    values: (r, at) => [
      r.student_no,
      r.name,
      r.organization_code,
      certificateLevelCodes[r.level],
      r.certificate_no,
      r.certificate_name,
      dataCentreDate(r.issued_on),
      // 1+X certificates are issued electronically on the national platform.
      1,
      0,
      at,
    ],
  });

/** 1+X证书数据 for every certificate students have passed. */
export const xCertificatesSheet = (db: Db, now: Date, skipIncomplete: boolean) =>
  passedCertificatesSheet(db, now, skipIncomplete, {
    code: 'ODS_GZXZSSJ',
    file: X_CERTIFICATES_FILE,
    title: '1+X证书数据',
    header: X_CERTIFICATES_HEADER,
    values: (r, at) => [
      r.certificate_no,
      r.major_code ?? '',
      r.organization_code,
      r.organization,
      r.certificate_name,
      X_CERTIFICATE_TYPE,
      certificateLevelCodes[r.level],
      r.place,
      at,
    ],
  });
