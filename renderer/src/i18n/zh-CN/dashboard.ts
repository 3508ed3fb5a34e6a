/* The text of dashboard (renderer/src/features/dashboard). */

export const dashboard = {
  title: '首页',
  intro: '试点整体情况：项目状态、考核报名与通过、费用，以及需要处理的规则问题。',
  refresh: '刷新',
  stats: {
    projects: '试点项目',
    confirmed: (n: number) => `省级确认 ${n} 个`,
    students: '学生',
    pilot: (n: number) => `试点学生 ${n} 人`,
    signedUp: '考核报名（人次）',
    passed: (n: number) => `通过 ${n} 人次`,
    feeTotal: '费用合计（报名应缴）',
    feeSplit: (school: string, student: string) =>
      `学校承担与财政补助 ${school}，学生自愿自费 ${student}`,
  },
  violations: {
    title: '待处理的问题',
    none: '没有发现违反通知规定的情况。',
    fix: '去处理',
    kinds: {
      selfCheck: '资格自查',
      feeOverCap: '收费超过上限',
      feeCapMissing: '无法核对上限',
      feeAboveAgreement: '高于协商费用',
      schoolPaid: '学校未承担考核费',
      schoolPaidTodo: '尚未安排考核',
      weeklyReport: '周报',
      fundsDocument: '经费无凭证',
      fundsStudentMoney: '向学生收费',
    },
  },
  funds: {
    title: (year: number) => `试点经费（${year}年度）`,
    empty: '本年度还没有经费收支记录。在“试点经费”中登记收入与支出；考核费从缴费记录自动带入。',
    project: '试点项目',
    income: '收入',
    exam: '其中考核费',
    spending: '支出',
    balance: '结余',
    open: '查看试点经费',
  },
  projects: {
    title: '试点项目',
    empty: '还没有试点项目。先在“试点项目”中新建。',
    project: '证书 · 年度',
    status: '状态',
    selfCheck: '资格自查',
  },
  exams: {
    title: '考核报名与通过（按证书等级）',
    chartTitle: '报名、参考与通过人次',
    empty: '还没有考核报名。',
    level: '证书 · 等级',
    signedUp: '报名',
    /**
     * 实考: 已考, 通过 and 未通过 together, not the status 已考. The 通过, 未通过, 缺考 and 违纪
     * columns are titled by their statuses (`signupStatusLabels`).
     */
    examined: '已考',
    passRate: '通过率（已出结果）',
    passRateHint: '通过 ÷（通过 + 未通过）；已考但还没有录入结果的、缺考和违纪的不计入',
    maxFee: '最高收费',
    cap: '成本上限',
    noCap: '未录入',
  },
  weekly: {
    chartTitle: '周报报送日历',
    open: '未到截止时间',
    notConfigured: '还没有设置周报。在“周报”页面填写试点开始日期后，这里显示每期的报送情况。',
  },
  fees: {
    chartTitle: '考核费用（按承担方）',
    byLevelTitle: '考核费用（按证书等级与承担方）',
  },
} as const;
