import { Descriptions, Tag, Typography } from 'antd';
import type { ExamBatch } from '../../../../shared/contract/exams';
import { examFormLabels, limitText } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { attendanceCounts } from '../../../../shared/domain/signupFigures';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';
import { ExamSiteVerdict } from '../examSites/ExamSiteVerdict';
import { CapStandingTag } from './CapStandingTag';

const text = t.exams.detail;

/** The facts of one batch above its sign-ups: who runs it, where, the fee and its cap, turnout. */
export function BatchFacts({ batch }: { batch: ExamBatch }) {
  const turnout = attendanceCounts(batch.figures);
  return (
    <Descriptions
      size="small"
      // Three to a row below 1600 px: four squeezed the 考核站点 tag over its neighbour.
      column={{ xs: 1, sm: 2, md: 3, lg: 3, xl: 3, xxl: 4 }}
      style={{ marginBottom: 16 }}
    >
      <Descriptions.Item label={t.exams.fields.organization}>
        {batch.organization || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.siteId}>{batch.siteName || '—'}</Descriptions.Item>
      <Descriptions.Item label={t.examSites.verdict.label}>
        <ExamSiteVerdict verdict={batch.examSite} examDate={batch.examDate} />
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.feePerPerson}>
        <span data-testid="batch-fee">{formatFen(batch.feeFen)}</span>
        <CapStandingTag batch={batch} />
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.agreedFee}>
        <span data-testid="batch-agreed-fee">
          {batch.agreedFee === null
            ? t.exams.noAgreement
            : t.exams.agreedHint(
                formatFen(batch.agreedFee.feeFen),
                formatChineseDate(batch.agreedFee.agreedOn),
              )}
        </span>
        {batch.agreedFee !== null && batch.feeFen > batch.agreedFee.feeFen && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            {t.exams.aboveAgreement}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.signups}>
        {t.exams.signupCount(batch.activeCount, batch.capacity)}
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.feeTotal}>
        {/* One block: the withdrawn note goes under the total, not squeezed beside it. */}
        <div>
          <span data-testid="batch-fee-total" style={{ whiteSpace: 'nowrap' }}>
            {formatFen(batch.figures.feeFen)}
          </span>
          {batch.figures.withdrawn.signups > 0 && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {t.fees.withdrawnLine(
                String(batch.figures.withdrawn.signups),
                formatFen(batch.figures.withdrawn.feeFen),
              )}
            </Typography.Text>
          )}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={text.attendance.field} span={2}>
        <span data-testid="batch-attendance">
          {text.attendance.counts(
            turnout.expected,
            turnout.present,
            turnout.absent,
            turnout.violation,
          )}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.examForm}>
        {batch.examForm === null ? t.exams.noExamForm : examFormLabels[batch.examForm]}
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.scoring}>
        <span data-testid="batch-scoring">
          {t.exams.scoring(batch.passScore, batch.theoryWeight)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t.exams.fields.feeLimit} span={2}>
        <span data-testid="batch-fee-limit">
          {batch.feeLimit === null
            ? t.exams.noCapHint(formatChineseDate(batch.examDate))
            : t.exams.capHint(formatChineseDate(batch.examDate), limitText(batch.feeLimit))}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}
