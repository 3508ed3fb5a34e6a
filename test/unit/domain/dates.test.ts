import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatChineseYearMonth,
  formatDateSpan,
  parseTypedDate,
  parseTypedYearMonth,
} from '../../../shared/domain/dates';

describe('formatChineseDate', () => {
  it('writes ISO dates the Chinese way without leading zeros', () => {
    expect(formatChineseDate('2020-05-20')).toBe('2020年5月20日');
    expect(formatChineseDate('2020-09-01T08:00:00Z')).toBe('2020年9月1日');
    expect(formatChineseDate('')).toBe('');
  });
});

describe('parseTypedDate', () => {
  const iso = (text: string) => {
    const result = parseTypedDate(text);
    return result.ok ? result.iso : result.message;
  };

  it.each([
    '2019-09-01',
    '2019-9-1',
    '2019/9/1',
    '2019/09/01',
    '2019.9.1',
    '20190901',
    '2019年9月1日',
    '2019年09月01日',
    '2019年9月1',
    ' 2019 - 9 - 1 ',
    '2019年 9月 1日',
    '２０１９－０９－０１',
    '２０１９年９月１日',
    '2019／9／1',
  ])('reads %j as 2019-09-01', (text) => {
    expect(iso(text)).toBe('2019-09-01');
  });

  it('reads the Chinese format it shows back to the same day', () => {
    expect(iso(formatChineseDate('2022-08-31'))).toBe('2022-08-31');
  });

  it('refuses impossible days and months instead of rolling them over', () => {
    expect(iso('2019-02-30')).toBe('日期无效：2019年2月没有30日');
    expect(iso('2019-04-31')).toBe('日期无效：2019年4月没有31日');
    expect(iso('2019-13-01')).toBe('日期无效：没有13月');
    expect(iso('2019-00-10')).toBe('日期无效：没有0月');
    expect(iso('2019-01-00')).toBe('日期无效：2019年1月没有0日');
    expect(iso('20191301')).toBe('日期无效：没有13月');
  });

  it('knows leap years (every 4th, not every 100th, but every 400th)', () => {
    expect(iso('2020-02-29')).toBe('2020-02-29');
    expect(iso('2019-02-29')).toBe('日期无效：2019年2月没有29日');
    expect(iso('1900-02-29')).toBe('日期无效：1900年2月没有29日');
    expect(iso('2000-02-29')).toBe('2000-02-29');
  });

  it('says how to type a date for text that is none', () => {
    const formatHint = '日期无效：请按 2019-09-01 或 2019年9月1日 的格式填写';
    for (const text of ['', 'abc', '2019-9', '19-9-1', '2019-9/1', '201991', '2019-09-01x']) {
      expect(iso(text)).toBe(formatHint);
    }
  });
});

describe('formatDateSpan', () => {
  it('writes an agreement term in Chinese dates, and leaves an open end blank', () => {
    expect(formatDateSpan('2020-09-01', '2023-08-31')).toBe('2020年9月1日 至 2023年8月31日');
    expect(formatDateSpan('2020-09-01', null)).toBe('2020年9月1日 至');
  });
});

describe('parseTypedYearMonth', () => {
  const month = (text: string) => {
    const r = parseTypedYearMonth(text);
    return r.ok ? r.yearMonth : r.message;
  };

  it('reads a year and month as people type them, and a whole date by its month', () => {
    for (const text of [
      '1985-03',
      '1985-3',
      '1985/3',
      '1985.3',
      '1985年3月',
      '1985年3',
      '198503',
    ]) {
      expect(month(text)).toBe('1985-03');
    }
    expect(month('１９８５．３')).toBe('1985-03');
    expect(month(' 1985 年 3 月 ')).toBe('1985-03');
    expect(month('1985-03-12')).toBe('1985-03');
    expect(month('1985年3月12日')).toBe('1985-03');
  });

  it('refuses a month that does not exist and text that is no month, saying how to type one', () => {
    expect(month('1985-13')).toBe('年月无效：没有13月');
    expect(month('198500')).toBe('年月无效：没有0月');
    for (const text of ['85年3月', 'abc', '1985', '1985-02-30']) {
      expect(month(text)).toBe('年月无效：请按 1985-03 或 1985年3月 的格式填写');
    }
  });

  it('shows what it stores the Chinese way, which it reads back', () => {
    expect(formatChineseYearMonth('1985-03')).toBe('1985年3月');
    expect(month(formatChineseYearMonth('1985-11'))).toBe('1985-11');
  });
});
