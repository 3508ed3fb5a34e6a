import { isoWeek } from '../../../../shared/domain/calendar';
import { examYear } from '../../../../shared/domain/exams';
import type { PilotProgress } from '../../../../shared/domain/funds';
import type { CoreContext } from '../../context';
import { loadBatches } from '../fees/batches';
import { figuresByBatch } from '../fees/figures';
import { weeklyRepository } from '../weekly/repository';
import { weeklyStanding } from '../weekly/standing';
import {
  issuedCountOfBatches,
  majorCountOfProjects,
  pilotStudentCount,
  standingProjectIds,
} from './progressRepository';

/**
 * 试点推进情况 of `year`, each figure from its one definition: the sign-up figures of the batches
 * examined in the year (`figuresByBatch`, withdrawn ones apart), the students flagged 试点学生,
 * and the weekly calendar (`weeklyStanding`) for the periods of the year already due or sent.
 */
export function pilotProgress(ctx: CoreContext, year: number): PilotProgress {
  const { db } = ctx;
  const projects = standingProjectIds(db, year);
  const pilotMajors = majorCountOfProjects(db, projects);
  const pilotStudents = pilotStudentCount(db);
  const batches = loadBatches(db);
  const ofYear = [...batches.values()]
    .filter((b) => examYear(b.examDate) === year)
    .map((b) => b.id);
  let signups = 0;
  let passed = 0;
  const figures = figuresByBatch(db);
  for (const id of ofYear) {
    const f = figures.get(id);
    signups += f?.signups ?? 0;
    passed += f?.passed ?? 0;
  }
  const certificates = issuedCountOfBatches(db, ofYear);
  // A report sent before its due time is on time already: it counts as due and 按时报送, as 周报
  // counts it, rather than waiting for its deadline to pass. A period belongs to the year its
  // label names (the ISO week-year of its first week): Monday 2025-12-29 is 2026年第1周.
  const due = weeklyStanding(weeklyRepository(db), ctx.clock()).periods.filter(
    (p) => isoWeek(p.start).year === year && (!p.open || p.status === 'submitted'),
  );
  const count = (status: string) => due.filter((p) => p.status === status).length;
  return {
    year,
    projects: projects.length,
    pilotMajors,
    pilotStudents,
    signups,
    passed,
    certificates,
    weekly: {
      due: due.length,
      onTime: count('submitted'),
      late: count('late'),
      notFiled: due.length - count('submitted') - count('late'),
    },
  };
}
