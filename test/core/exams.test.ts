import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Certificate } from '../../shared/contract/catalogue';
import type { FeeAgreement } from '../../shared/contract/agreements';
import type { ExamBatch, Signup } from '../../shared/contract/exams';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, confirmedProject, createBatch, seedExamSchool } from '../harness/exams';
import { makePdf } from '../harness/files';
import { fails, ok, readRows } from '../harness/staff';
import { downloaded } from '../harness/downloads';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
beforeEach(async () => {
  t = createTestCore();
  seeded = await seedExamSchool(t.core);
});
afterEach(() => t.dispose());

const certId = () => seeded.certificate.id;
const studentIds = () => seeded.students.map((s) => s.id);
const signups = async (batchId: number, extra: Record<string, unknown> = {}) =>
  (await ok(t, 'exams.signups.list', { batchId, pageSize: 100, ...extra })).items;
const auditRows = (entity: string) =>
  readRows<{
    entity_id: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
  }>(
    t,
    'SELECT entity_id, action, before_json, after_json FROM audit_log WHERE entity = ? ORDER BY id',
    entity,
  );

describe('exam batches', () => {
  it('creates a batch with the certificate organisation by default and lists it', async () => {
    const batch = await createBatch(
      t.core,
      batchInput(certId(), { siteId: seeded.siteIds[0], confirm: true }),
    );
    expect(batch).toMatchObject({
      certificateName: 'Web前端开发',
      level: 'junior',
      feeFen: 48000,
      organization: '工业和信息化部教育与考试中心',
      siteName: '某软件公司实习基地',
      examForm: null,
      feeLimit: { kind: 'cap', amountFen: 50000, document: '教职所〔2019〕314号' },
      signupCount: 0,
    });
    const list = await ok(t, 'exams.batches.list', { level: 'junior' });
    expect(list.map((b) => b.id)).toEqual([batch.id]);
    expect(await ok(t, 'exams.batches.list', { level: 'senior' })).toEqual([]);
    expect(auditRows('exam_batch').map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a fee above the level cost cap with both numbers, then accepts it at the cap', async () => {
    const error = await fails(t, 'exams.batches.save', batchInput(certId(), { fee: '520' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(
      '考核费 ¥520.00 超过 2020年11月15日 适用的考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
    expect(error.details?.fields?.[0].path).toBe('fee');
    expect(await ok(t, 'exams.batches.list', {})).toEqual([]);
    const atCap = await createBatch(t.core, batchInput(certId(), { fee: 500 }));
    expect(atCap.feeFen).toBe(50000);
    // 高级 has no cap recorded: any fee is accepted for a batch.
    const senior = await createBatch(t.core, batchInput(certId(), { level: 'senior', fee: 900 }));
    expect(senior.feeLimit).toBeNull();
  });

  it('judges each batch by the cap of its exam form in force on its exam date', async () => {
    const doc2019 = '教职所〔2019〕314号';
    const doc2021 = '教职成厅函〔2020〕11号';
    await ok(t, 'catalogue.setLimits', {
      id: certId(),
      limits: [
        {
          kind: 'cap',
          level: 'junior',
          examForm: 'computer',
          amountFen: 50000,
          document: doc2019,
          validFrom: '2019-01-01',
          validUntil: '2020-12-31',
        },
      ],
    });
    const old = await createBatch(
      t.core,
      batchInput(certId(), { examDate: '2020-09-01', examForm: 'computer', fee: 500 }),
    );
    // A lower cap from 2021: the 2020 batch stays judged by the 2019 cap; a 2021 batch is not.
    const withNew = await ok(t, 'catalogue.setLimits', {
      id: certId(),
      limits: [
        ...(await ok(t, 'catalogue.get', { id: certId() })).limits,
        {
          kind: 'cap',
          level: 'junior',
          examForm: 'computer',
          amountFen: 42000,
          document: doc2021,
          validFrom: '2021-01-01',
        },
      ],
    });
    expect(withNew.limits).toHaveLength(2);
    const again = await ok(t, 'exams.batches.get', { id: old.id });
    expect(again.feeLimit).toMatchObject({ amountFen: 50000, document: doc2019 });
    expect(await ok(t, 'fees.violations', {})).toMatchObject({ overCap: [] });
    const error = await fails(
      t,
      'exams.batches.save',
      batchInput(certId(), { examDate: '2021-03-01', examForm: 'computer', fee: 500 }),
    );
    expect(error.details?.fields).toEqual([
      {
        path: 'fee',
        message:
          '考核费 ¥500.00 超过 2021年3月1日 适用的机考考核成本上限 ¥420.00（教职成厅函〔2020〕11号，2021年1月1日起有效），请改为不超过上限的金额',
      },
    ]);
    // Last valid day of the old cap: still ¥500; another form on the same day: no cap applies.
    const lastDay = await createBatch(
      t.core,
      batchInput(certId(), { examDate: '2020-12-31', examForm: 'computer', fee: 500 }),
    );
    expect(lastDay.feeLimit?.document).toBe(doc2019);
    const paper = await createBatch(
      t.core,
      batchInput(certId(), { examDate: '2021-03-01', examForm: 'paper', fee: 500 }),
    );
    expect(paper.feeLimit).toBeNull();
    // A batch whose form is not recorded is judged by the strictest cap of that day.
    const unknownForm = await fails(
      t,
      'exams.batches.save',
      batchInput(certId(), { examDate: '2021-03-01', fee: 500 }),
    );
    expect(unknownForm.message).toContain('适用的机考考核成本上限 ¥420.00');
    // 首页 sets each batch's highest fee against the cap of its own day. No cap for 纸笔 in 2021:
    // that batch cannot be checked, which stands worse than the one within its cap, never compliant.
    for (const batch of [old, paper]) {
      await ok(t, 'exams.signups.create', {
        batchId: batch.id,
        studentIds: studentIds().slice(0, 2),
        confirm: true,
      });
    }
    const junior = async () =>
      (await ok(t, 'dashboard.summary', {})).exams.find((e) => e.level === 'junior');
    expect(await junior()).toMatchObject({ maxFeeFen: 50000, capFen: null, capDocument: null });
    expect((await ok(t, 'fees.violations', {})).capMissing).toEqual([
      expect.objectContaining({ batchId: paper.id, examForm: 'paper', feeFen: 50000 }),
    ]);
    // 规则检查 judges the 2020 batches by the 2019 cap: corrected down to ¥450, both are over it,
    // though the 2021 cap is not what they are judged by.
    const limits = (await ok(t, 'catalogue.get', { id: certId() })).limits;
    await ok(t, 'catalogue.setLimits', {
      id: certId(),
      limits: limits.map((l) => (l.document === doc2019 ? { ...l, amountFen: 45000 } : l)),
    });
    const over = (await ok(t, 'fees.violations', {})).overCap;
    expect(over.filter((v) => v.kind === 'signup').map((v) => v.batchId)).toEqual([old.id, old.id]);
    expect(
      over.filter((v) => v.kind === 'batch').map((v) => [v.batchId, v.capFen, v.limitText]),
    ).toEqual(
      [lastDay.id, old.id].map((id) => [
        id,
        45000,
        expect.stringContaining(
          '适用的机考考核成本上限 ¥450.00（教职所〔2019〕314号，2019年1月1日至2020年12月31日有效）',
        ),
      ]),
    );
    expect(await junior()).toMatchObject({ maxFeeFen: 50000, capFen: 45000, capDocument: doc2019 });
  });

  it('judges a fee against the province-approved fee when it is lower than the cap', async () => {
    const current = await ok(t, 'catalogue.get', { id: certId() });
    await ok(t, 'catalogue.setLimits', {
      id: certId(),
      limits: [
        ...current.limits,
        {
          kind: 'approved_fee',
          level: 'junior',
          amountFen: 46000,
          document: '鄂教财〔2020〕8号',
          validFrom: '2020-01-01',
        },
      ],
    });
    const before = await createBatch(
      t.core,
      batchInput(certId(), { examDate: '2019-11-15', fee: 480 }),
    );
    expect(before.feeLimit).toMatchObject({ kind: 'cap', amountFen: 50000 });
    const error = await fails(t, 'exams.batches.save', batchInput(certId(), { fee: 480 }));
    expect(error.message).toContain(
      '考核费 ¥480.00 超过 2020年11月15日 适用的省级核定收费标准 ¥460.00（鄂教财〔2020〕8号，2020年1月1日起有效）',
    );
  });

  it('refuses a level the certificate does not offer', async () => {
    const cert = await ok(t, 'catalogue.create', {
      name: '测试证书',
      organization: '测试评价组织',
      levels: [{ level: 'junior' }],
    });
    const error = await fails(
      t,
      'exams.batches.save',
      batchInput((cert as Certificate).id, { level: 'senior' }),
    );
    expect(error.message).toContain('不设高级');
    expect(error.details?.fields?.[0].path).toBe('level');
  });

  it('refuses deleting a batch with sign-ups, naming the count; deletes an empty one', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 3),
      confirm: true,
    });
    const error = await fails(t, 'exams.batches.delete', { id: batch.id, force: true });
    expect(error.code).toBe('IN_USE');
    expect(error.message).toContain('3 名学生的报名');
    const empty = await createBatch(t.core, batchInput(certId(), { name: '第二批' }));
    expect(await ok(t, 'exams.batches.delete', { id: empty.id })).toEqual({ id: empty.id });
    expect(auditRows('exam_batch').map((a) => a.action)).toEqual(['create', 'create', 'delete']);
  });

  it('refuses a capacity below the active sign-ups and a certificate change once signed up', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 3),
      confirm: true,
    });
    const small = await fails(t, 'exams.batches.save', {
      ...batchInput(certId(), { capacity: 2 }),
      id: batch.id,
    });
    expect(small.message).toContain('容量 2 人少于该批次现有的 3 名有效报名');
    const level = await fails(t, 'exams.batches.save', {
      ...batchInput(certId(), { level: 'intermediate' }),
      id: batch.id,
    });
    expect(level.code).toBe('CONFLICT');
    const renamed = await ok(t, 'exams.batches.save', {
      ...batchInput(certId(), { name: '改名', capacity: 3 }),
      id: batch.id,
    });
    expect(renamed).toMatchObject({ name: '改名', capacity: 3, signupCount: 3 });
  });

  it('keeps the site name when the site is deleted (unlink)', async () => {
    const batch = await createBatch(
      t.core,
      batchInput(certId(), { siteId: seeded.siteIds[0], confirm: true }),
    );
    const usage = await ok(t, 'sites.usage', { id: seeded.siteIds[0] });
    expect(usage.refs.find((r) => r.kind === 'examBatch')).toMatchObject({
      onDelete: 'unlink',
      count: 1,
    });
    // The project using the site is also an unlink reference: confirm with force.
    await ok(t, 'sites.delete', { id: seeded.siteIds[0], force: true });
    const after = await ok(t, 'exams.batches.get', { id: batch.id });
    expect(after).toMatchObject({ siteId: null, siteName: '某软件公司实习基地' });
  });

  it('blocks removing a certificate level that batches use', async () => {
    await createBatch(t.core, batchInput(certId()));
    const cert = seeded.certificate;
    const error = await fails(t, 'catalogue.update', {
      id: cert.id,
      name: cert.name,
      organization: cert.organization,
      batch: cert.batch,
      source: cert.source,
      levels: cert.levels.filter((l) => l.level !== 'junior').map((l) => ({ level: l.level })),
      requirements: [],
    });
    expect(error.code).toBe('IN_USE');
    expect(error.message).toContain('初级已被 1 个考核批次使用');
  });
});

