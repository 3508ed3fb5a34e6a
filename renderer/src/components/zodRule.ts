import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An Ant Design form rule that runs the contract's zod schema for one field, so the form shows
 * exactly the message the core would return, then `check` (a domain rule the core also runs) on
 * the parsed value, so the form says it before 保存. `prefix` names the row in a form of several
 * rows.
 */
export function zodRule<S extends z.ZodType>(
  schema: S,
  prefix = '',
  check?: (value: z.output<S>) => string | null,
): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? undefined);
      if (!result.success) throw new Error(`${prefix}${result.error.issues[0]?.message}`);
      const problem = check?.(result.data);
      if (problem) throw new Error(`${prefix}${problem}`);
    },
  };
}
