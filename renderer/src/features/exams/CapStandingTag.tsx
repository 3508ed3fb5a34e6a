import { Tag, Tooltip } from 'antd';
import type { ExamBatch } from '../../../../shared/contract/exams';
import { t } from '../../i18n';

/**
 * A batch's rule-11 standing as the core judged it (`capStanding`), beside its fee on the batch
 * page and in the list, as the agreement tag is: red when over the figure in force, orange when
 * no figure applies so it cannot be checked; nothing when within.
 */
export function CapStandingTag({ batch }: { batch: ExamBatch }) {
  if (batch.capStanding === 'over') {
    return (
      <Tooltip title={batch.overLimit}>
        <Tag color="red" style={{ marginLeft: 8 }} data-testid="batch-over-cap">
          {t.exams.overCap}
        </Tag>
      </Tooltip>
    );
  }
  if (batch.capStanding === 'unchecked') {
    return (
      <Tag color="orange" style={{ marginLeft: 8 }} data-testid="batch-cap-unchecked">
        {t.exams.capUnchecked}
      </Tag>
    );
  }
  return null;
}
