import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { majorInputSchema } from '../../../shared/contract/majors';
import { equipmentInputSchema, roomInputSchema } from '../../../shared/contract/rooms';
import { teacherInputSchema } from '../../../shared/contract/teachers';

function messages(schema: { safeParse(v: unknown): unknown }, input: unknown) {
  const result = schema.safeParse(input) as {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
  if (result.success) return {};
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('major schema', () => {
  const major = {
    code: '510203',
    name: '软件技术',
    level: 'junior_college',
    catalogueYear: 2021,
    firstEnrolmentYear: 2015,
    annualEnrolment: 0,
  };

  it('takes 6 digits only and years between 1950 and 2100', () => {
    expect(messages(majorInputSchema, major)).toEqual({});
    // An empty code gets one message, not also the format one.
    expect(messages(majorInputSchema, { ...major, code: '' })).toEqual({ code: '请填写专业代码' });
    expect(majorInputSchema.safeParse({ ...major, code: ' ' }).error?.issues).toHaveLength(1);
    expect(messages(majorInputSchema, { ...major, code: '5102031' }).code).toContain('6 位数字');
    expect(messages(majorInputSchema, { ...major, catalogueYear: 1949 }).catalogueYear).toBe(
      '专业目录版本年份应为 1950–2100 年之间的整数',
    );
    expect(messages(majorInputSchema, { ...major, catalogueYear: 2100 })).toEqual({});
    expect(messages(majorInputSchema, { ...major, firstEnrolmentYear: null })).toEqual({
      firstEnrolmentYear: '请填写首次招生年份',
    });
  });
});

describe('teacher schema (reused row by row by the import)', () => {
  it('needs only name, gender and 工号; the rest has defaults', () => {
    expect(
      teacherInputSchema.parse({ name: ' 张三 ', gender: 'female', staffNo: 'T-01_a' }),
    ).toEqual({
      name: '张三',
      gender: 'female',
      staffNo: 'T-01_a',
      title: '',
      majorId: null,
      fullTime: true,
      dualQualified: false,
      canTeachIndependently: false,
      assessor: false,
      birthMonth: null,
      education: null,
      degree: null,
      studiedMajor: '',
      skillCertificates: '',
    });
  });

  it('rejects unknown keys at the handler boundary', () => {
    const result = contract['teachers.save'].input.safeParse({
      name: '张三',
      gender: 'male',
      staffNo: 'T1',
      salary: 1,
    });
    expect(result.success).toBe(false);
  });
});

describe('equipment schema: yuan in, fen out', () => {
  it.each([
    [5999.9, 599990],
    ['12800.50', 1280050],
    ['¥12,800.5', 1280050],
    [0, 0],
  ])('%s yuan → %i fen', (unitValue, fen) => {
    expect(equipmentInputSchema.parse({ name: '计算机', quantity: 1, unitValue })).toEqual({
      name: '计算机',
      model: '',
      quantity: 1,
      unitValueFen: fen,
    });
  });

  it.each([['12.345'], ['abc'], [1e10]])('refuses %s', (unitValue) => {
    expect(messages(equipmentInputSchema, { name: '计算机', quantity: 1, unitValue })).toEqual({
      unitValue: '设备单价应以元为单位，最多两位小数，例如 12800 或 12800.50',
    });
  });

  it('refuses a negative price as negative', () => {
    expect(messages(equipmentInputSchema, { name: '计算机', quantity: 1, unitValue: -1 })).toEqual({
      unitValue: '设备单价不能是负数',
    });
  });

  it('names the equipment line in the path', () => {
    expect(
      messages(roomInputSchema, {
        name: '实训室',
        areaM2: 10,
        workstations: 1,
        equipment: [
          { name: 'A', quantity: 1, unitValue: 1 },
          { name: 'B', quantity: 0, unitValue: 1 },
        ],
      }),
    ).toEqual({ 'equipment.1.quantity': '设备数量应为 1–100000 台（套）之间的整数' });
  });
});
