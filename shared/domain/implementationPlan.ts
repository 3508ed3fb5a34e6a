/** The structured sections of the implementation plan (实施方案, 附件二), in document order. */
export const planSections = [
  'goals',
  'curriculumIntegration',
  'trainingAndStaff',
  'examSitesAndSchedule',
  'organisation',
  'fundingAndFees',
  'expectedResults',
] as const;
export type PlanSection = (typeof planSections)[number];

export const planSectionLabels: Record<PlanSection, string> = {
  goals: '目标任务',
  curriculumIntegration: '书证融通与课程对接',
  trainingAndStaff: '培训安排与师资',
  examSitesAndSchedule: '考核站点与时间安排',
  organisation: '组织保障与职责',
  fundingAndFees: '经费与收费',
  expectedResults: '预期成果',
};

export type ImplementationPlan = Record<PlanSection, string>;

/** The commitments the notice requires (四、工作要求 5), each an explicit tick. */
export const commitments = [
  'noGraduationRequirement',
  'noTrainingFee',
  'schoolPaysOneExam',
] as const;
export type Commitment = (typeof commitments)[number];

export const commitmentLabels: Record<Commitment, string> = {
  noGraduationRequirement: '不将证书作为毕业条件',
  noTrainingFee: '不向学生收取培训费',
  schoolPaysOneExam: '学校保障每名试点学生至少一个证书的考核费用',
};
