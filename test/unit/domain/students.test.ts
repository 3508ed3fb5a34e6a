import { describe, expect, it } from 'vitest';
import {
  matchMajor,
  normalizePersonName,
  isStudentPhone,
  normalizePhone,
  parseEntryYear,
  parseGender,
  parseYesNo,
} from '../../../shared/domain/students';

const today = '2026-03-02';

describe('年级 / 入学年份', () => {
  it.each([
    ['2023', 2023],
    ['2023级', 2023],
    ['２０２３级', 2023],
    ['23级', 2023],
    ['2023年', 2023],
    ['2023年级', 2023],
    ['2023年9月', 2023],
    ['2023-09-01', 2023],
    ['2023.9', 2023],
    [' 2023 级 ', 2023],
    ['2027', 2027],
  ])('reads “%s” as %i', (text, year) => {
    expect(parseEntryYear(text, today)).toEqual({ ok: true, value: year });
  });

  it('leaves an empty cell empty', () => {
    expect(parseEntryYear('  ', today)).toEqual({ ok: true, value: null });
  });

  it('refuses 届 (a graduation year), unreadable text and years out of range', () => {
    expect(parseEntryYear('2023届', today)).toEqual({
      ok: false,
      message: '“2023届”是毕业年份（届），请填写入学年份（年级），例如 2023级',
    });
    expect(parseEntryYear('高一', today)).toEqual({
      ok: false,
      message: '年级“高一”无法识别，应为入学年份，例如 2023 或“2023级”',
    });
    expect(parseEntryYear('2028', today)).toEqual({
      ok: false,
      message: '入学年份 2028 超出范围：应在 1990–2027 年之间',
    });
    expect(parseEntryYear('1989级', today).ok).toBe(false);
  });
});

describe('roster cells', () => {
  it('reads gender words and codes', () => {
    expect(['男', '男性', 'M', '1', ' 男 '].map(parseGender)).toEqual(Array(5).fill('male'));
    expect(['女', '女性', 'f', '2'].map(parseGender)).toEqual(Array(4).fill('female'));
    expect(parseGender('未知')).toBeUndefined();
    expect(parseGender('')).toBeUndefined();
  });

  it('reads 是/否', () => {
    expect(['是', 'Y', '√', 'TRUE', '1'].map(parseYesNo)).toEqual(Array(5).fill(true));
    expect(['否', 'n', '×', 'false', '0'].map(parseYesNo)).toEqual(Array(5).fill(false));
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('也许')).toBeUndefined();
  });

  it('drops the alignment spaces inside Chinese names but not between Latin words', () => {
    expect(normalizePersonName('张　三')).toBe('张三');
    expect(normalizePersonName(' 欧阳 娜娜 ')).toBe('欧阳娜娜');
    expect(normalizePersonName('John  Smith')).toBe('John Smith');
    expect(normalizePersonName('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });

  it('cleans phone numbers', () => {
    expect(normalizePhone('138 0013 8000')).toBe('13800138000');
    expect(normalizePhone('+86 13800138000')).toBe('13800138000');
    expect(normalizePhone('027-8888-1234')).toBe('027-88881234');
    expect(normalizePhone('（0710）888-1234')).toBe('0710-8881234');
    expect(normalizePhone('027-87654321')).toBe('027-87654321');
    expect(isStudentPhone(normalizePhone('027-8888-1234'))).toBe(true);
    expect(normalizePhone('138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('１３８００１３８０００')).toBe('13800138000');
    expect(normalizePhone('027-87654321')).toBe('027-87654321');
    // As real rosters write them: mixed dashes and spaces, full-width plus and dashes, brackets.
    expect(normalizePhone('138-6189 0164')).toBe('13861890164');
    expect(normalizePhone('＋86 138－6189－0164')).toBe('13861890164');
    expect(normalizePhone('0086-138.6189.0164')).toBe('13861890164');
    expect(normalizePhone('（138）61890164')).toBe('13861890164');
  });
});

describe('matching a roster’s 专业 text to majors', () => {
  const majors = [
    { id: 1, code: '510203', name: '软件技术' },
    { id: 2, code: '710203', name: '软件与信息服务' },
    { id: 3, code: '530802', name: '现代物流管理' },
    { id: 4, code: '710204', name: '现代物流管理' },
  ];

  it('matches by code, by “code name”, and by name ignoring spaces and case', () => {
    expect(matchMajor('510203', majors)).toEqual({ kind: 'matched', major: majors[0] });
    expect(matchMajor('510203 软件技术', majors)).toEqual({ kind: 'matched', major: majors[0] });
    expect(matchMajor(' 软件 技术 ', majors)).toEqual({ kind: 'matched', major: majors[0] });
    expect(matchMajor('530802 随便写的名称', majors)).toEqual({
      kind: 'matched',
      major: majors[2],
    });
  });

  it('keeps unknown text, and calls a name held by two majors ambiguous', () => {
    expect(matchMajor('', majors)).toEqual({ kind: 'none' });
    expect(matchMajor('物联网应用技术', majors)).toEqual({
      kind: 'unmatched',
      text: '物联网应用技术',
    });
    expect(matchMajor('现代物流管理', majors)).toEqual({
      kind: 'ambiguous',
      text: '现代物流管理',
      candidates: [majors[2], majors[3]],
    });
  });
});
