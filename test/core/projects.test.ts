import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import type { Certificate } from '../../shared/contract/catalogue';
import type { Project, ProjectCheck, ProjectSummary } from '../../shared/contract/projects';
import { planSections } from '../../shared/domain/implementationPlan';
import { createTestCore, type TestCore } from '../harness/core';
import { makePdf } from '../harness/files';
import { call, type seedSchool } from '../harness/seed';
import { projectInput, seedProjectSchool } from '../harness/seedProject';
import { auditEntries } from '../harness/staff';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedSchool>>;
let certificate: Certificate;

const fullPlan = Object.fromEntries(planSections.map((s) => [s, `${s} 内容`]));
const allCommitments = {
  noGraduationRequirement: true,
  noTrainingFee: true,
  schoolPaysOneExam: true,
};

beforeEach(async () => {
  t = createTestCore();
  ({ seeded, certificate } = await seedProjectSchool(t.core, {
    requirements: ['每名学生一台计算机', '投影设备'],
  }));
});
afterEach(() => t.dispose());

/** The audit entries of pilot projects: id, action and the status each records. */
const projectAudit = () =>
  auditEntries<{ status: string }>(t, 'pilot_project').map((a) => [
    Number(a.entityId),
    a.action,
    (a.after ?? a.before)!.status,
  ]);

function data(overrides: Record<string, unknown> = {}) {
  return projectInput(seeded, certificate.id, {
    levels: ['intermediate', 'junior'],
    hardwareChecks: certificate.requirements.map((r) => r.id),
    plan: fullPlan,
    commitments: allCommitments,
    ...overrides,
  });
}

async function attachTalentPlan(projectId: number) {
  await call(t.core, 'attachments.upload', {
    ownerType: 'project',
    ownerId: projectId,
    kind: 'talent_training_plan',
    file: {
      fileName: '软件技术人才培养方案.pdf',
      contentBase64: makePdf('plan').toString('base64'),
    },
  });
}

