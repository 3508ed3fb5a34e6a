import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An Ant Design form rule that runs the contract's zod schema for one field, so the form shows
 * exactly the message the core would return.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? undefined);
      if (!result.success) throw new Error(result.error.issues[0]?.message);
    },
  };
}
