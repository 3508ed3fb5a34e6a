import * as z from 'zod';
import type { FundTotals, ProjectFunds } from './funds';
import type { CertificateLevel } from '../domain/certificate';
import type { CountAndFee } from '../domain/signupFigures';
import type { AlertSummary, PeriodStatus } from '../domain/weeklyReports';
import type { ProjectCheck } from './projects';
import { schoolData, type TopicsOf } from './topics';

/** Sign-ups and results of one certificate level (withdrawn sign-ups left out). */
export interface ExamLevelStats {
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  signedUp: number;
  /** Sat the exam: 已考, 通过 and 未通过. */
  examined: number;
  passed: number;
  failed: number;
  absent: number;
  /** 违纪: in neither 实考 nor the pass rate. */
  violation: number;
  /** passed / (passed + failed); null before any result. */
  passRate: number | null;
  feeFen: { school: number; subsidy: number; student: number };
  /**
   * 最高收费: the most the level's worst batch under rule 11 charges (its own fee or a live
   * sign-up's), with the figure in force on its exam date (null: none, so not checkable); the
   * same standing (`batchCapStandings`) the problems list reads.
   */
  maxFeeFen: number | null;
  capFen: number | null;
  capDocument: string | null;
}

export interface Violation {
  /** What kind of rule, for grouping and icons. */
  kind:
    | 'selfCheck'
    | 'feeOverCap'
    | 'feeCapMissing'
    | 'feeAboveAgreement'
    | 'schoolPaid'
    | 'schoolPaidTodo'
    | 'weeklyReport'
    | 'fundsDocument'
    | 'fundsStudentMoney';
  title: string;
  detail: string;
  /** The page (hash route) where it is fixed, e.g. `projects/3`. */
  route: string;
}

export interface DashboardSummary {
  schoolSaved: boolean;
  projects: ProjectCheck[];
  exams: ExamLevelStats[];
  totals: {
    students: number;
    pilotStudents: number;
    signedUp: number;
    passed: number;
    /** 费用合计 of the live sign-ups, whoever pays (the ledger's and 汇总's figure). */
    feeTotalFen: number;
    feeFen: { school: number; subsidy: number; student: number };
    /** Withdrawn sign-ups, in none of the figures above. */
    withdrawn: CountAndFee;
  };
  weekly: {
    /** False until the 周报 settings (pilot start) exist. */
    configured: boolean;
    alert: AlertSummary;
    /** Every period so far, oldest first, for the compliance calendar. */
    periods: {
      start: string;
      end: string;
      label: string;
      status: PeriodStatus;
      overdue: boolean;
    }[];
  };
  violations: Violation[];
  /** 试点经费 of the current year (China time): by project, and in all. */
  funds: { year: number; byProject: ProjectFunds[]; totals: FundTotals };
}

export const dashboardContract = {
  'dashboard.summary': { input: z.object({}).strict(), output: {} as DashboardSummary },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const dashboardTopics = {
  'dashboard.summary': { reads: schoolData },
} as const satisfies TopicsOf<typeof dashboardContract>;
