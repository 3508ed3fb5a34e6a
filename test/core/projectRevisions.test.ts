import { describe, expect, it } from 'vitest';
import { projectData } from '../../electron/core/modules/projects/revisions';
import type { Project } from '../../shared/contract/projects';
import { call } from '../harness/seed';
import { projectInput } from '../harness/seedProject';
import { projectSchoolPerTest } from '../harness/projectSchoolPerTest';
import { readRows } from '../harness/staff';

const ctx = projectSchoolPerTest('2026-11-03T02:00:00Z');

const data = (overrides: Record<string, unknown> = {}) =>
  projectInput(ctx.seeded, ctx.certificate.id, overrides);

const submit = (id: number) =>
  call<Project>(ctx.t.core, 'projects.setStatus', {
    id,
    status: 'submitted',
    acceptFailures: true,
  });

const rows = <T>(sql: string, ...params: unknown[]) => readRows<T>(ctx.t, sql, ...params);

describe('what was submitted stays what was submitted', () => {
  it('a draft has no submitted version and its edits keep no revisions', async () => {
    const project = await call<Project>(ctx.t.core, 'projects.create', data());
    expect(project.submission).toBeNull();
    await call(ctx.t.core, 'projects.update', { id: project.id, data: data({ year: 2021 }) });
    expect(rows('SELECT * FROM project_revisions')).toEqual([]);
  });

  it('an edit after 已申报 becomes revision 1 beside the unchanged submitted version, with the changed fields listed', async () => {
    const project = await call<Project>(ctx.t.core, 'projects.create', data());
    const submitted = await submit(project.id);
    expect(submitted.submission).toMatchObject({
      submittedAt: '2026-11-03T02:00:00.000Z',
      revisions: [],
      changes: [],
    });
    const asSubmitted = submitted.submission!.record;
    expect(asSubmitted.teachers).toHaveLength(12);
    expect(asSubmitted.teachers[0]).toBe('教师1（T0001）');
    expect(asSubmitted.certificate).toContain('Web前端开发');

    ctx.now = new Date('2026-11-10T03:00:00Z');
    const edited = await call<Project>(ctx.t.core, 'projects.update', {
      id: project.id,
      data: data({
        teacherIds: ctx.seeded.teacherIds.slice(1),
        plannedStudents: [{ level: 'junior', year: 2020, count: 60 }],
        plan: { ...data().plan, goals: '新的目标任务' },
      }),
    });
    // The working copy changed; the submitted version did not.
    expect(edited.teacherIds).toHaveLength(11);
    expect(edited.status).toBe('submitted');
    expect(edited.submission!.record).toEqual(asSubmitted);
    expect(edited.submission!.submittedAt).toBe('2026-11-03T02:00:00.000Z');
    expect(edited.submission!.revisions).toEqual([{ number: 1, at: '2026-11-10T03:00:00.000Z' }]);
    expect(edited.submission!.changes).toEqual([
      {
        kind: 'list',
        field: 'plannedStudents',
        label: '计划考核人数',
        added: ['初级 2020 年 60 人'],
        removed: ['初级 2020 年 80 人'],
      },
      {
        kind: 'list',
        field: 'teachers',
        label: '项目教师',
        added: [],
        removed: ['教师1（T0001）'],
      },
      {
        kind: 'text',
        field: 'plan.goals',
        label: '实施方案 · 目标任务',
        before: 'goals 内容',
        after: '新的目标任务',
      },
    ]);

    // Saving the same again keeps no second revision; a further change does.
    await call(ctx.t.core, 'projects.update', { id: edited.id, data: projectData(edited) });
    const again = await call<Project>(ctx.t.core, 'projects.update', {
      id: edited.id,
      data: { ...projectData(edited), year: 2021 },
    });
    expect(again.submission!.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(again.submission!.changes.map((c) => c.label)).toEqual([
      '年度',
      '计划考核人数',
      '项目教师',
      '实施方案 · 目标任务',
    ]);

    const kept = rows<{ kind: string }>(
      'SELECT kind FROM project_revisions WHERE project_id = ? ORDER BY id',
      project.id,
    );
    expect(kept.map((r) => r.kind)).toEqual(['submitted', 'revision', 'revision']);
    const audited = rows<{ action: string; after_json: string }>(
      "SELECT action, after_json FROM audit_log WHERE entity = 'project_revision' ORDER BY id",
    );
    expect(audited.map((a) => a.action)).toEqual(['create', 'create', 'create']);
    expect(audited.map((a) => (JSON.parse(a.after_json) as { kind: string }).kind)).toEqual([
      'submitted',
      'revision',
      'revision',
    ]);
  });

  it('after 省级确认 edits are revisions too, and re-submitting after a withdrawal starts a new submitted version', async () => {
    const project = await call<Project>(ctx.t.core, 'projects.create', data());
    await submit(project.id);
    await call(ctx.t.core, 'projects.setStatus', {
      id: project.id,
      status: 'confirmed',
      confirmationDocument: '鄂教职成办〔2020〕5号',
      confirmationDate: '2020-12-01',
    });
    const confirmedEdit = await call<Project>(ctx.t.core, 'projects.update', {
      id: project.id,
      data: data({ siteIds: [] }),
    });
    expect(confirmedEdit.submission!.revisions).toHaveLength(1);
    expect(confirmedEdit.submission!.changes).toEqual([
      expect.objectContaining({ field: 'sites', added: [], removed: ['某软件公司实习基地'] }),
    ]);

    const other = await call<Project>(ctx.t.core, 'projects.create', data({ year: 2022 }));
    await submit(other.id);
    await call(ctx.t.core, 'projects.setStatus', { id: other.id, status: 'draft' });
    const draftEdit = await call<Project>(ctx.t.core, 'projects.update', {
      id: other.id,
      data: data({ year: 2022, roomIds: [] }),
    });
    // Withdrawn to 草稿: the edit is an ordinary one, compared with the last submitted version.
    expect(draftEdit.submission!.revisions).toEqual([]);
    expect(draftEdit.submission!.changes.map((c) => c.field)).toEqual(['rooms']);
    ctx.now = new Date('2026-12-01T00:00:00Z');
    const resubmitted = await submit(other.id);
    expect(resubmitted.submission).toMatchObject({
      submittedAt: '2026-12-01T00:00:00.000Z',
      revisions: [],
      changes: [],
    });
  });
});
