import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExamBatch } from '../../shared/contract/exams';
import { createTestCore, type TestCore } from '../harness/core';
import { downloaded } from '../harness/downloads';
import { batchInput, seedExamSchool } from '../harness/exams';
import { makePdf } from '../harness/files';
import { auditEntries, fails, ok, readRows } from '../harness/staff';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
beforeEach(async () => {
  t = createTestCore();
  seeded = await seedExamSchool(t.core, { students: 2 });
});
afterEach(() => t.dispose());

const certId = () => seeded.certificate.id;
const roomId = () => seeded.roomIds[0];
const siteId = () => seeded.siteIds[0];

/** An application of the seeded certificate, approved for 2020-09-01 … 2021-08-31, covering the room. */
const application = (overrides: Record<string, unknown> = {}) => ({
  certificateId: certId(),
  appliedOn: '2020-06-01',
  status: 'approved',
  validFrom: '2020-09-01',
  validTo: '2021-08-31',
  places: [{ kind: 'room', id: roomId() }],
  note: '',
  ...overrides,
});

const atRoom = (examDate: string, extra: Record<string, unknown> = {}) =>
  batchInput(certId(), { roomId: roomId(), siteText: '', examDate, ...extra });

describe('exam sites (考核站点)', () => {
  it('saves, lists, filters, updates and deletes an application, audited', async () => {
    const saved = await ok(t, 'examSites.save', application());
    expect(saved).toMatchObject({
      certificateName: 'Web前端开发',
      status: 'approved',
      validFrom: '2020-09-01',
      validTo: '2021-08-31',
      places: [{ kind: 'room', id: roomId(), name: '软件开发实训室' }],
      document: null,
    });
    const pending = await ok(
      t,
      'examSites.save',
      application({
        status: 'pending',
        validFrom: null,
        validTo: null,
        places: [{ kind: 'site', id: siteId() }],
      }),
    );
    expect((await ok(t, 'examSites.list', {})).map((s) => s.id).sort()).toEqual(
      [saved.id, pending.id].sort(),
    );
    expect((await ok(t, 'examSites.list', { status: 'pending' })).map((s) => s.id)).toEqual([
      pending.id,
    ]);
    const both = await ok(t, 'examSites.save', {
      ...application({
        places: [
          { kind: 'site', id: siteId() },
          { kind: 'room', id: roomId() },
        ],
        validTo: null,
      }),
      id: saved.id,
    });
    // Rooms first, then sites; no end date is kept as null (长期有效).
    expect(both.places.map((p) => p.kind)).toEqual(['room', 'site']);
    expect(both.validTo).toBeNull();
    await ok(t, 'examSites.delete', { id: pending.id });
    expect((await ok(t, 'examSites.list', {})).map((s) => s.id)).toEqual([saved.id]);
    expect(auditEntries(t, 'exam_site').map((a) => a.action)).toEqual([
      'create',
      'create',
      'update',
      'delete',
    ]);
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM exam_site_places')[0].n).toBe(2);
  });

  it('refuses an approval without a period start, a backwards period and no places, naming the field', async () => {
    const noStart = await fails(t, 'examSites.save', application({ validFrom: null }));
    expect(noStart.details?.fields).toEqual([
      { path: 'validFrom', message: '已批准的考核站点须填写有效期开始日期（批准文件所载）' },
      { path: 'validFrom', message: '已填写有效期结束日期，请同时填写开始日期' },
    ]);
    const backwards = await fails(t, 'examSites.save', application({ validTo: '2020-08-31' }));
    expect(backwards.details?.fields).toEqual([
      { path: 'validTo', message: '有效期结束日期不能早于开始日期' },
    ]);
    const empty = await fails(t, 'examSites.save', application({ places: [] }));
    expect(empty.details?.fields).toEqual([
      { path: 'places', message: '请至少选择一个覆盖的实训室或实习实训场所' },
    ]);
    const gone = await fails(
      t,
      'examSites.save',
      application({ places: [{ kind: 'room', id: 999 }] }),
    );
    expect(gone.details?.fields?.[0]).toMatchObject({ path: 'places' });
    expect(await ok(t, 'examSites.list', {})).toEqual([]);
  });

  it('counts an approved application only inside its valid period, both ends included', async () => {
    await ok(t, 'examSites.save', application());
    for (const date of ['2020-09-01', '2021-08-31']) {
      const batch = await ok(t, 'exams.batches.save', atRoom(date));
      expect(batch.examSite).toMatchObject({ kind: 'approved', validFrom: '2020-09-01' });
      expect(batch.siteName).toBe('软件开发实训室');
      expect(batch.roomId).toBe(roomId());
    }
    for (const date of ['2020-08-31', '2021-09-01']) {
      const error = await fails(t, 'exams.batches.save', atRoom(date));
      expect(error.code).toBe('NEEDS_CONFIRMATION');
      expect(error.message).toContain('“软件开发实训室”不是该证书已批准的考核站点（考核日期');
      expect(error.message).toContain('不在批准有效期（2020年9月1日至2021年8月31日）内');
      expect(error.message).toMatch(/仍然保存？$/);
      expect(error.details).toMatchObject({
        examSite: { kind: 'notApproved', reason: 'outsideValidity' },
      });
    }
    expect(await ok(t, 'exams.batches.list', {})).toHaveLength(2);
  });

  it("does not count pending or rejected applications, nor another certificate's approval", async () => {
    const others = await ok(t, 'catalogue.list', {});
    const other = others.find((c) => c.id !== certId())!;
    await ok(t, 'examSites.save', application({ certificateId: other.id }));
    const notCovered = await fails(t, 'exams.batches.save', atRoom('2020-11-15'));
    expect(notCovered.details).toMatchObject({ examSite: { reason: 'notCovered' } });

    const pending = await ok(
      t,
      'examSites.save',
      application({ status: 'pending', validFrom: null, validTo: null }),
    );
    const stillPending = await fails(t, 'exams.batches.save', atRoom('2020-11-15'));
    expect(stillPending.message).toContain('该场所的考核站点申请尚在审批中');

    await ok(t, 'examSites.save', { ...application({ status: 'rejected' }), id: pending.id });
    const rejected = await fails(t, 'exams.batches.save', atRoom('2020-11-15'));
    expect(rejected.message).toContain('该场所的考核站点申请未通过');
    expect(await ok(t, 'exams.batches.list', {})).toEqual([]);
  });

  it('judges room, site and typed place: text is unchecked, not approved', async () => {
    await ok(t, 'examSites.save', application({ places: [{ kind: 'site', id: siteId() }] }));
    const atSite = await ok(
      t,
      'exams.batches.save',
      batchInput(certId(), { siteId: siteId(), siteText: '' }),
    );
    expect(atSite.examSite.kind).toBe('approved');
    expect(atSite.siteName).toBe('某软件公司实习基地');
    const typed = await ok(
      t,
      'exams.batches.save',
      batchInput(certId(), { siteText: '实训楼 301' }),
    );
    expect(typed.examSite).toEqual({ kind: 'unchecked' });
    const nowhere = await ok(t, 'exams.batches.save', batchInput(certId(), { siteText: '' }));
    expect(nowhere.examSite).toEqual({ kind: 'none' });
    // The room is not covered by the site's approval.
    const room = await fails(t, 'exams.batches.save', atRoom('2020-11-15'));
    expect(room.code).toBe('NEEDS_CONFIRMATION');
    const both = await fails(
      t,
      'exams.batches.save',
      batchInput(certId(), { siteId: siteId(), roomId: roomId() }),
    );
    expect(both.details?.fields).toEqual([
      { path: 'roomId', message: '考核场所只能选一个：实训室或实习实训场所' },
    ]);
  });

  it('saves after the warning is confirmed; later edits of other fields do not ask again', async () => {
    const warned = await fails(t, 'exams.batches.save', atRoom('2020-11-15'));
    expect(warned.code).toBe('NEEDS_CONFIRMATION');
    expect(await ok(t, 'exams.batches.list', {})).toEqual([]);
    const saved: ExamBatch = await ok(
      t,
      'exams.batches.save',
      atRoom('2020-11-15', { confirm: true }),
    );
    expect(saved.examSite).toMatchObject({ kind: 'notApproved', reason: 'notCovered' });
    const renamed = await ok(t, 'exams.batches.save', {
      ...atRoom('2020-11-15', { name: '改名' }),
      id: saved.id,
    });
    expect(renamed.name).toBe('改名');
    // Moving the date is a new choice: it asks again.
    const moved = await fails(t, 'exams.batches.save', { ...atRoom('2020-11-22'), id: saved.id });
    expect(moved.code).toBe('NEEDS_CONFIRMATION');
    const audit = auditEntries(t, 'exam_batch');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[0].after).toMatchObject({
      roomId: roomId(),
      siteId: null,
      siteText: '软件开发实训室',
    });
  });

  it('deleting a room used by an exam site and a batch asks, then unlinks both', async () => {
    const site = await ok(
      t,
      'examSites.save',
      application({
        places: [
          { kind: 'room', id: roomId() },
          { kind: 'site', id: siteId() },
        ],
      }),
    );
    const batch = await ok(t, 'exams.batches.save', atRoom('2020-11-15'));
    const usage = await ok(t, 'rooms.usage', { id: roomId() });
    expect(usage.refs.map((r) => r.kind)).toEqual(['examBatch', 'examSite']);
    expect(usage.summary).toContain('1 条考核站点申请（Web前端开发（2020-06-01 申请））');
    const refused = await fails(t, 'rooms.delete', { id: roomId() });
    expect(refused.code).toBe('IN_USE');
    await ok(t, 'rooms.delete', { id: roomId(), force: true });

    // The application's change is in its audit log, as an update by the room's delete.
    const audit = auditEntries<{ places: { name: string }[] }>(t, 'exam_site');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1].before?.places.map((p) => p.name)).toEqual([
      '软件开发实训室',
      '某软件公司实习基地',
    ]);
    expect(audit[1].after?.places.map((p) => p.name)).toEqual(['某软件公司实习基地']);
    const after = (await ok(t, 'examSites.list', {}))[0];
    expect(after.id).toBe(site.id);
    expect(after.places).toEqual([{ kind: 'site', id: siteId(), name: '某软件公司实习基地' }]);
    const kept = await ok(t, 'exams.batches.get', { id: batch.id });
    expect(kept).toMatchObject({
      roomId: null,
      siteName: '软件开发实训室',
      examSite: { kind: 'unchecked' },
    });

    // A site's delete names the applications too.
    const siteUsage = await ok(t, 'sites.usage', { id: siteId() });
    expect(siteUsage.refs.some((r) => r.kind === 'examSite')).toBe(true);
  });

  it('attaches, reads and removes the approval document; deleting the application releases it', async () => {
    const saved = await ok(t, 'examSites.save', application());
    const pdf = makePdf('exam site approval');
    const withDoc = await ok(t, 'examSites.attachDocument', {
      id: saved.id,
      file: { fileName: '批准文件.pdf', contentBase64: pdf.toString('base64') },
    });
    expect(withDoc.document).toMatchObject({ ext: 'pdf', size: pdf.length });
    const offer = await ok(t, 'examSites.readDocument', { id: saved.id });
    expect(downloaded(t.core, offer).equals(pdf)).toBe(true);
    expect(offer).toMatchObject({
      fileName: 'Web前端开发考核站点批准文件（2020-06-01）.pdf',
      mime: 'application/pdf',
      size: pdf.length,
    });
    const without = await ok(t, 'examSites.removeDocument', { id: saved.id });
    expect(without.document).toBeNull();
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM attachments')[0].n).toBe(0);
    const missing = await fails(t, 'examSites.readDocument', { id: saved.id });
    expect(missing.code).toBe('NOT_FOUND');

    await ok(t, 'examSites.attachDocument', {
      id: saved.id,
      file: { fileName: '批准文件.pdf', contentBase64: pdf.toString('base64') },
    });
    await ok(t, 'examSites.delete', { id: saved.id });
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM attachments')[0].n).toBe(0);
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM exam_site_places')[0].n).toBe(0);
  });
});
