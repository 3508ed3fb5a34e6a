/* The app frame, navigation and words every page uses. */

export const app = {
  title: '1+X试点工作台',
  subtitle: '职业技能等级证书试点管理',
  dataDir: '数据文件夹',
  version: '版本',
  openingPage: '正在打开…',
  navigation: '导航',
} as const;

export const nav = {
  school: '学校信息',
  majors: '专业',
  teachers: '教师',
  facilities: '实训条件',
  projects: '试点项目',
  selfCheck: '资格自查',
  package: '申报材料',
} as const;

export const print = {
  button: '打印',
  failed: '无法生成打印文件',
  savedInstead: (name: string) => `浏览器拦截了新标签页，已改为下载“${name}”，请打开后打印。`,
} as const;

export const common = {
  loading: '正在加载…',
  retry: '重试',
  save: '保存',
  saving: '正在保存…',
  reset: '撤销修改',
  savedAt: (when: string) => `最后保存于 ${when}`,
  neverSaved: '尚未保存',
  unsaved: '有未保存的修改',
  saveShortcut: '快捷键 Ctrl+S',
  loadFailed: '加载失败',
  requestFailed: '操作失败',
  fixFields: '请先改正标红的字段，未保存任何内容。',
  total: (n: number) => `共 ${n.toLocaleString('zh-CN')} 条`,
  add: '新增',
  edit: '编辑',
  delete: '删除',
  cancel: '取消',
  cancelling: '正在取消…',
  /** Shown on a step that can no longer be cancelled (an import's writes). */
  cannotCancelNow: '已不能取消；写入失败时不会保存任何数据',
  confirm: '确定',
  close: '关闭',
  actions: '操作',
  search: '搜索',
  allCertificates: '全部证书',
  import: '导入',
  confirmDelete: '确定删除吗？',
  deleted: '已删除',
  undo: '撤销',
  discardTitle: '放弃未保存的修改？',
  discardContent: '刚才填写或修改的内容还没有保存；放弃后将无法找回。',
  discard: '放弃',
  keepEditing: '继续编辑',
  datePlaceholder: '如 2020年9月1日 或 2020-09-01',
  pickDate: '从日历中选择',
} as const;

export const verdict = { pass: '符合', warn: '提醒', fail: '不符合' } as const;

export const chart = { exportPng: '导出图片' } as const;

export const bulk = {
  skippedTitle: (n: number) => `以下 ${n} 条不能修改，将跳过：`,
  applyRest: (n: number) => `确定修改其余 ${n} 条吗？`,
  nothingApplies: '所选记录都不能修改',
  nothingToChange: '所选记录已是要改成的样子，没有需要修改的记录',
  applyOk: '修改其余记录',
} as const;

export const dataCentre = {
  menu: '上报数据中心',
  incompleteTitle: (n: number) => `有 ${n} 条记录缺少数据中心要求的数据`,
  incompleteHint: '补齐后再导出，或只导出完整的记录（缺数据的不写入文件）：',
  row: (row: number, record: string, message: string) => `第 ${row} 条 ${record}：${message}`,
  exportComplete: (n: number) => `只导出完整的 ${n} 条`,
  empty: '没有可上报的记录',
  exported: (fileName: string, n: number) => `已导出 ${fileName}（${n} 条）`,
} as const;

export const deleteConfirm = {
  checking: '正在检查是否被使用…',
  unused: '没有其他记录使用它，删除后无法恢复。',
  checkFailed: (message: string) => `无法检查使用情况：${message}`,
  confirmTitle: (what: string) => `确定删除${what}吗？`,
  blockedTitle: (what: string) => `不能删除${what}`,
} as const;

export const errorBoundary = {
  title: '界面出现错误',
  description: '已保存的数据不受影响。请重新加载界面；若反复出现，请记下以下信息。',
  reload: '重新加载',
  page: {
    title: '此页面出现错误',
    description:
      '已保存的数据不受影响，左侧的其他页面仍可使用。可重新加载此页；若反复出现，请记下以下信息。',
    reload: '重新加载此页',
  },
} as const;

/** The next step an error hints at, worded with the labels of the buttons that take it. */
export const errorHints = {
  // Each follows a core message that already says what to do; these say where to click.
  weeklyCorrection: (revise: string) => `点本期周报的“${revise}”即可新建。`,
  weeklySettings: (settings: string) => `可在“${settings}”中填写。`,
  exportDraft: (exportLabel: string, ok: string) => `即再次点“${exportLabel}”，在提示中点“${ok}”。`,
  importColumnMapping: (mapping: string) => `可在“${mapping}”中为缺少的字段选择一列。`,
} as const;
