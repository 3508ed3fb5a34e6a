/* The text of majors (renderer/src/features/majors). */

export const majors = {
  title: '专业',
  intro: '登记本校开设的专业。教师、试点项目和学生都关联到这里的专业。',
  add: '新增专业',
  editTitle: '编辑专业',
  addTitle: '新增专业',
  saved: '专业已保存',
  deleted: (label: string) => `已删除${label}`,
  emptyHint:
    '还没有登记专业。请点击右上角“新增专业”，先登记与试点证书相关的专业，例如 510203 软件技术。',
  searchPlaceholder: '按专业代码或名称搜索',
  noMatch: '没有符合搜索条件的专业。',
  allLevels: '全部层次',
  codeParts: (category: string, group: string) => `专业大类 ${category}，专业类 ${group}`,
  fields: {
    code: '专业代码',
    name: '专业名称',
    level: '层次',
    catalogueYear: '专业目录版本',
    firstEnrolmentYear: '首次招生年份',
    annualEnrolment: '年招生人数',
    teacherCount: '教师数',
  },
  placeholders: {
    code: '6 位数字，例如 510203',
    name: '例如：软件技术',
    level: '请选择层次',
  },
  help: {
    code: '依据《职业教育专业目录（2021年）》：大类 2 位 + 类 2 位 + 专业 2 位。',
    catalogueYear: '专业代码所依据的专业目录年份，例如 2021。',
  },
  yearSuffix: '年',
  peopleSuffix: '人',
  fromNames: {
    button: '按名称新建这些专业',
    title: '按名称新建专业',
    intro:
      '名单中这些专业名称不在本校专业列表中。本工作台不附带全国专业目录，请为每个专业填写 6 位专业代码（依据《职业教育专业目录（2021年）》）；保存后会重新检查名单，这些行即可匹配到新专业。',
    rows: (n: number) => `${n} 行`,
    /** “第 2 行（护理）：”, before a field's message, so it says which row is at fault. */
    rowPrefix: (row: number, name: string) => `第 ${row} 行（${name}）：`,
    saved: (n: number) => `已新建 ${n} 个专业，正在重新检查名单`,
  },
} as const;
