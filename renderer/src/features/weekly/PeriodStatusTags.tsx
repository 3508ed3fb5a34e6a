import { Space, Tag } from 'antd';
import {
  periodStatusLabels,
  type PeriodState,
  type PeriodStatus,
} from '../../../../shared/domain/weeklyReports';
import { t } from '../../i18n';

const colors: Record<PeriodStatus, string> = {
  unfiled: 'default',
  draft: 'processing',
  submitted: 'success',
  late: 'warning',
};

/** 未填 / 草稿 / 已报送 / 逾期报送, plus 已逾期 (past due, unsent), 填报中 and 更正中. */
export function PeriodStatusTags({ period }: { period: PeriodState }) {
  return (
    <Space size={4} wrap data-testid="period-status" data-status={period.status}>
      <Tag color={colors[period.status]}>{periodStatusLabels[period.status]}</Tag>
      {period.overdue && <Tag color="error">{t.weekly.overdueTag}</Tag>}
      {period.open && period.submittedAt === null && <Tag color="blue">{t.weekly.openTag}</Tag>}
      {period.correcting && <Tag color="purple">{t.weekly.correctingTag}</Tag>}
      {period.submittedRevisions > 1 && (
        <Tag>{t.weekly.revisionsTag(period.submittedRevisions)}</Tag>
      )}
    </Space>
  );
}
