import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandlerName } from '../../shared/contract';
import type { FileDownload, FundsOverview } from '../../shared/contract/funds';
import { createTestCore } from '../harness/core';
import { WEB_CERT, type DataCall } from '../harness/fees';
import {
  buildSchool,
  expectedFigures,
  expectedRule13,
  randomSchool,
  readEveryFigure,
} from '../harness/figures';
import { call as dispatch } from '../harness/seed';
import { loadWorkbook, sheetTable } from '../harness/sheets';
import { bareProject } from '../harness/seedProject';

/**
 * One definition per figure and rule. Random schools (students pilot or not,
 * batches, sign-ups in every status including withdrawn and absent, every payer, fees,
 * payments) are built through the handlers; then 台账, 汇总, 费用明细表 read back, the batch
 * pages summed, 首页 and 缴费与对账 must all agree with what the model says, and 规则检查 must
 * flag exactly the pilot students without a live school-paid or subsidised sign-up; 试点经费's
 * 考核费 (the page, its per-project rows and the 使用情况表) must equal the payments' total, the
 * Web前端开发 project's share being the payments to its batches.
 * Fixed seed; rerun another with FIGURES_SEED=<n> (fast-check prints the seed and the
 * counterexample's path on failure).
 */
const seed = Number(process.env.FIGURES_SEED ?? 20261111);
const RUNS = 15;

describe('figures agree on every page (property)', () => {
  it('ledger, 汇总, 费用明细表, batch pages, 首页, 对账 and 试点经费 agree; rule 13 flags exactly the right students', async () => {
    await fc.assert(
      fc.asyncProperty(randomSchool, async (plan) => {
        const t = createTestCore();
        try {
          const call: DataCall = (name, input) => dispatch(t.core, name as HandlerName, input);
          const project = (await call(
            'projects.create',
            bareProject(WEB_CERT, 2026, { levels: ['junior', 'intermediate'] }),
          )) as { id: number };
          const model = await buildSchool(call, plan);
          const expected = expectedFigures(model);
          const seen = await readEveryFigure(call);
          const { owedFen, ...money } = expected;
          for (const [page, reading] of Object.entries(seen.readings)) {
            expect(reading, page).toEqual(money);
          }
          expect(seen.ledgerRows).toBe(model.signups.length);
          for (const [page, owed] of Object.entries(seen.owed)) expect(owed, page).toBe(owedFen);
          const paidFen = model.payments.reduce((a, p) => a + p.amountFen, 0);
          expect(seen.paid).toEqual({ byBatch: paidFen, byOrganization: paidFen });

          // 试点经费: spending's 考核费 is the payments' total (all paid in 2026), never retyped.
          const funds = (await call('funds.overview', { year: 2026 })) as FundsOverview;
          expect(funds.totals.spendingByCategory.exam).toBe(paidFen);
          expect(funds.byProject.reduce((a, p) => a + p.spendingByCategory.exam, 0)).toBe(paidFen);
          const webBatches = model.batchIds.filter(
            (_, i) => plan.batches[i].certificateId === WEB_CERT,
          );
          const webPaid = model.payments
            .filter((p) => p.batchId !== null && webBatches.includes(p.batchId))
            .reduce((a, p) => a + p.amountFen, 0);
          const webRow = funds.byProject.find((p) => p.projectId === project.id);
          expect(webRow?.spendingByCategory.exam ?? 0).toBe(webPaid);
          const sheet = (await call('funds.sheet', { year: 2026 })) as FileDownload;
          const wb = await loadWorkbook(Buffer.from(sheet.contentBase64, 'base64'));
          const examLine = sheetTable(wb.worksheets[0]).rows.find((r) => r[0] === '其中考核费');
          expect(Math.round(Number(examLine?.[8]) * 100)).toBe(paidFen);

          const rule13 = expectedRule13(model);
          const v = seen.violations;
          expect(v.schoolPaid.map((s) => s.studentNo).sort()).toEqual(rule13.selfPaidOnly);
          expect(v.unscheduled.count).toBe(rule13.unscheduled.length);
          expect(v.unscheduled.students.map((s) => s.studentNo).sort()).toEqual(rule13.unscheduled);
        } finally {
          t.dispose();
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
