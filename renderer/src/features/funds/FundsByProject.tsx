import { Button, Card, Table, Typography } from 'antd';
import type { ProjectFunds } from '../../../../shared/contract/funds';
import { spendingCategoryLabels } from '../../../../shared/domain/funds';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';

const text = t.funds;
const f = text.fields;

/** The money of each project, all projects chosen: a project's name opens its own figures. */
export function FundsByProject({
  rows,
  onPick,
}: {
  rows: ProjectFunds[];
  onPick: (id: number) => void;
}) {
  const money = (v: number) => formatFen(v);
  return (
    <Card size="small" title={text.byProject} style={{ marginBottom: 16 }}>
      <Table<ProjectFunds>
        size="small"
        rowKey={(r) => r.projectId ?? 'none'}
        pagination={false}
        data-testid="funds-by-project"
        dataSource={rows}
        columns={[
          {
            title: f.projectId,
            dataIndex: 'label',
            render: (label: string, r) =>
              r.projectId === null ? (
                label
              ) : (
                <Button type="link" size="small" onClick={() => onPick(r.projectId!)}>
                  {label}
                </Button>
              ),
          },
          { title: text.income, dataIndex: 'incomeFen', align: 'right', render: money },
          {
            title: spendingCategoryLabels.exam,
            key: 'exam',
            align: 'right',
            render: (_, r) => money(r.spendingByCategory.exam),
          },
          { title: text.spending, dataIndex: 'spendingFen', align: 'right', render: money },
          {
            title: text.balance,
            dataIndex: 'balanceFen',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v < 0 ? 'danger' : undefined}>{money(v)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
