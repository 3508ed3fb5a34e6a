/* The text of students (renderer/src/features/students). */

import { sameAsSaved, type ImportCounts } from './importer';

export const students = {
  title: '学生',
  intro:
    '登记参加 1+X 证书试点的学生。可逐个新增，也可从学籍名单（Excel 或 CSV）批量导入；身份证号码按国家标准逐位校验。',
  add: '新增学生',
  import: '从名单导入',
  importTitle: '导入学生名单',
  importHint:
    '需要的列：学号、姓名、身份证号（或“证件号码”）；可选：证件类型、性别、专业、班级、年级（如“2023级”）、手机、试点学生（是/否）。已有学生按学号匹配，找不到时按证件号码匹配，只更新不重复；空白单元格不会清除已有信息。没有“试点学生”列或该格为空时，新学生按“是”导入。身份证号码请设为文本格式，存成数字会丢失末尾几位。',
  searchPlaceholder: '输入姓名、学号或证件号码的开头',
  summary: (total: string, pilot: string, male: string, female: string) =>
    `共 ${total} 名学生，其中试点学生 ${pilot} 名；男 ${male}，女 ${female}`,
  emptyHint: '还没有学生。点击右上角“从名单导入”批量导入学籍名单，或“新增学生”逐个登记。',
  noMatch: '没有符合条件的学生，请调整搜索或筛选条件。',
  clearFilters: '清除筛选',
  unmatched: (n: string, texts: string) =>
    `${n} 名学生的专业不在本校专业列表中：${texts}。可先在“专业”页新增这些专业，再点“重新匹配专业”。`,
  matchMajors: '重新匹配专业',
  matched: (linked: number, unmatched: number) =>
    unmatched > 0
      ? `已匹配 ${linked} 名学生，仍有 ${unmatched} 名未匹配`
      : `已匹配 ${linked} 名学生，全部专业均已匹配`,
  idWarnings: (n: string) => `${n} 名学生使用 15 位旧身份证号，请更换为 18 位。`,
  showIdWarnings: '只看这些学生',
  pilotFilter: { all: '全部', pilot: '试点学生', other: '非试点' },
  saved: (name: string) => `已保存学生“${name}”`,
  deleted: (name: string) => `已删除学生“${name}”`,
  imported: ({ created, updated, unchanged, leftOut = 0 }: ImportCounts) =>
    `名单已导入：新增 ${created} 名，更新 ${updated} 名${sameAsSaved(unchanged)}${leftOut > 0 ? `；有错误的 ${leftOut} 行未导入` : ''}`,
  unmatchedTag: '未匹配',
  what: (name: string, studentNo: string) => `学生“${name}”（学号 ${studentNo}）`,
  withCount: (label: string, n: string) => `${label}（${n}）`,
  list: (items: string[], more: boolean) => items.join('、') + (more ? ' 等' : ''),
  noValue: '未填写',
  noMajor: '未关联专业',
  yearSuffix: (year: number) => `${year}级`,
  columns: {
    studentNo: '学号',
    name: '姓名',
    gender: '性别',
    idNumber: '证件号码',
    major: '专业',
    className: '班级',
    entryYear: '年级',
    phone: '手机',
    pilot: '试点学生',
    actions: '操作',
  },
  yes: '是',
  no: '否',
  form: {
    addTitle: '新增学生',
    editTitle: (name: string) => `编辑学生：${name}`,
    fields: {
      studentNo: '学号',
      name: '姓名',
      idType: '证件类型',
      idNumber: '证件号码',
      gender: '性别',
      majorId: '专业',
      className: '班级',
      entryYear: '年级（入学年份）',
      phone: '手机或联系电话',
      pilot: '试点学生',
    },
    placeholders: {
      studentNo: '例如 2023010101',
      name: '学生姓名',
      idNumber: '18 位身份证号码，末位 X 大小写均可',
      majorId: '选择专业（可不选）',
      className: '例如 软件2301班',
      entryYear: '例如 2023',
      phone: '例如 13800138000',
    },
    pilotHelp: '参加本校 1+X 证书试点的学生；学校须为每名试点学生承担至少一个证书的考核费用。',
    rosterMajor: (text: string) => `名单中的专业：“${text}”，尚未匹配到本校专业`,
    idOk: (birth: string, gender: string) => `号码有效：出生日期 ${birth}，性别 ${gender}`,
    idShapeOk: '号码格式正确（此类证件只检查格式）',
    genderFromId: '已按身份证号码填入性别',
  },
} as const;
