/* The text of school (renderer/src/features/school). */

export const school = {
  title: '学校信息',
  intro: '填写本校基本信息。申报表、周报和各类导出材料都会使用这里的内容。',
  emptyTitle: '还没有填写学校信息',
  emptyHint:
    '请先填写学校名称、类型和所在市州，然后点击右上角“保存”；保存后“首页”才会显示试点概况。',
  saved: '学校信息已保存',
  sections: {
    basic: '基本信息',
    contact: '联系方式',
    weekly: '周报填报人',
  },
  fields: {
    name: '学校名称',
    code: '学校标识码',
    kind: '学校类型',
    demonstrationLevel: '示范校级别',
    city: '所在市州',
    address: '地址',
    contactName: '联系人',
    contactPhone: '联系电话',
    email: '电子邮箱',
    weeklyReporterName: '周报填报人姓名',
    weeklyReporterPhone: '周报填报人电话',
  },
  placeholders: {
    name: '例如：武汉职业技术学院',
    code: '10 位数字，例如 4142010834',
    kind: '请选择学校类型',
    demonstrationLevel: '请选择示范校级别',
    city: '请选择湖北省市州',
    address: '学校地址',
    contactName: '姓名',
    contactPhone: '手机或座机，例如 027-87654321',
    email: '例如 office@school.edu.cn',
    weeklyReporterName: '姓名',
    weeklyReporterPhone: '手机或座机',
  },
  eligibility: {
    title: '申报条件自查（学校类型）',
    hint: '依据鄂教职成办〔2020〕1号“二、申报条件”，随填写实时更新。',
    incomplete: '选择学校类型和示范校级别后显示自查结果。',
  },
  attachmentsTitle: '学校附件',
  attachmentsDescription: '如人才培养方案、盖章申报表扫描件、合作协议，导出申报材料时会用到。',
} as const;
