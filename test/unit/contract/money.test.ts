import { describe, expect, it } from 'vitest';
import { agreementFields } from '../../../shared/contract/agreements';
import { batchFields } from '../../../shared/contract/exams';
import { paymentFields } from '../../../shared/contract/fees';
import { fundFields } from '../../../shared/contract/funds';
import { equipmentFields } from '../../../shared/contract/rooms';

const messages = (
  schema: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } },
  value: unknown,
) => schema.safeParse(value).error?.issues.map((i) => i.message);

describe('money fields: one message, the right one', () => {
  const fields = [
    ['金额', fundFields.amount],
    ['金额', paymentFields.amount],
    ['每人考核费', batchFields.fee],
    ['协商费用', agreementFields.fee],
    ['设备单价', equipmentFields.unitValue],
  ] as const;

  it.each(fields)('%s: nothing typed (absent, or a blank box) says 请填写', (label, schema) => {
    for (const value of [undefined, null, '', '   ']) {
      expect(messages(schema, value)).toEqual([`请填写${label}`]);
    }
  });

  it.each(fields)('%s: a wrong amount says only what is wrong with it', (label, schema) => {
    for (const value of [-5, '-5', ' -2400.50 ']) {
      expect(messages(schema, value)).toEqual([`${label}不能是负数`]);
    }
    for (const value of ['abc', '12.345', '-abc', '-']) {
      expect(messages(schema, value)).toEqual([
        `${label}应以元为单位，最多两位小数，例如 12800 或 12800.50`,
      ]);
    }
  });
});
