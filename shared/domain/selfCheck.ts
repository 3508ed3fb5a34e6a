import { planSectionLabels, planSections, type ImplementationPlan } from './implementationPlan';
import { checkSchoolEligibility, type SchoolEligibilityInput } from './schoolEligibility';
import { formatShare } from './teachers';
import { defaultThresholds, type PilotThresholds } from './thresholds';
import { worstLevel, type Verdict } from './verdict';

/** What the self-check needs to know about one pilot project; gathered by the core or the form. */
export interface ProjectFacts {
  school: SchoolEligibilityInput | null;
  majors: readonly { code: string; name: string }[];
  teachers: readonly {
    fullTime: boolean;
    dualQualified: boolean;
    canTeachIndependently: boolean;
  }[];
  rooms: readonly { name: string; areaM2: number; workstations: number; equipmentCount: number }[];
  /** The certificate's hardware requirements and whether this project ticked each. */
  hardware: readonly { text: string; ticked: boolean }[];
  sites: readonly { name: string }[];
  talentTrainingPlanCount: number;
  plan: ImplementationPlan;
}

/** Where each rule's fix lives on the project page. */
export const selfCheckFields = {
  school: 'school',
  majors: 'majors',
  teachers: 'teachers',
  rooms: 'rooms',
  hardware: 'hardware',
  sites: 'sites',
  attachments: 'attachments',
  plan: 'plan',
} as const;

/** Rules 1–2: the school itself (from the school profile). */
function checkSchool(facts: ProjectFacts): Verdict[] {
  if (!facts.school) {
    return [
      {
        rule: 'school.profile',
        level: 'fail',
        message: '尚未填写学校信息（学校类型、示范校级别），无法判断学校是否符合申报条件。',
        field: selfCheckFields.school,
      },
    ];
  }
  return checkSchoolEligibility(facts.school).map((v) => ({ ...v, field: selfCheckFields.school }));
}

/** Rule 3: a related major exists. */
function checkMajors(facts: ProjectFacts): Verdict {
  return facts.majors.length > 0
    ? {
        rule: 'project.majors',
        level: 'pass',
        message: `已关联相关专业 ${facts.majors.length} 个：${facts.majors.map((m) => `${m.name}（${m.code}）`).join('、')}。`,
        field: selfCheckFields.majors,
      }
    : {
        rule: 'project.majors',
        level: 'fail',
        message: '未关联相关专业：申报条件要求具有与试点证书相关的专业。',
        field: selfCheckFields.majors,
      };
}

/** Rule 4: 双师型 teachers at least 30% of the project's teachers (integer arithmetic: 30% exactly passes). */
function checkDualQualified(facts: ProjectFacts, t: PilotThresholds): Verdict {
  const total = facts.teachers.length;
  const dual = facts.teachers.filter((x) => x.dualQualified).length;
  if (total === 0) {
    return {
      rule: 'project.dualQualified',
      level: 'fail',
      message: `未分配教师：无法计算双师型教师占比（要求不少于 ${t.dualQualifiedPercent}%）。`,
      field: selfCheckFields.teachers,
    };
  }
  const ok = dual * 100 >= t.dualQualifiedPercent * total;
  return {
    rule: 'project.dualQualified',
    level: ok ? 'pass' : 'fail',
    message: `双师型教师 ${dual}/${total} = ${formatShare(dual, total)}，${ok ? '不低于' : '低于'} ${t.dualQualifiedPercent}%。`,
    field: selfCheckFields.teachers,
  };
}

/** Rule 5: at least 10 full-time teachers able to teach independently. */
function checkIndependentTeachers(facts: ProjectFacts, t: PilotThresholds): Verdict {
  const count = facts.teachers.filter((x) => x.fullTime && x.canTeachIndependently).length;
  const ok = count >= t.minIndependentFullTimeTeachers;
  return {
    rule: 'project.independentTeachers',
    level: ok ? 'pass' : 'fail',
    message: ok
      ? `能独立承担教学任务的专任教师 ${count} 人，不少于 ${t.minIndependentFullTimeTeachers} 人。`
      : `能独立承担教学任务的专任教师 ${count} 人，少于 ${t.minIndependentFullTimeTeachers} 人（还差 ${t.minIndependentFullTimeTeachers - count} 人）。`,
    field: selfCheckFields.teachers,
  };
}

