import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import type { FundsOverview } from '../../../../shared/contract/funds';
import { amountsByKind, overspentText, type KindAmount } from '../../../../shared/domain/funds';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';

const text = t.funds;
const f = text.fields;

/** The totals of the year and project chosen, their warnings, and the money by kind. */
export function FundsSummary({ overview }: { overview: FundsOverview }) {
  const { totals } = overview;
  const overspent = totals.balanceFen < 0;
  const amounts = amountsByKind(totals);
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Card size="small">
            <Statistic title={text.income} value={formatFen(totals.incomeFen)} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic title={text.spending} value={formatFen(totals.spendingFen)} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small">
            <Statistic
              title={text.balance}
              value={formatFen(totals.balanceFen)}
              valueStyle={overspent ? { color: '#cf1322' } : undefined}
            />
          </Card>
        </Col>
      </Row>
      {overspent && (
        <Alert
          type="warning"
          showIcon
          data-testid="funds-overspent"
          message={text.overspent(overspentText(totals.balanceFen))}
          style={{ marginBottom: 12 }}
        />
      )}
      {totals.undocumented > 0 && (
        <Alert
          type="warning"
          showIcon
          message={text.undocumented(totals.undocumented)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={12}>
          <AmountsCard
            title={text.byCategory}
            kindTitle={text.category}
            testId="funds-by-category"
            rows={amounts.spending}
          />
        </Col>
        <Col span={12}>
          <AmountsCard title={text.bySource} kindTitle={f.source} rows={amounts.income} />
        </Col>
      </Row>
    </>
  );
}

/** A card with money by kind: the kind, and its amount on the right. */
function AmountsCard(props: {
  title: string;
  kindTitle: string;
  testId?: string;
  rows: KindAmount[];
}) {
  return (
    <Card size="small" title={props.title}>
      <Table<KindAmount>
        size="small"
        rowKey="key"
        pagination={false}
        data-testid={props.testId}
        dataSource={props.rows}
        columns={[
          { title: props.kindTitle, dataIndex: 'label' },
          {
            title: text.amount,
            dataIndex: 'fen',
            align: 'right',
            render: (v: number) => formatFen(v),
          },
        ]}
      />
    </Card>
  );
}
