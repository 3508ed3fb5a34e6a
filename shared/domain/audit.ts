/**
 * What the append-only audit log records: every kind of row the core audits, and the Chinese
 * names the audit history shows for them. A new audited entity is added here first; the
 * core's audited write accepts no other name, and the labels below must name it.
 */

export const auditEntities = [
  'school',
  'major',
  'teacher',
  'teacher_import',
  'student',
  'student_import',
  'training_room',
  'training_site',
  'attachment_link',
  'certificate',
  'certificate_import',
  'certificate_fee_limit',
  'pilot_project',
  'project_revision',
  'submitted_package',
  'exam_batch',
  'fee_agreement',
  'exam_site',
  'signup',
  'result_import',
  'exam_arrangement',
  'payment',
  'upload_layout',
  'fund_entry',
  'weekly_settings',
  'weekly_report',
  'student_photo',
  'photo_rules',
  'signup_document',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditEntityLabels: Record<AuditEntity, string> = {
  school: '学校信息',
  major: '专业',
  teacher: '教师',
  teacher_import: '教师导入',
  student: '学生',
  student_import: '学生导入',
  training_room: '实训室',
  training_site: '实习实训场所',
  attachment_link: '附件',
  certificate: '证书',
  certificate_import: '证书目录导入',
  certificate_fee_limit: '考核成本上限与收费标准',
  pilot_project: '试点项目',
  project_revision: '试点项目版本',
  submitted_package: '已提交的材料包',
  exam_batch: '考核批次',
  fee_agreement: '费用协商',
  exam_site: '考核站点',
  signup: '考核报名',
  result_import: '成绩导入',
  exam_arrangement: '考场编排',
  payment: '缴费记录',
  upload_layout: '上传表列格式',
  fund_entry: '经费记录',
  weekly_settings: '周报设置',
  weekly_report: '周报',
  student_photo: '考生照片',
  photo_rules: '照片要求',
  signup_document: '考生材料',
};

export type AuditAction = 'create' | 'update' | 'delete';

export const auditActionLabels: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
};

/** The Chinese name of an entry's entity; an unknown name (a row from elsewhere) as written. */
export function auditEntityLabel(entity: string): string {
  return Object.hasOwn(auditEntityLabels, entity)
    ? auditEntityLabels[entity as AuditEntity]
    : entity;
}
