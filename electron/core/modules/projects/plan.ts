import {
  commitments,
  planSections,
  type Commitment,
  type ImplementationPlan,
} from '../../../../shared/domain/implementationPlan';

/** The plan as stored (JSON), with every section present. */
export function parsePlan(json: string): ImplementationPlan {
  const stored = JSON.parse(json) as Partial<Record<string, unknown>>;
  return Object.fromEntries(
    planSections.map((s) => [s, typeof stored[s] === 'string' ? stored[s] : '']),
  ) as ImplementationPlan;
}

export function parseCommitments(json: string): Record<Commitment, boolean> {
  const stored = JSON.parse(json) as Partial<Record<string, unknown>>;
  return Object.fromEntries(commitments.map((c) => [c, stored[c] === true])) as Record<
    Commitment,
    boolean
  >;
}