/** Rule 6: a related training room, recorded with area and equipment, meeting the hardware checklist. */
function checkRooms(facts: ProjectFacts): Verdict[] {
  if (facts.rooms.length === 0) {
    return [
      {
        rule: 'project.rooms',
        level: 'fail',
        message: '未关联实训室：申报条件要求具有与试点证书相关的实训室。',
        field: selfCheckFields.rooms,
      },
    ];
  }
  const incomplete = facts.rooms.filter((r) => !(r.areaM2 > 0) || r.equipmentCount === 0);
  const totalArea = facts.rooms.reduce((sum, r) => sum + r.areaM2, 0);
  const totalStations = facts.rooms.reduce((sum, r) => sum + r.workstations, 0);
  const verdicts: Verdict[] = [
    incomplete.length === 0
      ? {
          rule: 'project.rooms',
          level: 'pass',
          message: `已关联实训室 ${facts.rooms.length} 间，合计 ${totalArea} 平方米、${totalStations} 个工位。`,
          field: selfCheckFields.rooms,
        }
      : {
          rule: 'project.rooms',
          level: 'warn',
          message: `实训室 ${incomplete.map((r) => `“${r.name}”`).join('、')} 未填写面积或设备清单，无法说明满足教学需要。`,
          field: selfCheckFields.rooms,
        },
  ];
  if (facts.hardware.length === 0) {
    verdicts.push({
      rule: 'project.hardware',
      level: 'warn',
      message: '该证书尚未录入实训条件要求，请在证书目录中补充后逐项核对。',
      field: selfCheckFields.hardware,
    });
  } else {
    const missing = facts.hardware.filter((h) => !h.ticked);
    verdicts.push(
      missing.length === 0
        ? {
            rule: 'project.hardware',
            level: 'pass',
            message: `证书实训条件要求 ${facts.hardware.length} 项均已满足。`,
            field: selfCheckFields.hardware,
          }
        : {
            rule: 'project.hardware',
            level: 'fail',
            message: `证书实训条件要求 ${facts.hardware.length} 项中有 ${missing.length} 项未确认满足：${missing.map((h) => h.text).join('；')}。`,
            field: selfCheckFields.hardware,
          },
    );
  }
  return verdicts;
}

/** Rule 7: a related internship/training site. */
function checkSites(facts: ProjectFacts): Verdict {
  return facts.sites.length > 0
    ? {
        rule: 'project.sites',
        level: 'pass',
        message: `已关联实习实训场所 ${facts.sites.length} 个。`,
        field: selfCheckFields.sites,
      }
    : {
        rule: 'project.sites',
        level: 'fail',
        message: '未关联实习实训场所：申报条件要求具有与试点证书相关的实习实训场所。',
        field: selfCheckFields.sites,
      };
}

/** Rule 8: sound teaching management — a talent training plan and a complete implementation plan. */
function checkTeachingManagement(facts: ProjectFacts): Verdict[] {
  const emptySections = planSections.filter((s) => facts.plan[s].trim() === '');
  return [
    facts.talentTrainingPlanCount > 0
      ? {
          rule: 'project.talentTrainingPlan',
          level: 'pass',
          message: `已上传人才培养方案 ${facts.talentTrainingPlanCount} 份。`,
          field: selfCheckFields.attachments,
        }
      : {
          rule: 'project.talentTrainingPlan',
          level: 'fail',
          message: '未上传人才培养方案：申报条件要求有较为完备的专业人才培养方案。',
          field: selfCheckFields.attachments,
        },
    emptySections.length === 0
      ? {
          rule: 'project.plan',
          level: 'pass',
          message: '实施方案 7 个部分均已填写。',
          field: selfCheckFields.plan,
        }
      : {
          rule: 'project.plan',
          level: 'fail',
          message: `实施方案尚有 ${emptySections.length} 个部分未填写：${emptySections.map((s) => planSectionLabels[s]).join('、')}。`,
          field: selfCheckFields.plan,
        },
  ];
}

/** Rules 1–8 (docs/rules.md) for one project, in the notice's order. */
export function selfCheckProject(
  facts: ProjectFacts,
  thresholds: PilotThresholds = defaultThresholds,
): Verdict[] {
  return [
    ...checkSchool(facts),
    checkMajors(facts),
    checkDualQualified(facts, thresholds),
    checkIndependentTeachers(facts, thresholds),
    ...checkRooms(facts),
    checkSites(facts),
    ...checkTeachingManagement(facts),
  ];
}

export function selfCheckSummary(verdicts: readonly Verdict[]) {
  return {
    level: worstLevel(verdicts),
    fail: verdicts.filter((v) => v.level === 'fail').length,
    warn: verdicts.filter((v) => v.level === 'warn').length,
    pass: verdicts.filter((v) => v.level === 'pass').length,
  };
}
