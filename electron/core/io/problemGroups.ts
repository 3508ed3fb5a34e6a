import {
  IMPORT_GROUP_LIST_LIMIT,
  type ImportProblemGroup,
  type ImportRowError,
} from '../../../shared/contract/imports';

/**
 * Problems gathered by reason: one group per severity, column and reason, counting rows (a row
 * with two problems of one kind counts once). Errors come first; within each, the largest first.
 * `listed` makes the sentence of each problem a group lists (at most IMPORT_GROUP_LIST_LIMIT).
 */
export function groupProblems<P extends Omit<ImportRowError, 'message'>>(
  errors: readonly P[],
  warnings: readonly P[],
  listed: (problem: P) => ImportRowError,
): ImportProblemGroup[] {
  const groups = new Map<string, ImportProblemGroup>();
  const rowsOf = new Map<ImportProblemGroup, Set<number>>();
  const add = (severity: ImportProblemGroup['severity'], p: P) => {
    const key = `${severity}\u0001${p.field ?? ''}\u0001${p.group}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        severity,
        title: p.group,
        field: p.field,
        column: p.column,
        count: 0,
        problems: [],
      };
      groups.set(key, group);
      rowsOf.set(group, new Set());
    }
    const rows = rowsOf.get(group) as Set<number>;
    if (rows.has(p.rowNumber)) return;
    rows.add(p.rowNumber);
    group.count += 1;
    if (group.problems.length < IMPORT_GROUP_LIST_LIMIT) group.problems.push(listed(p));
  };
  const inFileOrder = (list: readonly P[]) => [...list].sort((a, b) => a.rowNumber - b.rowNumber);
  for (const p of inFileOrder(errors)) add('error', p);
  for (const p of inFileOrder(warnings)) add('warning', p);
  const rank = (g: ImportProblemGroup) => (g.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || b.count - a.count);
}
