import { Card, Col, Row, Statistic, Typography } from 'antd';
import { formatShare, type TeacherStats as Stats } from '../../../../shared/domain/teachers';
import { t } from '../../i18n';

interface Props {
  stats: Stats;
  filtered: boolean;
}

/** The counts the notice's teacher conditions are built on, for the list as filtered. */
export function TeacherStats({ stats, filtered }: Props) {
  const s = t.teachers.stats;
  const cell = (testId: string, title: string, value: number, extra?: string) => (
    <Col xs={12} md={6}>
      <Card size="small" data-testid={testId}>
        <Statistic title={title} value={value} suffix={s.people} />
        {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
      </Card>
    </Col>
  );
  return (
    <div style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        {cell('stat-total', s.total, stats.total)}
        {cell(
          'stat-dual',
          s.dualQualified,
          stats.dualQualified,
          s.dualQualifiedRatio(formatShare(stats.dualQualified, stats.total)),
        )}
        {cell('stat-independent', s.fullTimeIndependent, stats.fullTimeIndependent)}
        {cell('stat-assessors', s.assessors, stats.assessors)}
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        <span data-testid="stat-scope">{filtered ? s.scopeFiltered : s.scopeAll}</span>
        {'。'}
        {s.noticeHint}
      </Typography.Paragraph>
    </div>
  );
}
