import { Card, Table, Typography } from 'antd';
import type { TotalsRow } from '../../../../shared/contract/fees';
import { payerLabels } from '../../../../shared/domain/fees';
import { formatCount, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { t } from '../../i18n';
import { useQuery } from '../../api/useQuery';

const text = t.fees.totals;
const money = (v: number) => formatFen(v);

function TotalsTable({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: TotalsRow[];
  testId: string;
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      <Table<TotalsRow>
        rowKey="key"
        size="small"
        data-testid={testId}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: text.empty }}
        dataSource={rows}
        columns={[
          { title: text.label, dataIndex: 'label', ellipsis: true },
          {
            title: text.signups,
            dataIndex: 'signups',
            width: 90,
            align: 'right',
            render: formatCount,
            sorter: (a, b) => a.signups - b.signups,
          },
          {
            title: payerLabels.school,
            dataIndex: 'schoolFen',
            width: 150,
            align: 'right',
            render: money,
          },
          {
            title: payerLabels.subsidy,
            dataIndex: 'subsidyFen',
            width: 150,
            align: 'right',
            render: money,
          },
          {
            title: payerLabels.student,
            dataIndex: 'studentFen',
            width: 150,
            align: 'right',
            render: money,
          },
          {
            title: text.total,
            dataIndex: 'totalFen',
            width: 150,
            align: 'right',
            render: money,
            sorter: (a, b) => a.totalFen - b.totalFen,
          },
        ]}
      />
    </Card>
  );
}

/** 汇总: fees of the non-withdrawn sign-ups by certificate, level, major and payer. */
export function TotalsTab() {
  const { data, state, error, retry } = useQuery('fees.totals', {});
  return (
    <LoadState state={state} error={error} onRetry={retry}>
      {data && (
        <>
          <Typography.Paragraph data-testid="totals-all">
            {text.all(formatCount(data.all.signups), formatFen(data.all.totalFen))}
          </Typography.Paragraph>
          {data.withdrawn.signups > 0 && (
            <Typography.Paragraph type="secondary" data-testid="totals-withdrawn">
              {text.withdrawn(
                formatCount(data.withdrawn.signups),
                formatFen(data.withdrawn.feeFen),
              )}
            </Typography.Paragraph>
          )}
          <TotalsTable title={text.byPayer} rows={data.byPayer} testId="totals-payer" />
          <TotalsTable
            title={text.byCertificate}
            rows={data.byCertificate}
            testId="totals-certificate"
          />
          <TotalsTable title={text.byLevel} rows={data.byLevel} testId="totals-level" />
          <TotalsTable title={text.byMajor} rows={data.byMajor} testId="totals-major" />
        </>
      )}
    </LoadState>
  );
}
