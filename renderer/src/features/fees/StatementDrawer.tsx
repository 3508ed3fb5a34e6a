import { Alert, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import type { StatementSignup } from '../../../../shared/contract/fees';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { payerLabels, signupStatusLabels } from '../../../../shared/domain/fees';
import { AuditHistory } from '../../components/AuditHistory';
import { formatDate, formatFen } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { PrintButton } from '../../components/PrintButton';
import { invoke } from '../../api/client';
import { t } from '../../i18n';
import { useQuery } from '../../api/useQuery';

const text = t.fees.statement;
const c = t.fees.columns;

/** 学生费用明细: one student's sign-ups, who pays what, and the history of changes. */
export function StatementDrawer({
  studentId,
  onClose,
}: {
  studentId: number;
  onClose: () => void;
}) {
  const { data, state, error, retry } = useQuery('fees.statement', { studentId });
  const s = data?.student;
  return (
    <Drawer
      open
      width={880}
      onClose={onClose}
      title={s ? text.title(s.name, s.studentNo) : t.common.loading}
      extra={
        <PrintButton
          load={() => invoke('fees.statementPdf', { studentId })}
          testId="statement-print"
        >
          {text.print}
        </PrintButton>
      }
      data-testid="fees-statement"
    >
      <LoadState state={state} error={error} onRetry={retry}>
        {data && s && (
          <>
            {data.schoolPaid === 'selfPaidOnly' && (
              <Alert type="error" showIcon message={text.violation} style={{ marginBottom: 12 }} />
            )}
            {data.schoolPaid === 'unscheduled' && (
              <Alert
                type="warning"
                showIcon
                message={text.unscheduled}
                style={{ marginBottom: 12 }}
              />
            )}
            <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
              <Descriptions.Item label={c.studentNo}>{s.studentNo}</Descriptions.Item>
              <Descriptions.Item label={c.className}>{s.className || '—'}</Descriptions.Item>
              <Descriptions.Item label={text.kind}>
                {s.pilot ? <Tag color="green">{text.pilot}</Tag> : <Tag>{text.notPilot}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={text.schoolPaid}>
                <Typography.Text strong data-testid="statement-school">
                  {formatFen(data.schoolPaidFen)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={text.studentPaid}>
                <Typography.Text strong data-testid="statement-student">
                  {formatFen(data.studentPaidFen)}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Table<StatementSignup>
              rowKey="id"
              size="small"
              pagination={false}
              locale={{ emptyText: text.empty }}
              dataSource={data.signups}
              style={{ marginBottom: 16 }}
              columns={[
                { title: c.batch, dataIndex: 'batchLabel', ellipsis: true },
                {
                  title: c.level,
                  dataIndex: 'level',
                  width: 64,
                  render: (l: StatementSignup['level']) => certificateLevelLabels[l],
                },
                {
                  title: c.examDate,
                  dataIndex: 'examDate',
                  width: 130,
                  render: (d: string) => formatDate(d),
                },
                {
                  title: c.status,
                  dataIndex: 'status',
                  width: 80,
                  render: (v: StatementSignup['status']) => signupStatusLabels[v],
                },
                {
                  title: c.payer,
                  dataIndex: 'payer',
                  width: 120,
                  render: (v: StatementSignup['payer']) => payerLabels[v],
                },
                {
                  title: c.fee,
                  dataIndex: 'feeFen',
                  width: 110,
                  align: 'right',
                  render: (v: number) => formatFen(v),
                },
              ]}
            />
            <Typography.Title level={5}>{text.history}</Typography.Title>
            <AuditHistory source={{ kind: 'student', id: studentId }} />
          </>
        )}
      </LoadState>
    </Drawer>
  );
}
