import { Card, Col, Row, Statistic, Typography } from 'antd';
import { defaultThresholds } from '../../../../shared/domain/thresholds';
import { formatShare, type TeacherStats as Stats } from '../../../../shared/domain/teachers';
import { t } from '../../i18n';

interface Props {
  stats: Stats;
  filtered: boolean;
}

/** The counts the notice's teacher conditions are built on, for the list as filtered. */
export function TeacherStats({ stats, filtered }: Props) {
  const s = t.teachers.stats;
  const cell = (testId: string, title: string, value: number, extra: string) => (
    <Col xs={12} md={6}>
      <Card size="small" data-testid={testId} style={{ height: '100%' }}>
        <Statistic title={title} value={value} suffix={s.people} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {extra}
        </Typography.Text>
      </Card>
    </Col>
  );
  return (
    <div style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        {cell('stat-total', s.total, stats.total, s.fullTimeCount(stats.fullTime))}
        {cell(
          'stat-dual',
          s.dualQualified,
          stats.dualQualified,
          s.dualQualifiedRatio(formatShare(stats.dualQualified, stats.total)),
        )}
        {cell(
          'stat-independent',
          s.fullTimeIndependent,
          stats.fullTimeIndependent,
          s.independentHint,
        )}
        {cell('stat-assessors', s.assessors, stats.assessors, s.assessorsHint)}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        <span data-testid="stat-scope">{filtered ? s.scopeFiltered : s.scopeAll}</span>
        {'。'}
        {s.noticeHint(
          defaultThresholds.dualQualifiedPercent,
          defaultThresholds.minIndependentFullTimeTeachers,
        )}
      </Typography.Paragraph>
    </div>
  );
}
