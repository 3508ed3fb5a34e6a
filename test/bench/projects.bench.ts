import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE, type Core } from '../../electron/core';
import type { Certificate } from '../../shared/contract/catalogue';
import { seedStaff } from '../harness/seedStaff';
import { makeTempDir } from '../harness/webHost';
import { openAppPage } from './appPage';
import { medianMs, row, type BenchRow } from './stats';
import { openBenchCore } from '../harness/core';
import { call } from '../harness/seed';

/** 50 projects (16 certificates × several years) over 300 teachers, 30 teachers each. */
async function seedProjects(core: Core): Promise<void> {
  await call(core, 'school.save', {
    name: '基准职业技术学院',
    kind: 'higher_vocational',
    demonstrationLevel: 'provincial',
    city: '武汉市',
  });
  const staff = await seedStaff((name, input) => core.dispatch(name, input), 300);
  const teachers = await call<{ id: number }[]>(core, 'teachers.list', {});
  const certificates = await call<Certificate[]>(core, 'catalogue.list', {});
  for (let i = 0; i < 50; i += 1) {
    const certificate = certificates[i % certificates.length];
    await call(core, 'projects.create', {
      certificateId: certificate.id,
      year: 2020 + Math.floor(i / certificates.length),
      levels: ['junior'],
      majorIds: [staff.majors[i % staff.majors.length].id],
      teacherIds: teachers.slice((i * 6) % 270, ((i * 6) % 270) + 30).map((t) => t.id),
      roomIds: [],
      siteIds: [],
    });
  }
}

/** Self-check of 50 projects with 300 teachers (core), against a raw read of the same rows. */
export async function benchSelfCheck(runs = 9): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-projects-');
  try {
    const core = openBenchCore(temp.dir);
    await seedProjects(core);
    const selfCheck = await medianMs(runs, () => core.dispatch('projects.selfCheckAll', {}));
    core.close();
    const raw = new Database(path.join(temp.dir, DATABASE_FILE), { readonly: true });
    const rawRead = await medianMs(runs, () =>
      raw
        .prepare(
          `SELECT p.id, t.full_time, t.dual_qualified, t.can_teach_independently
           FROM pilot_projects p JOIN project_teachers pt ON pt.project_id = p.id
           JOIN teachers t ON t.id = pt.teacher_id`,
        )
        .all(),
    );
    raw.close();
    return [
      row('self-check, 50 projects × 30 of 300 teachers', selfCheck, {
        name: 'raw SQL read of the project–teacher rows',
        ms: rawRead,
      }),
    ];
  } finally {
    temp.remove();
  }
}

/** Typing into the teacher search over 1,000 teachers in Chromium, keystroke to rendered rows. */
export async function benchTeacherFilter(runs = 5): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-teachers-');
  const core = openBenchCore(temp.dir);
  await seedStaff((name, input) => core.dispatch(name, input), 1000);
  core.close();
  const app = await openAppPage(temp.dir);
  try {
    const { page } = app;
    await page.getByRole('menuitem', { name: '教师' }).click();
    const search = page.getByRole('searchbox', { name: '按姓名、工号或职称搜索' });
    const rows = page.getByTestId('teachers-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // One keystroke narrowing 1,000 to the one teacher with this 工号, then clearing again.
    const filter = await medianMs(runs, async () => {
      await search.fill('T00777');
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="teachers-table"] tbody tr.ant-table-row')
            .length === 1,
      );
      await search.fill('');
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="teachers-table"] tbody tr.ant-table-row')
            .length > 1,
      );
    });
    const idle = await medianMs(runs, () => page.evaluate(() => document.title));
    return [
      row('teacher search over 1,000 in Chromium (filter + clear)', filter, {
        name: 'page round trip (evaluate)',
        ms: idle,
      }),
    ];
  } finally {
    await app.close();
    temp.remove();
  }
}
