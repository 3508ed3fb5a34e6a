import { chinaDate } from '../../../shared/domain/dates';
import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  checkResidentId,
  compactDateToIso,
  idNumberMatchKey,
  legacyIdNumberOf,
  normalizeIdNumber,
  parseIdType,
  residentCheckChar,
} from '../../../shared/domain/idNumber';

const today = '2026-03-02';
const check = (id: string, gender?: 'male' | 'female') => checkResidentId(id, { today, gender });
const messages = (id: string, gender?: 'male' | 'female') =>
  check(id, gender).errors.map((e) => e.message);

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard example and reads its birth date and gender', () => {
    expect(check('11010519491231002X')).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      errors: [],
      warnings: [],
    });
  });

  it('accepts a lowercase x and stores it as X; full-width digits and spaces are cleaned', () => {
    const lower = check('11010519491231002x');
    expect(lower.valid).toBe(true);
    expect(lower.normalized).toBe('11010519491231002X');
    expect(check(' １１０１０５ １９４９１２３１ ００２ｘ ').normalized).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105-19491231-002x')).toBe('11010519491231002X');
    // The text mark a spreadsheet or an exported CSV leaves in front of the digits.
    expect(check("'11010519491231002X").errors).toEqual([]);
    expect(normalizeIdNumber(' ‘11010519491231002X')).toBe('11010519491231002X');
  });

  // Computed independently (Python) for 42010620050301 + sequence: one number per check value.
  const everyCheckChar: [string, string][] = [
    ['1', '420106200503010031'],
    ['0', '420106200503010090'],
    ['X', '42010620050301004X'],
    ['9', '420106200503010189'],
    ['8', '420106200503010058'],
    ['7', '420106200503010197'],
    ['6', '420106200503010066'],
    ['5', '420106200503010015'],
    ['4', '420106200503010074'],
    ['3', '420106200503010023'],
    ['2', '420106200503010082'],
  ];

  it.each(everyCheckChar)('computes the check character %s', (char, id) => {
    expect(residentCheckChar(id.slice(0, 17))).toBe(char);
    expect(check(id).valid).toBe(true);
  });

  it('names the expected and the actual check character', () => {
    expect(messages('110105194912310023')).toEqual(['校验位应为 X，实际为 3']);
    expect(messages('420106200503010030')).toEqual(['校验位应为 1，实际为 0']);
    // A wrong X where a digit belongs.
    expect(messages('42010620050301003X')).toEqual(['校验位应为 1，实际为 X']);
    expect(check('110105194912310023').errors[0].code).toBe('checkChar');
  });

  it('checks Feb 29 by the calendar: leap years yes, 1900 and 2001 no', () => {
    expect(check('420106200002290012')).toMatchObject({ valid: true, birthDate: '2000-02-29' });
    expect(check('420106199602290037')).toMatchObject({ valid: true, birthDate: '1996-02-29' });
    expect(messages('42010620010229001X')).toEqual([
      '出生日期“20010229”（第 7–14 位）不是有效日期',
    ]);
    expect(messages('420106190002290016')).toEqual([
      '出生日期“19000229”（第 7–14 位）不是有效日期',
    ]);
    expect(compactDateToIso('20240229')).toBe('2024-02-29');
    expect(compactDateToIso('20230229')).toBeNull();
    expect(compactDateToIso('20231301')).toBeNull();
    expect(compactDateToIso('20230431')).toBeNull();
  });

  it('refuses a birth date after today but accepts today itself', () => {
    const born = (date: string) => {
      const first17 = `420106${date}001`;
      return `${first17}${residentCheckChar(first17)}`;
    };
    expect(check(born('20260302')).valid).toBe(true);
    expect(messages(born('20260303'))).toEqual([
      '出生日期 2026-03-03（第 7–14 位）晚于今天（2026-03-02）',
    ]);
    // Without a clock the future is not judged (shape checks only).
    expect(checkResidentId(born('20260303'), { today: null }).valid).toBe(true);
    expect(messages(born('18991231'))[0]).toContain('早于 1900 年');
  });

  it('reads gender from the sequence code: odd is male, even is female', () => {
    expect(check('420106200503010031').gender).toBe('male'); // 003
    expect(check('420106200503010023').gender).toBe('female'); // 002
    expect(check('440304199912312344').gender).toBe('female'); // sequence 234: 4 is even
  });

  it('reports a gender that disagrees with the number, naming both', () => {
    expect(messages('11010519491231002X', 'male')).toEqual([
      '性别不一致：身份证号码的顺序码表示女性，但性别填写为“男”',
    ]);
    expect(check('11010519491231002X', 'female').valid).toBe(true);
    expect(check('11010519491231002X', 'male').errors[0].code).toBe('genderMismatch');
  });

  it('says what is wrong with length, characters and the area code', () => {
    expect(messages('')).toEqual(['请填写身份证号码']);
    expect(messages('1101051949123100')).toEqual([
      '身份证号码应为 18 位（旧证 15 位），当前为 16 位',
    ]);
    expect(messages('11010519491231002Y')).toEqual([
      '身份证号码第 18 位“Y”无效：前 17 位应为数字，最后一位为数字或 X',
    ]);
    expect(messages('1101051949X231002X')).toEqual([
      '身份证号码第 11 位“X”无效：前 17 位应为数字，最后一位为数字或 X',
    ]);
    const area = (prefix: string) => {
      const first17 = `${prefix}19491231002`;
      return `${first17}${residentCheckChar(first17)}`;
    };
    expect(messages(area('910105'))).toEqual(['地区码“910105”不正确：首位应为 1–8']);
    expect(messages(area('010105'))).toEqual(['地区码“010105”不正确：首位应为 1–8']);
    expect(check(area('810000')).valid).toBe(true); // 港澳台居民居住证 use 81/82/83
  });

  it('flags a 15-digit old number as a warning, with birth date 19YYMMDD and gender', () => {
    const old = check('110105491231002');
    expect(old).toMatchObject({
      valid: true,
      normalized: '110105491231002',
      birthDate: '1949-12-31',
      gender: 'female',
      errors: [],
    });
    expect(old.warnings).toEqual([
      { code: 'legacy15', message: '15 位旧身份证号，请更换为 18 位' },
    ]);
    expect(check('110105491231003').gender).toBe('male');
    expect(messages('110105490231003')).toEqual(['出生日期“19490231”（第 7–12 位）不是有效日期']);
    expect(messages('110105491231003', 'female')[0]).toContain('性别不一致');
    expect(messages('11010549123100X')).toEqual(['15 位旧身份证号码应全部为数字']);
  });

  it('matches a 15-digit number with the 18-digit number it became, and back', () => {
    expect(idNumberMatchKey('110105491231002')).toBe('11010519491231002X');
    expect(idNumberMatchKey(' 11010519491231002x')).toBe('11010519491231002X');
    expect(legacyIdNumberOf('11010519491231002X')).toBe('110105491231002');
    // Born in 2000s, or a wrong check character: no 15-digit form.
    expect(legacyIdNumberOf('420106200503010015')).toBeNull();
    expect(legacyIdNumberOf('110105194912310021')).toBeNull();
    expect(idNumberMatchKey('E12345678')).toBe('E12345678');
  });
});

