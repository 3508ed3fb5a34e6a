import { describe, expect, it } from 'vitest';
import { agreementSaveSchema } from '../../../shared/contract/agreements';
import {
  batchSaveSchema,
  signupCreateSchema,
  signupResultSchema,
} from '../../../shared/contract/exams';

const batch = {
  certificateId: 1,
  level: 'junior',
  examDate: '2020-11-15',
  fee: '¥1,234.5',
};

describe('exams contract', () => {
  it('takes the batch fee in yuan and hands the core fen', () => {
    const parsed = batchSaveSchema.parse(batch);
    expect(parsed).toMatchObject({
      feeFen: 123450,
      siteId: null,
      capacity: null,
      organization: '',
    });
    expect('fee' in parsed).toBe(false);
    const bad = batchSaveSchema.safeParse({ ...batch, fee: '12.345' });
    expect(bad.error?.issues[0].message).toContain('每人考核费应以元为单位，最多两位小数');
    const noDate = batchSaveSchema.safeParse({ ...batch, examDate: '' });
    expect(noDate.error?.issues[0].message).toBe('请填写考核日期');
  });

  it('an empty form says what to choose or fill in, a wrong value what is wrong', () => {
    const messages = (input: object) =>
      Object.fromEntries(
        (batchSaveSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path[0], i.message]),
      );
    expect(messages({ fee: '300' })).toMatchObject({
      certificateId: '请选择证书',
      level: '请选择等级',
      examDate: '请填写考核日期',
    });
    expect(
      messages({ ...batch, certificateId: 'x', level: 'top', examDate: '2020-02-30' }),
    ).toMatchObject({
      certificateId: '证书无效',
      level: '等级应为 初级、中级 或 高级',
      examDate: '考核日期应为有效日期，格式如 2020-09-01',
    });
  });

  it('needs exactly one of studentIds or filter for a sign-up', () => {
    expect(signupCreateSchema.safeParse({ batchId: 1 }).success).toBe(false);
    expect(signupCreateSchema.safeParse({ batchId: 1, studentIds: [] }).success).toBe(false);
    expect(signupCreateSchema.safeParse({ batchId: 1, studentIds: [1], filter: {} }).success).toBe(
      false,
    );
    expect(signupCreateSchema.parse({ batchId: 1, filter: {} })).toMatchObject({
      confirm: false,
      filter: { search: '', majors: [], pilot: null },
    });
  });

  it('refuses repeated partner schools and an out-of-range score', () => {
    const repeated = agreementSaveSchema.safeParse({
      certificateId: 1,
      level: 'junior',
      fee: 480,
      agreedOn: '2020-06-01',
      partnerSchools: ['甲校', '甲校'],
    });
    expect(repeated.error?.issues[0].message).toBe('联合谈判学校有重复的名称');
    expect(signupResultSchema.safeParse({ id: 1, score: 1001 }).error?.issues[0].message).toBe(
      '成绩应为 0–1000 之间的数字',
    );
  });
});
