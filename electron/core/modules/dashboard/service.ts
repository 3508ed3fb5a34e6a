import type { DashboardSummary } from '../../../../shared/contract/dashboard';
import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';
import { projectChecks } from '../projects/repository';
import { examStats } from './examStats';
import { dashboardCounts } from './repository';
import { allSignupFigures } from '../fees/figures';
import { feeViolations } from '../fees/rules';
import { weeklyRepository } from '../weekly/repository';
import { weeklyStanding } from '../weekly/standing';
import { fundsOverview, studentMoneyProblems, undocumentedSpending } from '../funds/service';
import {
  feeRuleViolations,
  fundsViolations,
  selfCheckViolations,
  weeklyViolations,
} from './violations';

/** 首页: where the pilot stands, and every open rule violation with where to fix it. */
export function dashboardHandlers(ctx: CoreContext): HandlersFor<'dashboard.summary'> {
  const { db } = ctx;
  const weeklyRepo = weeklyRepository(db);
  const counts = dashboardCounts(db);
  return {
    'dashboard.summary': (): DashboardSummary => {
      const projects = projectChecks(db);
      const exams = examStats(db);
      const weekly = weeklyStanding(weeklyRepo, ctx.clock());
      const c = counts();
      const figures = allSignupFigures(db);
      const funds = fundsOverview(db, Number(ctx.today().slice(0, 4)), null);
      return {
        schoolSaved: c.school > 0,
        projects,
        exams,
        totals: {
          students: c.students,
          pilotStudents: c.pilot,
          signedUp: figures.signups,
          passed: figures.passed,
          feeTotalFen: figures.feeFen,
          feeFen: {
            school: figures.byPayer.school.feeFen,
            subsidy: figures.byPayer.subsidy.feeFen,
            student: figures.byPayer.student.feeFen,
          },
          withdrawn: figures.withdrawn,
        },
        weekly: {
          configured: weekly.settings !== null,
          alert: weekly.alert,
          periods: weekly.periods.map(({ start, end, label, status, overdue }) => ({
            start,
            end,
            label,
            status,
            overdue,
          })),
        },
        violations: [
          ...weeklyViolations(weekly.alert),
          ...feeRuleViolations(feeViolations(db)),
          ...selfCheckViolations(projects),
          ...fundsViolations(undocumentedSpending(db), studentMoneyProblems(db)),
        ],
        funds: { year: funds.year, byProject: funds.byProject, totals: funds.totals },
      };
    },
  };
}
