/* The text of selfCheck (renderer/src/features/selfCheck). */

export const selfCheck = {
  title: '资格自查',
  intro:
    '依据鄂教职成办〔2020〕1号“二、申报条件”，逐项检查每个试点项目（规则 1–8）。点击结果可跳到对应填写位置。',
  liveTitle: '资格自查（实时）',
  empty: '还没有试点项目。请先在“试点项目”中新建项目，这里会列出每个项目的自查结果。',
  summary: (fail: number, warn: number) =>
    fail === 0 && warn === 0 ? '全部符合' : `${fail} 项不符合，${warn} 项提醒`,
  columns: { project: '试点项目', status: '状态', result: '结果', details: '未通过的条件' },
  allPass: '全部符合',
  openProject: '打开项目',
} as const;
