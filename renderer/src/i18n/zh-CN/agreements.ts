/* The text of agreements (renderer/src/features/agreements). */

export const agreements = {
  title: '费用协商',
  intro:
    '登记与培训评价组织协商的每人考核费（可多校联合谈判）。协商费用不得超过该等级的考核成本上限，上限及其文号在保存时从证书目录复制。',
  add: '新增费用协商',
  addTitle: '新增费用协商',
  editTitle: '编辑费用协商',
  saved: '费用协商已保存',
  deleted: '费用协商已删除',
  deleteTitle: '确定删除这条费用协商吗？',
  deleteContent: '删除后协议文件（若没有其他地方使用）一并删除。',
  emptyHint:
    '还没有费用协商记录。先在“证书目录”录入等级的考核成本上限，再点击右上角“新增费用协商”。',
  fields: {
    certificateId: '证书',
    level: '等级',
    fee: '协商费用（元/人）',
    examForm: '考核形式',
    cap: '适用的考核成本上限',
    agreedOn: '协商日期',
    partnerSchools: '联合谈判学校',
    document: '协议文件',
    note: '备注',
  },
  placeholders: {
    partnerSchools: '输入学校名称后回车，可添加多所；单独谈判则留空',
  },
  feeWhat: '协商费用',
  capInForce: (cap: string, document: string) => `上限 ${cap}（${document}）`,
  noCap: (date: string) =>
    `${date} 没有适用于该等级和考核形式的考核成本上限：请先在“证书目录”中录入上限、文件文号及有效期`,
  upload: '上传协议',
  download: '下载',
  removeDocument: '移除文件',
  removeDocumentTitle: '移除这份协议文件？',
  uploaded: '协议文件已上传',
  documentRemoved: '协议文件已移除',
  alone: '单独谈判',
} as const;
