import type { Usage, UsageRef } from '../../shared/contract/usage';
import { CoreError } from './errors';

const MAX_EXAMPLES = 5;

/** One reference, counted and named from the referring rows' names. */
export function usageRef(
  ref: Omit<UsageRef, 'count' | 'examples'>,
  names: readonly string[],
): UsageRef | null {
  if (names.length === 0) return null;
  return { ...ref, count: names.length, examples: names.slice(0, MAX_EXAMPLES) };
}

/** Collects the references into a Usage with its one-sentence summary. */
export function describeUsage(refs: readonly (UsageRef | null)[]): Usage {
  const present = refs.filter((r): r is UsageRef => r !== null);
  if (present.length === 0) return { refs: [], summary: '' };
  const users = present
    .map((r) => {
      const more = r.count > r.examples.length ? ' 等' : '';
      return `${r.count} ${r.label}（${r.examples.join('、')}${more}）`;
    })
    .join('、');
  const consequences = present.map((r) => r.consequence).join('；');
  return { refs: present, summary: `关联了 ${users}。${consequences}。` };
}

/**
 * The rule every delete follows: a row nothing refers to is deleted; one that is referred to is
 * refused with IN_USE (details carry the usage) until the user confirms with `force`; a blocking
 * reference refuses even then.
 */
export function guardDelete(what: string, usage: Usage, force: boolean): void {
  if (usage.refs.length === 0) return;
  if (usage.refs.some((r) => r.onDelete === 'block')) {
    throw new CoreError('IN_USE', `${what}不能删除：它${usage.summary}`, { usage });
  }
  if (!force) {
    throw new CoreError('IN_USE', `${what}${usage.summary}确认后才能删除，未删除任何内容。`, {
      usage,
    });
  }
}
