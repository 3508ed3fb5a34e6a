/* The text of exam sites (renderer/src/features/examSites) and the batch's exam-site verdict. */

export const examSites = {
  title: '考核站点',
  intro:
    '登记本校按证书向培训评价组织申请考核站点的情况：申请日期、审批状态、批准文件、有效期及覆盖的实训室和实习实训场所。考核批次的考核场所须是该证书在考核日期有效的已批准考核站点，否则保存时会提示确认。',
  add: '新增考核站点申请',
  addTitle: '新增考核站点申请',
  editTitle: '编辑考核站点申请',
  saved: '考核站点申请已保存',
  deleted: '考核站点申请已删除',
  deleteTitle: '确定删除这条考核站点申请吗？',
  deleteContent:
    '删除后批准文件（若没有其他地方使用）一并删除，在其覆盖场所安排的考核将不再算作已批准的考核站点。',
  emptyHint:
    '还没有考核站点申请。先在“实训条件”中录入实训室或实习实训场所，再点击右上角“新增考核站点申请”。',
  noMatch: '没有符合筛选条件的考核站点申请，请调整证书或状态筛选。',
  allStatuses: '全部状态',
  fields: {
    certificateId: '证书',
    organization: '培训评价组织',
    appliedOn: '申请日期',
    status: '状态',
    validPeriod: '有效期',
    validFrom: '有效期开始',
    validTo: '有效期结束',
    places: '覆盖场所',
    document: '批准文件',
    note: '备注',
  },
  placeholders: {
    certificateId: '选择证书（来自证书目录）',
    places: '选择该申请覆盖的实训室和实习实训场所（可多选）',
    validTo: '留空表示长期有效',
  },
  placeGroups: { room: '实训室', site: '实习实训场所' },
  noPeriod: '—',
  upload: '上传批准文件',
  download: '下载',
  removeDocument: '移除文件',
  removeDocumentTitle: '移除这份批准文件？',
  uploaded: '批准文件已上传',
  documentRemoved: '批准文件已移除',
  /** The batch's place judged against the certificate's approved exam sites. */
  verdict: {
    label: '考核站点',
    approved: (period: string) => `已批准的考核站点（${period}）`,
    uncheckedShort: '未核对考核站点',
    unchecked: '考核地点为手填文字，无法与考核站点申请核对；请改选实训室或实习实训场所',
    none: '未填写考核地点',
    notApproved: (reason: string) => `不是已批准的考核站点：${reason}`,
    notApprovedShort: '非已批准考核站点',
    confirmTitle: '考核场所不是已批准的考核站点',
    confirmOk: '仍然保存',
  },
} as const;
