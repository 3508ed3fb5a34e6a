import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/contract/events';
import { createTestCore, type TestCore } from '../harness/core';
import { softwareMajor } from '../harness/majors';
import { upload, xlsxBytes } from '../harness/sheets';
import { ok, readRows } from '../harness/staff';
import { rosterHeader, rosterRows } from '../harness/students';

/*
 * A commit right after its preview reuses the preview's checks, and only while nothing they read
 * has changed: any write in between, or another day, checks the file again.
 */

let t: TestCore;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z');
  t = createTestCore(() => now);
  await ok(t, 'majors.save', softwareMajor);
});
afterEach(() => t.dispose());

const NO = rosterHeader.indexOf('学号');
const NAME = rosterHeader.indexOf('姓名');

/** The progress labels of the calls `work` makes. */
async function progressLabels(work: () => Promise<unknown>): Promise<string[]> {
  const labels: string[] = [];
  const unsubscribe = t.core.events.on((e) => {
    if (e.type === 'progress') labels.push((e as ProgressEvent).label);
  });
  try {
    await work();
  } finally {
    unsubscribe();
  }
  return [...new Set(labels)];
}

describe('a commit after its preview', () => {
  it('writes the previewed rows without reading and checking the file again', async () => {
    const rows = rosterRows(30, { majors: ['软件技术'] });
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));
    const preview = await ok(t, 'students.importPreview', { file });
    expect(preview.summary).toMatchObject({ total: 30, valid: 30, toCreate: 30 });
    const labels = await progressLabels(async () => {
      expect(await ok(t, 'students.importCommit', { file })).toMatchObject({ created: 30 });
    });
    expect(labels).toEqual(['学生名单导入：正在写入']);
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM students')[0].n).toBe(30);
  });

  it('checks again when a student was saved after the preview: the row updates, it is not added twice', async () => {
    const rows = rosterRows(3, { majors: ['软件技术'] });
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));
    expect((await ok(t, 'students.importPreview', { file })).summary).toMatchObject({
      toCreate: 3,
      toUpdate: 0,
    });
    // Entered by hand between the preview and the commit: the file's first student.
    const first = rows[0];
    const previewed = await ok(t, 'students.importPreview', { file });
    const byHand = previewed.rows[0].values;
    await ok(t, 'students.save', {
      studentNo: first[NO],
      name: `${first[NAME]}（手工）`,
      idType: 'resident',
      idNumber: byHand.idNumber,
      gender: byHand.gender === '女' ? 'female' : 'male',
      majorId: null,
      className: '',
      entryYear: null,
      phone: '',
      pilot: true,
    });
    const labels = await progressLabels(async () => {
      expect(await ok(t, 'students.importCommit', { file })).toMatchObject({
        total: 3,
        created: 2,
        updated: 1,
      });
    });
    expect(labels).toContain('学生名单导入：正在读取文件');
    expect(
      readRows<{ name: string }>(t, 'SELECT name FROM students WHERE student_no = ?', first[NO]),
    ).toEqual([{ name: first[NAME] }]);
  });

  it('checks again on another day', async () => {
    const rows = rosterRows(2, { majors: ['软件技术'] });
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));
    await ok(t, 'students.importPreview', { file });
    now = new Date('2026-03-03T08:00:00Z');
    const labels = await progressLabels(() => ok(t, 'students.importCommit', { file }));
    expect(labels).toContain('学生名单导入：正在读取文件');
  });
});
