import { Tag, Tooltip } from 'antd';
import type { ExamBatch } from '../../../../shared/contract/exams';
import { t } from '../../i18n';

const text = t.exams;

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
  const style = { marginLeft: 8, marginInlineEnd: 0 };
  if (batch.capStanding === 'over') {
    return (
      <Tooltip title={batch.overLimit}>
        <Tag color="red" style={style} data-testid="batch-over-cap">
          {compact ? text.overCapShort : text.overCap}
        </Tag>
      </Tooltip>
    );
  }
  if (batch.capStanding === 'unchecked') {
    return (
      <Tooltip title={text.capUncheckedWhy}>
        <Tag color="orange" style={style} data-testid="batch-cap-unchecked">
          {compact ? text.capUncheckedShort : text.capUnchecked}
        </Tag>
      </Tooltip>
    );
  }
  return null;
}
