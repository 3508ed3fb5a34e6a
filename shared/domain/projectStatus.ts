/** The life of a pilot project's application (notice 三、试点申报工作程序). */
export const projectStatuses = ['draft', 'submitted', 'confirmed', 'rejected', 'revoked'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已申报',
  confirmed: '省级确认',
  rejected: '未通过',
  revoked: '取消资格',
};

/**
 * Allowed moves: 草稿 → 已申报 → 省级确认 / 未通过; an application may be withdrawn to 草稿
 * before the province decides, a rejected one revised as 草稿, and a confirmed pilot can lose its
 * status (取消资格, with a reason), which is final.
 */
export const projectTransitions: Record<ProjectStatus, readonly ProjectStatus[]> = {
  draft: ['submitted'],
  submitted: ['confirmed', 'rejected', 'draft'],
  rejected: ['draft'],
  confirmed: ['revoked'],
  revoked: [],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return projectTransitions[from].includes(to);
}
