import { idNumberMatchKey } from '../../../../shared/domain/idNumber';
import type { ImportFieldSpec } from '../../io/header';
import { looseKey, type ImportDefinition } from '../../io/importDefinition';

/*
 * The organization's lists of one batch's candidates (准考证号, results) name each candidate by
 * 身份证号, 准考证号 or 学号 + 姓名: the columns, the keys and the lookups are defined here once.
 */

/** The columns that say who a row is, with what every list shares; each import adds its rule. */
export const candidateColumns = {
  admissionNo: {
    key: 'admissionNo',
    label: '准考证号',
    synonyms: ['准考证号码', '准考证', '考号', '考生号', '准考号'],
    longId: true,
    example: '2020110100101',
  },
  idNumber: {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['身份证号码', '证件号码', '证件号', '身份证', '公民身份号码'],
    longId: true,
    rule: '首选的匹配依据：按身份证号找到本批次的报名。请把该列设为文本。',
    example: '11010519491231002X',
  },
  studentNo: {
    key: 'studentNo',
    label: '学号',
    synonyms: ['学生学号', '学籍号'],
    longId: true,
    example: '2020000001',
  },
  name: {
    key: 'name',
    label: '姓名',
    synonyms: ['考生姓名', '学生姓名'],
    required: true,
    rule: '考生姓名，须与本校记录一致。',
    example: '张三',
  },
} as const satisfies Record<CandidateField, ImportFieldSpec<CandidateField>>;

export type CandidateField = 'admissionNo' | 'idNumber' | 'studentNo' | 'name';

/** A sign-up of the batch with what identifies its student. */
export interface MatchableSignup {
  signupId: number;
  studentNo: string;
  name: string;
  idNumber: string;
  /** '' when none yet. */
  admissionNo: string;
}

/**
 * The batch's sign-ups by 身份证号 (a 15-digit number and its 18-digit form alike), 准考证号 and
 * 学号, each key normalised as the lists write it.
 */
export function signupLookup<C extends MatchableSignup>(candidates: readonly C[]) {
  const byId = new Map<string, C>();
  const byAdmission = new Map<string, C>();
  const byStudentNo = new Map<string, C>();
  for (const c of candidates) {
    if (c.idNumber) byId.set(idNumberMatchKey(c.idNumber), c);
    if (c.admissionNo) byAdmission.set(looseKey(c.admissionNo), c);
    byStudentNo.set(looseKey(c.studentNo), c);
  }
  const find = (map: Map<string, C>, key: string) => (key === '' ? undefined : map.get(key));
  return {
    byIdNumber: (text: string) => find(byId, idNumberMatchKey(text)),
    byAdmissionNo: (text: string) => find(byAdmission, looseKey(text)),
    byStudentNo: (text: string) => find(byStudentNo, looseKey(text)),
  };
}

/** The sheet's 姓名 is the sign-up's, spaces and case aside. */
export const sameName = (sheetName: string, name: string) => looseKey(sheetName) === looseKey(name);

type KeyField = Exclude<CandidateField, 'name'>;
const normaliseKey: Record<KeyField, (text: string) => string> = {
  idNumber: idNumberMatchKey,
  admissionNo: looseKey,
  studentNo: looseKey,
};

/**
 * How the importer keys a list's rows: one row per sign-up, named by 姓名, and no 身份证号,
 * 准考证号 or 学号 twice (checked in `order`).
 */
export function signupKeys(
  order: readonly KeyField[],
): Pick<
  ImportDefinition<CandidateField, { signupId: number }>,
  'keyOf' | 'keyField' | 'uniqueFields' | 'identityFields'
> {
  return {
    keyOf: (value) => String(value.signupId),
    keyField: 'name',
    uniqueFields: order.map((field) => ({ field, normalise: normaliseKey[field] })),
    identityFields: ['admissionNo', 'idNumber', 'studentNo', 'name'],
  };
}
