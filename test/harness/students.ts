import { residentCheckChar } from '../../shared/domain/idNumber';

/** A valid 18-digit resident ID number: area, birth date (YYYYMMDD), sequence (odd = male). */
export function residentId(birth = '20050301', sequence = 1, area = '420106'): string {
  const first17 = `${area}${birth}${String(sequence).padStart(3, '0')}`;
  return `${first17}${residentCheckChar(first17)}`;
}

/** The same number with a wrong check character, and the right one for the message. */
export function withBadCheckChar(id: string): { id: string; expected: string; actual: string } {
  const expected = id[17];
  const actual = expected === '3' ? '4' : '3';
  return { id: `${id.slice(0, 17)}${actual}`, expected, actual };
}

export const rosterHeader = [
  '学号',
  '姓名',
  '身份证号码',
  '性别',
  '专业',
  '班级',
  '年级',
  '联系电话',
  '试点学生',
] as const;

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = '子涵欣怡梓轩浩宇一诺雨桐思远嘉怡俊杰明轩佳琪宇航雅婷晨曦博文紫萱天佑诗涵文博';

/**
 * `count` synthetic roster rows (学号 2023000001…), every ID number valid and unique, genders
 * matching, spread over majors, classes and entry years like a large school.
 */
export function rosterRows(
  count: number,
  options: { startNo?: number; majors?: readonly string[] } = {},
): string[][] {
  const majors = options.majors ?? ['软件技术', '现代物流管理', '电子商务', '大数据技术'];
  const start = options.startNo ?? 1;
  const rows: string[][] = [];
  for (let i = 0; i < count; i += 1) {
    const n = start + i;
    const year = 2021 + (n % 4);
    // Unique ID numbers: birth day × area × sequence give far more than 50,000 combinations.
    const day = 1 + (n % 28);
    const month = 1 + (Math.floor(n / 28) % 12);
    const sequence = 1 + (Math.floor(n / 336) % 999);
    const area = String(420100 + (Math.floor(n / 335_664) % 90)).padStart(6, '0');
    const birth = `${year - 16}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    const id = residentId(birth, sequence, area);
    const male = sequence % 2 === 1;
    const major = majors[Math.floor(n / 3) % majors.length];
    rows.push([
      `${year}${String(n).padStart(6, '0')}`,
      `${surnames[n % surnames.length]}${given[(n * 7) % given.length]}${given[(n * 13) % given.length]}`,
      id,
      male ? '男' : '女',
      major,
      `${major.slice(0, 2)}${String(year).slice(2)}${String(1 + (n % 6)).padStart(2, '0')}班`,
      `${year}级`,
      `13${String(800000000 + n).padStart(9, '0')}`,
      n % 5 === 0 ? '否' : '是',
    ]);
  }
  return rows;
}
