import { describe, expect, it } from 'vitest';
import { weeklySettingsSchema } from '../../../shared/contract/weekly';
import { t } from '../../../renderer/src/i18n';

const shape = weeklySettingsSchema.shape;
const labels = t.weekly.fields;

describe('周报设置: a field and its message use the same words', () => {
  it.each([
    ['pilotStart', ''],
    ['cadence', 'monthly'],
    ['dueWeekday', 0],
    ['dueTime', '25'],
    ['notOnTimeThreshold', 0],
  ] as const)('%s', (field, wrong) => {
    const message = shape[field].safeParse(wrong).error?.issues[0]?.message;
    expect(message).toContain(labels[field]);
  });

  it('notOnTimeThreshold: the range message begins with the label', () => {
    expect(shape.notOnTimeThreshold.safeParse(1).error?.issues[0]?.message).toBe(
      `${labels.notOnTimeThreshold}应为 2–10 期之间的整数`,
    );
  });
});
