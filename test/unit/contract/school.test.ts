import { describe, expect, it } from 'vitest';
import { contract, isHandlerName } from '../../../shared/contract';
import { schoolProfileSchema } from '../../../shared/contract/school';
import { hubeiCities } from '../../../shared/domain/school';

const valid = {
  name: ' 湖北示例职业技术学院 ',
  kind: 'higher_vocational',
  demonstrationLevel: 'provincial',
  city: '武汉市',
};

function messages(input: unknown): Record<string, string> {
  const result = schoolProfileSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('schoolProfileSchema', () => {
  it('accepts a minimal profile, trims text and defaults optional fields to empty', () => {
    const parsed = schoolProfileSchema.parse(valid);
    expect(parsed.name).toBe('湖北示例职业技术学院');
    expect(parsed.code).toBe('');
    expect(parsed.weeklyReporterPhone).toBe('');
  });

  it('knows all 17 Hubei city-level units and nothing else', () => {
    expect(hubeiCities).toHaveLength(17);
    expect(messages({ ...valid, city: '长沙市' }).city).toContain('17 个市州');
    for (const city of hubeiCities) expect(messages({ ...valid, city })).toEqual({});
  });

  it('requires a name, a kind, a level and a city, each with a Chinese message', () => {
    expect(messages({})).toEqual({
      name: '请填写学校名称',
      kind: '请选择学校类型',
      demonstrationLevel: '请选择示范校级别',
      city: '请选择所在市州（湖北省 17 个市州之一）',
    });
    expect(messages({ ...valid, name: '   ' }).name).toBe('请填写学校名称');
  });

  it('takes a 10-digit school code only (9 and 11 digits fail)', () => {
    expect(messages({ ...valid, code: '4142010834' })).toEqual({});
    expect(messages({ ...valid, code: '414201083' }).code).toBe('学校标识码应为 10 位数字');
    expect(messages({ ...valid, code: '41420108345' }).code).toBeDefined();
    expect(messages({ ...valid, code: '41420108a4' }).code).toBe('学校标识码应为 10 位数字');
  });

  it.each([
    ['13800138000', true],
    ['19912345678', true],
    ['12800138000', false],
    ['1380013800', false],
    ['027-87654321', true],
    ['02787654321', true],
    ['0717-6543210', true],
    ['027-87654321-123', true],
    ['87654321', false],
    ['电话', false],
  ])('phone %s valid: %s', (phone, ok) => {
    expect(messages({ ...valid, contactPhone: phone }).contactPhone === undefined).toBe(ok);
    expect(
      messages({ ...valid, weeklyReporterPhone: phone }).weeklyReporterPhone === undefined,
    ).toBe(ok);
  });

  it('checks e-mail addresses', () => {
    expect(messages({ ...valid, email: 'office@school.edu.cn' })).toEqual({});
    expect(messages({ ...valid, email: 'office@' }).email).toContain('电子邮箱格式不正确');
  });

  it('rejects unknown keys at the handler boundary with a Chinese message', () => {
    const result = contract['school.save'].input.safeParse({ ...valid, extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('contract', () => {
  it('recognises its own handler names only', () => {
    expect(isHandlerName('school.save')).toBe(true);
    expect(isHandlerName('toString')).toBe(false);
    expect(isHandlerName('__proto__')).toBe(false);
    expect(isHandlerName(42)).toBe(false);
  });
});
