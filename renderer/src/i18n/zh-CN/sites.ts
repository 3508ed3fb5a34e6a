/* The text of 实习实训场所 (features/sites). */

export const sites = {
  add: '新增场所',
  addTitle: '新增实习实训场所',
  editTitle: '编辑实习实训场所',
  saved: '实习实训场所已保存',
  deleted: (name: string) => `已删除实习实训场所“${name}”`,
  emptyHint: '还没有登记实习实训场所。请点击右上角“新增场所”，校外场所请同时填写合作企业。',
  searchPlaceholder: '按场所名称或合作企业搜索',
  noMatch: '没有符合条件的实习实训场所。',
  fields: {
    name: '场所名称',
    campus: '校内/校外',
    partner: '合作企业',
    capacity: '可容纳人数',
    agreementStart: '协议开始日期',
    agreementEnd: '协议结束日期',
    agreement: '协议期限',
    agreementStatus: '协议状态',
  },
  placeholders: {
    name: '例如：东湖软件园实训基地',
    partner: '校外场所必填，例如：武汉某某软件有限公司',
  },
  attachmentsTitle: '合作协议与资料',
  attachmentsDescription: '校外场所请上传与合作企业签订的协议扫描件。',
  agreementStatus: { none: '未填写', active: '有效', expired: '已到期', pending: '未开始' },
} as const;
