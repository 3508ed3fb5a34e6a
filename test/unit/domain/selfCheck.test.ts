import { describe, expect, it } from 'vitest';
import { planSections, type ImplementationPlan } from '../../../shared/domain/implementationPlan';
import {
  selfCheckProject,
  selfCheckSummary,
  type ProjectFacts,
} from '../../../shared/domain/selfCheck';

const fullPlan = Object.fromEntries(planSections.map((s) => [s, '已填写'])) as ImplementationPlan;
const teacher = (dualQualified: boolean, fullTime = true, canTeachIndependently = true) => ({
  dualQualified,
  fullTime,
  canTeachIndependently,
});
const teachers = (count: number, dual: number) =>
  Array.from({ length: count }, (_, i) => teacher(i < dual));

function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    school: { kind: 'higher_vocational', demonstrationLevel: 'provincial' },
    majors: [{ code: '510203', name: '软件技术' }],
    teachers: teachers(10, 3),
    rooms: [{ name: '软件实训室', areaM2: 120, workstations: 40, equipmentCount: 3 }],
    hardware: [{ text: '每人一台计算机', ticked: true }],
    sites: [{ name: '某软件公司' }],
    talentTrainingPlanCount: 1,
    plan: fullPlan,
    ...overrides,
  };
}

const verdict = (f: ProjectFacts, rule: string) => selfCheckProject(f).find((v) => v.rule === rule);

describe('selfCheckProject (rules 1–8)', () => {
  it('passes a complete project', () => {
    const verdicts = selfCheckProject(facts());
    expect(selfCheckSummary(verdicts)).toEqual({
      level: 'pass',
      fail: 0,
      warn: 0,
      pass: verdicts.length,
    });
  });

  it('rule 4: exactly 30% 双师型 passes, one fewer fails, and the message names the numbers', () => {
    expect(verdict(facts({ teachers: teachers(10, 3) }), 'project.dualQualified')).toMatchObject({
      level: 'pass',
      message: '双师型教师 3/10 = 30.0%，不低于 30%。',
    });
    expect(verdict(facts({ teachers: teachers(30, 9) }), 'project.dualQualified')?.level).toBe(
      'pass',
    );
    expect(verdict(facts({ teachers: teachers(30, 8) }), 'project.dualQualified')).toMatchObject({
      level: 'fail',
      message: '双师型教师 8/30 = 26.7%，低于 30%。',
      field: 'teachers',
    });
    // 29.9% fails: 299 of 1000.
    expect(verdict(facts({ teachers: teachers(1000, 299) }), 'project.dualQualified')?.level).toBe(
      'fail',
    );
    expect(verdict(facts({ teachers: [] }), 'project.dualQualified')?.level).toBe('fail');
  });

  it('rule 5: 10 full-time independent teachers pass, 9 fail; part-time or dependent ones do not count', () => {
    expect(
      verdict(facts({ teachers: teachers(10, 10) }), 'project.independentTeachers')?.level,
    ).toBe('pass');
    const nine = verdict(facts({ teachers: teachers(9, 9) }), 'project.independentTeachers');
    expect(nine).toMatchObject({ level: 'fail', field: 'teachers' });
    expect(nine?.message).toContain('9 人，少于 10 人（还差 1 人）');
    const mixed = [...teachers(9, 9), teacher(true, false, true), teacher(true, true, false)];
    expect(verdict(facts({ teachers: mixed }), 'project.independentTeachers')?.level).toBe('fail');
  });

  it('thresholds come from settings', () => {
    const verdicts = selfCheckProject(facts({ teachers: teachers(8, 2) }), {
      dualQualifiedPercent: 25,
      minIndependentFullTimeTeachers: 8,
    });
    expect(verdicts.find((v) => v.rule === 'project.dualQualified')?.level).toBe('pass');
    expect(verdicts.find((v) => v.rule === 'project.independentTeachers')?.level).toBe('pass');
  });

  it('rule 3: no related major fails', () => {
    expect(verdict(facts({ majors: [] }), 'project.majors')).toMatchObject({
      level: 'fail',
      field: 'majors',
    });
  });

  it('rule 6: no room fails; a room without area or equipment warns; unticked hardware fails', () => {
    expect(verdict(facts({ rooms: [] }), 'project.rooms')?.level).toBe('fail');
    const bare = [{ name: '空实训室', areaM2: 0, workstations: 0, equipmentCount: 0 }];
    expect(verdict(facts({ rooms: bare }), 'project.rooms')).toMatchObject({ level: 'warn' });
    const hardware = [
      { text: '每人一台计算机', ticked: true },
      { text: '投影设备', ticked: false },
    ];
    expect(verdict(facts({ hardware }), 'project.hardware')).toMatchObject({
      level: 'fail',
      message: '证书实训条件要求 2 项中有 1 项未确认满足：投影设备。',
    });
    expect(verdict(facts({ hardware: [] }), 'project.hardware')?.level).toBe('warn');
  });

  it('rule 7: no site fails', () => {
    expect(verdict(facts({ sites: [] }), 'project.sites')).toMatchObject({
      level: 'fail',
      field: 'sites',
    });
  });

  it('rule 8: no talent training plan or an empty plan section fails, naming the sections', () => {
    expect(
      verdict(facts({ talentTrainingPlanCount: 0 }), 'project.talentTrainingPlan')?.level,
    ).toBe('fail');
    const plan = { ...fullPlan, goals: '  ', fundingAndFees: '' };
    expect(verdict(facts({ plan }), 'project.plan')).toMatchObject({
      level: 'fail',
      message: '实施方案尚有 2 个部分未填写：目标任务、经费与收费。',
    });
  });

  it('rules 1–2: without a school profile, or for a technical school, the project fails', () => {
    expect(verdict(facts({ school: null }), 'school.profile')?.level).toBe('fail');
    const technical = facts({
      school: { kind: 'technical_school', demonstrationLevel: 'national' },
    });
    expect(selfCheckSummary(selfCheckProject(technical)).level).toBe('fail');
    const municipal = facts({
      school: { kind: 'secondary_vocational', demonstrationLevel: 'municipal' },
    });
    expect(selfCheckSummary(selfCheckProject(municipal))).toMatchObject({ level: 'warn', warn: 1 });
  });
});