describe('pilot projects', () => {
  it('creates a project, reads it back with sorted levels, and lists it', async () => {
    const project = await call<Project>(t.core, 'projects.create', data());
    expect(project).toMatchObject({
      certificateName: 'Web前端开发',
      year: 2020,
      status: 'draft',
      levels: ['junior', 'intermediate'],
      plannedStudents: [{ level: 'junior', year: 2020, count: 80 }],
    });
    expect(project.history).toEqual([expect.objectContaining({ from: null, to: 'draft' })]);
    // Planned students read back 初级 → 中级 → 高级 within a year, whatever order they came in.
    const planned = await call<Project>(t.core, 'projects.update', {
      id: project.id,
      data: data({
        levels: ['junior', 'intermediate', 'senior'],
        plannedStudents: [
          { level: 'senior', year: 2020, count: 10 },
          { level: 'intermediate', year: 2020, count: 40 },
          { level: 'junior', year: 2020, count: 80 },
        ],
      }),
    });
    expect(planned.plannedStudents.map((p) => p.level)).toEqual([
      'junior',
      'intermediate',
      'senior',
    ]);
    // The draft's edit is audited with the project in words before and after.
    const [created, edited] = auditEntries<{ levels: string[]; plannedStudents: string[] }>(
      t,
      'pilot_project',
    );
    expect(created).toMatchObject({ action: 'create', before: null });
    expect(edited).toMatchObject({
      entityId: String(project.id),
      action: 'update',
      before: created!.after,
      after: { status: 'draft', levels: ['初级', '中级', '高级'] },
    });
    expect(edited!.after!.plannedStudents).toEqual([
      '初级 2020 年 80 人',
      '中级 2020 年 40 人',
      '高级 2020 年 10 人',
    ]);
    const list = await call<ProjectSummary[]>(t.core, 'projects.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ majorCount: 2, teacherCount: 12 });
  });

  it('self-check goes from fail to pass as the data arrives', async () => {
    const project = await call<Project>(
      t.core,
      'projects.create',
      data({ teacherIds: [], roomIds: [], siteIds: [], plan: {} }),
    );
    expect(project.selfCheck.level).toBe('fail');
    const failing = project.verdicts.filter((v) => v.level === 'fail').map((v) => v.rule);
    expect(failing).toEqual(
      expect.arrayContaining([
        'project.dualQualified',
        'project.independentTeachers',
        'project.rooms',
        'project.sites',
        'project.talentTrainingPlan',
        'project.plan',
      ]),
    );

    await attachTalentPlan(project.id);
    const updated = await call<Project>(t.core, 'projects.update', {
      id: project.id,
      data: data(),
    });
    expect(updated.verdicts.filter((v) => v.level !== 'pass')).toEqual([]);
    expect(updated.selfCheck.level).toBe('pass');
    const dual = updated.verdicts.find((v) => v.rule === 'project.dualQualified');
    expect(dual?.message).toBe('双师型教师 4/12 = 33.3%，不低于 30%。');
  });

  it('refuses levels the certificate does not offer, unknown members and foreign requirement ticks', async () => {
    await call(t.core, 'catalogue.update', {
      id: certificate.id,
      name: certificate.name,
      organization: certificate.organization,
      batch: certificate.batch,
      source: certificate.source,
      levels: [{ level: 'junior' }],
      requirements: certificate.requirements,
    });
    const result = await t.core.dispatch(
      'projects.create',
      data({ teacherIds: [999], hardwareChecks: [12345] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.details?.fields?.map((f) => f.path);
    expect(paths).toEqual(['levels', 'teacherIds', 'hardwareChecks']);
    expect(result.error.message).toContain('不设中级等级');
    expect(await call<ProjectSummary[]>(t.core, 'projects.list', {})).toEqual([]);
  });

  it('allows one project per certificate and year', async () => {
    await call(t.core, 'projects.create', data());
    const again = await t.core.dispatch('projects.create', data());
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('walks the status workflow with history and audit, refusing illegal moves', async () => {
    const project = await call<Project>(t.core, 'projects.create', data());
    const jump = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'confirmed',
      confirmationDocument: 'x',
      confirmationDate: '2020-05-01',
    });
    expect(jump).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Self-check fails (no talent training plan): submitting needs explicit confirmation.
    const unconfirmed = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'submitted',
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION' } });
    await call(t.core, 'projects.setStatus', {
      id: project.id,
      status: 'submitted',
      acceptFailures: true,
    });

    const noDoc = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'confirmed',
    });
    expect(noDoc).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // The core's clock says 2026-03-02: a confirmation cannot be dated after it.
    const tomorrow = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'confirmed',
      confirmationDocument: '鄂教职成办〔2026〕5号',
      confirmationDate: '2026-03-03',
    });
    expect(tomorrow).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '输入有误，未保存。确认日期2026年3月3日晚于今天（2026年3月2日），请核对',
        details: { fields: [{ path: 'confirmationDate' }] },
      },
    });
    expect((await call<Project>(t.core, 'projects.get', { id: project.id })).status).toBe(
      'submitted',
    );
    const confirmed = await call<Project>(t.core, 'projects.setStatus', {
      id: project.id,
      status: 'confirmed',
      confirmationDocument: '鄂教职成办〔2020〕5号',
      confirmationDate: '2020-05-20',
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmationDocument: '鄂教职成办〔2020〕5号',
    });

    const deleting = await t.core.dispatch('projects.delete', { id: project.id });
    expect(deleting).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const noReason = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'revoked',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } },
    });
    const revoked = await call<Project>(t.core, 'projects.setStatus', {
      id: project.id,
      status: 'revoked',
      reason: '连续三周未填报周报',
    });
    expect(revoked.revokeReason).toBe('连续三周未填报周报');
    expect(revoked.history.map((h) => h.to)).toEqual([
      'draft',
      'submitted',
      'confirmed',
      'revoked',
    ]);
    const edit = await t.core.dispatch('projects.update', { id: project.id, data: data() });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Only the moves that happened are audited, each with the status it reached.
    expect(projectAudit()).toEqual([
      [project.id, 'create', 'draft'],
      [project.id, 'update', 'submitted'],
      [project.id, 'update', 'confirmed'],
      [project.id, 'update', 'revoked'],
    ]);
  });

  it('needs every commitment ticked before submitting', async () => {
    const project = await call<Project>(
      t.core,
      'projects.create',
      data({ commitments: { noTrainingFee: true } }),
    );
    const result = await t.core.dispatch('projects.setStatus', {
      id: project.id,
      status: 'submitted',
      acceptFailures: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(result.error.message).toContain('不将证书作为毕业条件');
  });

  it('copies a project into a new year as a draft with the same members and shifted plans', async () => {
    const project = await call<Project>(t.core, 'projects.create', data());
    await call(t.core, 'projects.setStatus', {
      id: project.id,
      status: 'submitted',
      acceptFailures: true,
    });
    const copy = await call<Project>(t.core, 'projects.copyToYear', { id: project.id, year: 2021 });
    expect(copy).toMatchObject({
      year: 2021,
      status: 'draft',
      teacherIds: project.teacherIds,
      plannedStudents: [{ level: 'junior', year: 2021, count: 80 }],
    });
    expect(copy.id).not.toBe(project.id);
    const twice = await t.core.dispatch('projects.copyToYear', { id: project.id, year: 2021 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(projectAudit().at(-1)).toEqual([copy.id, 'create', 'draft']);
  });

  it('deletes a draft with its attachment links, and lists self-checks across projects', async () => {
    const project = await call<Project>(t.core, 'projects.create', data());
    await attachTalentPlan(project.id);
    const other = await call<Project>(t.core, 'projects.create', data({ year: 2021, siteIds: [] }));
    const checks = await call<ProjectCheck[]>(t.core, 'projects.selfCheckAll', {});
    expect(checks.map((c) => [c.year, c.selfCheck.level])).toEqual([
      [2021, 'fail'],
      [2020, 'pass'],
    ]);
    expect(await call(t.core, 'attachments.summary', {})).toMatchObject({ files: 1, links: 1 });
    await call(t.core, 'projects.delete', { id: project.id });
    expect(await call(t.core, 'attachments.summary', {})).toEqual({
      files: 0,
      links: 0,
      totalBytes: 0,
    });
    expect((await call<ProjectSummary[]>(t.core, 'projects.list', {})).map((p) => p.id)).toEqual([
      other.id,
    ]);
    expect(projectAudit().at(-1)).toEqual([project.id, 'delete', 'draft']);
    const links = auditEntries(t, 'attachment_link').map((a) => a.action);
    expect(links).toEqual(['create', 'delete']);
  });
});

describe('no orphans: deleting what a project uses', () => {
  it.each([
    ['teachers.delete', 'teacherIds', '项目教师'],
    ['majors.delete', 'majorIds', '相关专业'],
    ['rooms.delete', 'roomIds', '实训室'],
    ['sites.delete', 'siteIds', '实习实训场所'],
  ] as const)(
    '%s asks first, names the project, then removes it from the project',
    async (handler, key, what) => {
      const project = await call<Project>(t.core, 'projects.create', data());
      const id = project[key][0];
      const refused = await t.core.dispatch(handler, { id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'IN_USE' } });
      if (!refused.ok) {
        expect(refused.error.message).toContain('Web前端开发 · 2020 年度');
        expect(refused.error.message).toContain(what);
      }
      expect((await call<Project>(t.core, 'projects.get', { id: project.id }))[key]).toContain(id);

      await call(t.core, handler, { id, force: true });
      const after = await call<Project>(t.core, 'projects.get', { id: project.id });
      expect(after[key]).not.toContain(id);
    },
  );

  it('a certificate used by a project cannot be deleted from under it by the database', async () => {
    const project = await call<Project>(t.core, 'projects.create', data());
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    expect(() =>
      db.prepare('DELETE FROM certificates WHERE id = ?').run(project.certificateId),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
