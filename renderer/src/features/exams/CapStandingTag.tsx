import { Tag, Tooltip } from 'antd';
import type { ExamBatch } from '../../../../shared/contract/exams';
import { t } from '../../i18n';

const text = t.exams;

/** How each standing that needs a look is shown; `within` and `free` show nothing. */
const shown = {
  over: {
    color: 'red',
    testId: 'batch-over-cap',
    words: text.overCap,
    short: text.overCapShort,
    why: (batch: ExamBatch) => batch.overLimit,
  },
  unchecked: {
    color: 'orange',
    testId: 'batch-cap-unchecked',
    words: text.capUnchecked,
    short: text.capUncheckedShort,
    why: () => text.capUncheckedWhy,
  },
} as const;

/**
 * A batch's rule-11 standing as the core judged it (`capStanding`), beside its fee on the batch
 * page and in the list, as the agreement tag is: red when over the figure in force, orange when
 * no figure applies so it cannot be checked; nothing when within. `compact` (a list's cell): a
 * short tag on the fee's line, the whole reason in its tooltip, so the row stays one line high.
 */
export function CapStandingTag({
  batch,
  compact = false,
}: {
  batch: ExamBatch;
  compact?: boolean;
}) {
  if (batch.capStanding !== 'over' && batch.capStanding !== 'unchecked') return null;
  const how = shown[batch.capStanding];
  return (
    <Tooltip title={how.why(batch)}>
      <Tag color={how.color} style={{ marginLeft: 8, marginInlineEnd: 0 }} data-testid={how.testId}>
        {compact ? how.short : how.words}
      </Tag>
    </Tooltip>
  );
}