describe('other documents: shape only', () => {
  const shape = (type: Parameters<typeof checkIdNumber>[0], value: string) =>
    checkIdNumber(type, value, { today });

  it('accepts sane numbers and normalises letters', () => {
    expect(shape('hk_macao', 'h12345678')).toMatchObject({ valid: true, normalized: 'H12345678' });
    expect(shape('hk_macao', 'M1234567890').valid).toBe(true);
    expect(shape('taiwan', '12345678').valid).toBe(true);
    expect(shape('taiwan', '1234567890(B)').valid).toBe(true);
    expect(shape('passport', 'E12345678').valid).toBe(true);
    expect(shape('other', 'AB-123').valid).toBe(true);
    // No birth date or gender is read from them.
    expect(shape('passport', 'E12345678')).toMatchObject({ birthDate: null, gender: null });
  });

  it('refuses odd shapes with a message giving an example', () => {
    expect(shape('hk_macao', 'X12345678').errors[0].message).toContain('H 或 M 加 8 位数字');
    expect(shape('taiwan', '1234567').errors[0].message).toContain('8 位数字');
    expect(shape('passport', 'E12').errors[0].message).toContain('5–20 位字母或数字');
    expect(shape('other', '#').errors[0].message).toContain('2–30 位');
    expect(shape('passport', '').errors[0].message).toBe('请填写证件号码');
  });
});

describe('helpers', () => {
  it('reads document types as rosters write them', () => {
    expect(parseIdType('居民身份证')).toBe('resident');
    expect(parseIdType('身份证')).toBe('resident');
    expect(parseIdType('二代身份证')).toBe('resident');
    expect(parseIdType('港澳居民来往内地通行证')).toBe('hk_macao');
    expect(parseIdType('回乡证')).toBe('hk_macao');
    expect(parseIdType('台胞证')).toBe('taiwan');
    expect(parseIdType('护照')).toBe('passport');
    expect(parseIdType('其他')).toBe('other');
    expect(parseIdType('')).toBeUndefined();
    expect(parseIdType('驾驶证')).toBeUndefined();
  });

  it('gives the date in China, 8 hours ahead of UTC', () => {
    expect(chinaDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
