import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An Ant Design form rule that runs the contract's zod schema for one field, so the form shows
 * exactly the message the core would return. `prefix` names the row in a form of several rows.
 */
export function zodRule(schema: z.ZodType, prefix = ''): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? undefined);
      if (!result.success) throw new Error(`${prefix}${result.error.issues[0]?.message}`);
    },
  };
}