describe('fee agreements', () => {
  const agreement = (overrides: Record<string, unknown> = {}) => ({
    certificateId: certId(),
    level: 'junior',
    fee: 480,
    agreedOn: '2020-06-01',
    partnerSchools: ['武汉某职业技术学院', '襄阳某职业技术学院'],
    ...overrides,
  });

  it('holds each batch to the agreement in force on its exam date: a higher fee is listed in 规则检查 and on the batch', async () => {
    const batch = await createBatch(t.core, batchInput(certId(), { fee: 480 }));
    expect(batch.agreedFee).toBeNull();
    const violations = () => ok(t, 'fees.violations', {});
    expect((await violations()).aboveAgreement).toEqual([]);

    // Agreed after the exam: it does not apply to this batch.
    await ok(t, 'agreements.save', agreement({ fee: 400, agreedOn: '2020-12-01' }));
    expect((await violations()).aboveAgreement).toEqual([]);

    // Agreed before the exam at ¥450: the batch's ¥480 is above it.
    await ok(t, 'agreements.save', agreement({ fee: 450, agreedOn: '2020-06-01' }));
    const [above] = (await violations()).aboveAgreement;
    expect(above).toMatchObject({
      batchId: batch.id,
      feeFen: 48000,
      agreedFen: 45000,
      agreedOn: '2020-06-01',
    });
    const [listed] = await ok(t, 'exams.batches.list', {});
    expect(listed.agreedFee).toMatchObject({ feeFen: 45000, agreedOn: '2020-06-01' });
    // 首页 says the same, as a warning leading to the batch.
    const summary = await ok(t, 'dashboard.summary', {});
    expect(summary.violations.filter((v) => v.kind === 'feeAboveAgreement')).toEqual([
      expect.objectContaining({ route: `exams/${batch.id}` }),
    ]);

    // A later agreement before the exam replaces it: ¥480 agreed, nothing above.
    await ok(t, 'agreements.save', agreement({ fee: 480, agreedOn: '2020-09-01' }));
    expect((await violations()).aboveAgreement).toEqual([]);
    expect((await ok(t, 'exams.batches.get', { id: batch.id })).agreedFee?.feeFen).toBe(48000);
  });

  it('copies the cap in force and its document, and audits', async () => {
    const saved = (await ok(t, 'agreements.save', agreement())) as FeeAgreement;
    expect(saved).toMatchObject({
      feeFen: 48000,
      capFen: 50000,
      capDocument: '教职所〔2019〕314号',
      partnerSchools: ['武汉某职业技术学院', '襄阳某职业技术学院'],
      document: null,
    });
    // A later cap change does not rewrite the saved agreement.
    await ok(t, 'catalogue.setLimits', {
      id: certId(),
      limits: [{ kind: 'cap', level: 'junior', amountFen: 60000, document: '新文号' }],
    });
    const [listed] = await ok(t, 'agreements.list', {});
    expect(listed.capFen).toBe(50000);
    const updated = await ok(t, 'agreements.save', agreement({ id: saved.id, fee: 550 }));
    expect(updated).toMatchObject({ feeFen: 55000, capFen: 60000, capDocument: '新文号' });
    expect(auditRows('fee_agreement').map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('refuses a fee above the cap with both numbers', async () => {
    const error = await fails(t, 'agreements.save', agreement({ fee: '500.01' }));
    expect(error.message).toContain(
      '协商费用 ¥500.01 超过 2020年6月1日 适用的考核成本上限 ¥500.00',
    );
    expect(error.details?.fields?.[0].path).toBe('fee');
    expect(await ok(t, 'agreements.list', {})).toEqual([]);
  });

  it('refuses a level with no cap recorded, pointing to 证书目录', async () => {
    const error = await fails(t, 'agreements.save', agreement({ level: 'senior' }));
    // The date as every other message and document writes it, not 2020-06-01.
    expect(error.message).toContain('在 2020年6月1日 没有适用的考核成本上限');
    expect(error.message).toContain('证书目录');
  });

  it('attaches, reads and removes the agreement document', async () => {
    const saved = (await ok(t, 'agreements.save', agreement())) as FeeAgreement;
    const pdf = makePdf('agreement');
    const withDoc = await ok(t, 'agreements.attachDocument', {
      id: saved.id,
      file: { fileName: '协议.pdf', contentBase64: pdf.toString('base64') },
    });
    expect(withDoc.document).toMatchObject({ ext: 'pdf', size: pdf.length });
    const content = await ok(t, 'agreements.readDocument', { id: saved.id });
    expect(downloaded(t.core, content).equals(pdf)).toBe(true);
    expect(content.fileName).toMatch(/\.pdf$/);
    const without = await ok(t, 'agreements.removeDocument', { id: saved.id });
    expect(without.document).toBeNull();
    expect(readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM attachments')[0].n).toBe(0);
    await ok(t, 'agreements.delete', { id: saved.id });
    expect(await ok(t, 'agreements.list', {})).toEqual([]);
  });

  it('keeps the document when the same file linked elsewhere is removed', async () => {
    const saved = (await ok(t, 'agreements.save', agreement())) as FeeAgreement;
    const file = { fileName: '协议.pdf', contentBase64: makePdf('shared').toString('base64') };
    await ok(t, 'agreements.attachDocument', { id: saved.id, file });
    const link = await ok(t, 'attachments.upload', {
      ownerType: 'site',
      ownerId: seeded.siteIds[0],
      kind: 'cooperation_agreement',
      file,
    });
    await ok(t, 'attachments.remove', { linkId: link.id });
    const content = await ok(t, 'agreements.readDocument', { id: saved.id });
    expect(downloaded(t.core, content).equals(Buffer.from(file.contentBase64, 'base64'))).toBe(
      true,
    );
  });
});

describe('sign-ups', () => {
  it('warns without a 省级确认 project and signs up after confirmation; duplicates are skipped', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    const warned = await fails(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 2),
    });
    expect(warned.code).toBe('NEEDS_CONFIRMATION');
    expect(warned.message).toContain('2020 年度没有试点项目');
    expect(warned.message).toContain('原则上不组织');
    expect(await signups(batch.id)).toEqual([]);

    const first = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 2),
      confirm: true,
    });
    expect(first).toMatchObject({ created: 2, skipped: 0 });
    const again = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 4),
      confirm: true,
    });
    expect(again).toMatchObject({ created: 2, skipped: 2 });
    const rows = await signups(batch.id);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.feeFen === 48000 && r.payer === 'school')).toBe(true);
    expect(rows.every((r) => r.status === 'registered')).toBe(true);
    const all = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 4),
    });
    expect(all).toEqual({ created: 0, skipped: 4, warnings: [] });
    expect(
      readRows<{ n: number }>(
        t,
        'SELECT count(*) AS n FROM signups WHERE batch_id = ?',
        batch.id,
      )[0].n,
    ).toBe(4);
  });

  it('signs up by filter and flags candidates outside the project majors', async () => {
    await confirmedProject(t.core, seeded);
    const batch = await createBatch(t.core, batchInput(certId()));
    const inMajor = { majors: [seeded.majorIds[0]] };
    // All in the project major and a confirmed project: no warning, no confirmation needed.
    const result = await ok(t, 'exams.signups.create', { batchId: batch.id, filter: inMajor });
    expect(result).toMatchObject({ created: 3, skipped: 0, warnings: [] });

    const page = await ok(t, 'exams.signups.candidates', { batchId: batch.id, pageSize: 2 });
    expect(page).toMatchObject({ total: 6, signedUp: 3, majorOutside: 3 });
    expect(page.project).toMatchObject({ confirmed: true, year: 2020 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ signedUp: true, majorOutside: false });

    const outside = await fails(t, 'exams.signups.create', { batchId: batch.id, filter: {} });
    expect(outside.code).toBe('NEEDS_CONFIRMATION');
    expect(outside.message).toContain(
      '3 名学生的专业不在该试点项目的相关专业中（学生4、学生5、学生6）',
    );
    expect(outside.message).not.toContain('未经省级确认');
    const confirmed = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      filter: {},
      confirm: true,
    });
    expect(confirmed).toMatchObject({ created: 3, skipped: 3 });
  });

  it('asks before a second fee for one exam: a student who passed the level, or is signed up for it elsewhere without a result', async () => {
    await confirmedProject(t.core, seeded);
    const first = await createBatch(t.core, batchInput(certId()));
    const [s1, s2, s3, s4] = studentIds();
    await ok(t, 'exams.signups.create', { batchId: first.id, studentIds: [s1, s2, s3] });
    const ids = new Map((await signups(first.id)).map((g) => [g.studentId, g.id]));
    const move = (studentIds: number[], status: string) =>
      ok(t, 'exams.signups.setStatus', { ids: studentIds.map((s) => ids.get(s)!), status });
    await move([s1, s2], 'paid');
    await move([s1, s2], 'examined');
    await move([s1], 'passed');
    await move([s2], 'failed');
    // 学生3 is still 已报名 in the first batch; a 补考 after 未通过 (学生2) asks nothing.
    const second = await createBatch(
      t.core,
      batchInput(certId(), { name: '第二批', examDate: '2020-12-20' }),
    );
    const asked = await fails(t, 'exams.signups.create', {
      batchId: second.id,
      studentIds: [s1, s2, s3, s4],
    });
    expect(asked.code).toBe('NEEDS_CONFIRMATION');
    expect(asked.message).toContain(
      '1 名学生已通过“Web前端开发”初级的考核（学生1），再次报名会再产生一次考核费',
    );
    expect(asked.message).toContain(
      '1 名学生已在“Web前端开发”初级的其他批次报名、尚无结果（学生3）',
    );
    expect(asked.message).not.toContain('学生2');
    expect(await signups(second.id)).toEqual([]);
    // Another level is another exam: nothing to ask.
    const senior = await createBatch(
      t.core,
      batchInput(certId(), { name: '中级', level: 'intermediate', fee: 400 }),
    );
    expect(
      await ok(t, 'exams.signups.create', { batchId: senior.id, studentIds: [s1, s3] }),
    ).toMatchObject({ created: 2, warnings: [] });
    expect(
      await ok(t, 'exams.signups.create', {
        batchId: second.id,
        studentIds: [s1, s2, s3, s4],
        confirm: true,
      }),
    ).toMatchObject({ created: 4 });
  });

  it('warns when the project exists but is not confirmed', async () => {
    await confirmedProject(t.core, seeded, { confirm: false });
    const batch = await createBatch(t.core, batchInput(certId()));
    const warned = await fails(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [studentIds()[0]],
    });
    expect(warned.message).toContain('状态为“草稿”');
  });

  it('enforces capacity with the numbers, counting only active sign-ups', async () => {
    const batch = await createBatch(t.core, batchInput(certId(), { capacity: 3 }));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 2),
      confirm: true,
    });
    const full = await fails(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(2, 5),
      confirm: true,
    });
    expect(full.code).toBe('CONFLICT');
    expect(full.message).toContain('容量 3 人，已有 2 人报名（未撤销），本次新增 3 人，超出 2 人');
    expect(await signups(batch.id)).toHaveLength(2);
    const [one] = await signups(batch.id);
    await ok(t, 'exams.signups.setStatus', { ids: [one.id], status: 'withdrawn' });
    const fits = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(2, 4),
      confirm: true,
    });
    expect(fits.created).toBe(2);
  });

  it('a withdrawn student is not counted as signed up, and signing up again revives the sign-up', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    const [first, second] = studentIds();
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [first, second],
      confirm: true,
    });
    const [withdrawn] = await signups(batch.id);
    // Its own fee and payer, set in the ledger before it was withdrawn.
    await ok(t, 'fees.change', { signupIds: [withdrawn.id], fee: '300', payer: 'subsidy' });
    await ok(t, 'exams.signups.setStatus', { ids: [withdrawn.id], status: 'withdrawn' });

    const page = await ok(t, 'exams.signups.candidates', { batchId: batch.id, pageSize: 50 });
    expect(page.signedUp).toBe(1);
    const shown = page.items.find((c) => c.studentId === withdrawn.studentId)!;
    expect(shown).toMatchObject({ signedUp: false, withdrawn: true });

    const again = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [first, second],
      confirm: true,
    });
    expect(again).toMatchObject({ created: 1, skipped: 1 });
    const after = await signups(batch.id);
    // The same sign-up, live again: no second row for the student.
    expect(after).toHaveLength(2);
    // Signed up on the terms of a new sign-up: the batch's fee, school-paid. Its old fee was
    // checked against the cap of its day, and its old payer against the 自费 rule, not today's.
    expect(after.find((g) => g.id === withdrawn.id)).toMatchObject({
      status: 'registered',
      feeFen: batch.feeFen,
      payer: 'school',
    });
    expect(batch.feeFen).not.toBe(30_000);
    expect(
      (await ok(t, 'exams.signups.candidates', { batchId: batch.id, pageSize: 50 })).signedUp,
    ).toBe(2);
    const history = readRows<{ before_json: string; after_json: string }>(
      t,
      "SELECT before_json, after_json FROM audit_log WHERE entity = 'signup' AND entity_id = ? ORDER BY id",
      String(withdrawn.id),
    ).map((r) => [JSON.parse(r.before_json)?.status, JSON.parse(r.after_json)?.status]);
    expect(history.at(-1)).toEqual(['withdrawn', 'registered']);
  });

  it('walks statuses, refuses illegal moves all-or-nothing, and audits with the fixed shape', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 3),
      confirm: true,
    });
    const ids = (await signups(batch.id)).map((s) => s.id);
    const jump = await fails(t, 'exams.signups.setStatus', { ids, status: 'passed' });
    expect(jump.code).toBe('CONFLICT');
    expect(jump.message).toContain('3 条报名不能改为“通过”');
    expect(jump.message).toContain('不能从“已报名”改为“通过”');

    expect(await ok(t, 'exams.signups.setStatus', { ids, status: 'paid' })).toEqual({
      updated: 3,
      unchanged: 0,
    });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[0]], status: 'examined' });
    // Mixed: one can move, one cannot — nothing changes.
    const mixed = await fails(t, 'exams.signups.setStatus', {
      ids: [ids[0], ids[1]],
      status: 'failed',
    });
    expect(mixed.message).toContain('1 条报名不能改为“未通过”');
    expect((await signups(batch.id)).map((s) => s.status)).toEqual(['examined', 'paid', 'paid']);

    await ok(t, 'exams.signups.setStatus', { ids: [ids[1]], status: 'absent' });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[2]], status: 'withdrawn' });
    const final = await fails(t, 'exams.signups.setStatus', { ids: [ids[2]], status: 'paid' });
    expect(final.message).toContain('最终状态');

    const filtered = await ok(t, 'exams.signups.list', {
      batchId: batch.id,
      statuses: ['withdrawn'],
    });
    expect(filtered.total).toBe(1);
    expect(filtered.statusCounts).toMatchObject({ examined: 1, absent: 1, withdrawn: 1 });

    const rows = auditRows('signup');
    const keys = [
      'studentId',
      'batchId',
      'status',
      'score',
      'theoryScore',
      'practicalScore',
      'admissionNo',
      'certificateNo',
      'issuedOn',
      'platformRegistered',
      'creditBank',
      'feeFen',
      'payer',
    ].sort();
    // 3 creates, 3 → paid, 1 → examined, 1 → absent, 1 → withdrawn.
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      if (row.before_json) expect(Object.keys(JSON.parse(row.before_json)).sort()).toEqual(keys);
      expect(Object.keys(JSON.parse(row.after_json!)).sort()).toEqual(keys);
    }
    const last = rows.at(-1)!;
    expect(last.entity_id).toBe(String(ids[2]));
    expect(JSON.parse(last.before_json!)).toMatchObject({ status: 'paid', feeFen: 48000 });
    expect(JSON.parse(last.after_json!)).toMatchObject({ status: 'withdrawn', payer: 'school' });
  });

  it('records results: certificate only for a pass, credit bank only when registered on the platform', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 2),
      confirm: true,
    });
    const ids = (await signups(batch.id)).map((s) => s.id);
    await ok(t, 'exams.signups.setStatus', { ids, status: 'paid' });
    await ok(t, 'exams.signups.setStatus', { ids, status: 'examined' });

    const noPass = await fails(t, 'exams.signups.saveResult', {
      id: ids[1],
      status: 'failed',
      score: 52,
      certificateNo: 'X123',
    });
    expect(noPass.details?.fields?.map((f) => f.path)).toEqual(['certificateNo']);
    const bank = await fails(t, 'exams.signups.saveResult', {
      id: ids[0],
      status: 'passed',
      score: 88,
      creditBank: true,
    });
    expect(bank.message).toContain('只有通过且已在平台登记的成绩才能转入学分银行');

    const passed = (await ok(t, 'exams.signups.saveResult', {
      id: ids[0],
      status: 'passed',
      score: 88,
      certificateNo: 'WEB2020-0001',
      issuedOn: '2020-12-20',
      platformRegistered: true,
      creditBank: true,
    })) as Signup;
    expect(passed).toMatchObject({
      status: 'passed',
      score: 88,
      certificateNo: 'WEB2020-0001',
      platformRegistered: true,
      creditBank: true,
    });
    // A pass with a certificate cannot silently become 未通过.
    const back = await fails(t, 'exams.signups.setStatus', { ids: [ids[0]], status: 'failed' });
    expect(back.message).toContain('已录入证书编号，不能改为“未通过”');
    const failed = await ok(t, 'exams.signups.saveResult', {
      id: ids[1],
      status: 'failed',
      score: 52,
    });
    expect(failed.status).toBe('failed');
  });

  it('blocks deleting a student who has sign-ups', async () => {
    const batch: ExamBatch = await createBatch(t.core, batchInput(certId()));
    const student = seeded.students[0];
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [student.id],
      confirm: true,
    });
    const usage = await ok(t, 'students.usage', { id: student.id });
    expect(usage.refs).toEqual([
      expect.objectContaining({ kind: 'signup', onDelete: 'block', count: 1 }),
    ]);
    const error = await fails(t, 'students.delete', { id: student.id, force: true });
    expect(error.code).toBe('IN_USE');
    expect(error.message).toContain('1 条考核报名');
    await ok(t, 'students.delete', { id: seeded.students[5].id });
  });

  it('pages, sorts and searches the batch sign-ups on the server', async () => {
    const batch = await createBatch(t.core, batchInput(certId()));
    await ok(t, 'exams.signups.create', { batchId: batch.id, filter: {}, confirm: true });
    const page = await ok(t, 'exams.signups.list', {
      batchId: batch.id,
      sortBy: 'studentNo',
      sortOrder: 'desc',
      page: 2,
      pageSize: 4,
    });
    expect(page.total).toBe(6);
    expect(page.items.map((s) => s.name)).toEqual(['学生2', '学生1']);
    const search = await ok(t, 'exams.signups.list', { batchId: batch.id, search: '2020000003' });
    expect(search.items.map((s) => s.name)).toEqual(['学生3']);
    const byName = await ok(t, 'exams.signups.list', { batchId: batch.id, search: '学生5' });
    expect(byName.total).toBe(1);
  });
});
