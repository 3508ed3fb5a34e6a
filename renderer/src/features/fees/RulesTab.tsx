import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import type {
  AboveAgreementViolation,
  CapMissingViolation,
  OverCapViolation,
  SchoolPaidViolation,
} from '../../../../shared/contract/fees';
import { examFormLabels } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { payerLabels, signupStatusLabels } from '../../../../shared/domain/fees';
import { useNavigation } from '../../app/navigationStore';
import { formatFen } from '../../components/format';
import { noWrap } from '../../components/noWrap';
import { LoadState } from '../../components/LoadState';
import { t } from '../../i18n';
import { useQuery } from '../../api/useQuery';
import type { ColumnType } from 'antd/es/table';

const text = t.fees.rules;
const c = t.fees.columns;

/** An amount in fen, right-aligned as money. */
function moneyColumn<T>(title: string, dataIndex: keyof T & string): ColumnType<T> {
  return { title, dataIndex, width: 120, align: 'right', render: (f: number) => formatFen(f) };
}

/** What a rule found: twenty to a page, with no pager while it fits on one. */
function FoundTable<T extends object>(props: TableProps<T>) {
  return <Table<T> size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} {...props} />;
}

/** Pilot students under rule 13, each with every sign-up (withdrawn ones included). */
function PilotStudents({
  students,
  link,
}: {
  students: SchoolPaidViolation[];
  link: (id: number, label: string) => ReactNode;
}) {
  return (
    <FoundTable<SchoolPaidViolation>
      rowKey="studentId"
      dataSource={students}
      columns={[
        { title: c.studentNo, dataIndex: 'studentNo', width: 130, render: noWrap },
        { title: c.name, width: 120, render: (_, v) => link(v.studentId, v.name) },
        { title: c.className, dataIndex: 'className', width: 120 },
        {
          title: text.signups,
          render: (_, v) =>
            v.signups.length === 0
              ? text.noSignups
              : v.signups.map((g) => (
                  <div key={g.id}>
                    {g.batchLabel} · {signupStatusLabels[g.status]} · {payerLabels[g.payer]} ·{' '}
                    {formatFen(g.feeFen)}
                  </div>
                )),
        },
      ]}
    />
  );
}

/**
 * One rule's card: a green line when nothing is found, otherwise the count (red for a breach,
 * orange for a to-do) above the list of what was found.
 */
function RuleCard({
  title,
  testId,
  found,
  ok,
  count,
  level,
  description,
  children,
}: {
  title: string;
  testId: string;
  /** Null while the answer is on its way. */
  found: number | null;
  ok: string;
  count: string;
  level: 'error' | 'warning';
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {found === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={ok} />
      ) : (
        <>
          <Alert
            type={level}
            showIcon
            icon={level === 'error' ? <WarningOutlined /> : undefined}
            message={count}
            description={description}
            style={{ marginBottom: 12 }}
          />
          {children}
        </>
      )}
    </Card>
  );
}

/**
 * 规则检查: rule 13 (a school-paid exam for every pilot student: violations 只有自费, and the
 * to-do 尚未安排 apart) and rule 11 (caps: fees over them, and fees no cap applies to, which
 * cannot be checked).
 */
export function RulesTab() {
  const { data, state, error, retry } = useQuery('fees.violations', {});
  const go = useNavigation((s) => s.go);
  const student = (id: number, label: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() => go(`fees/rules/student/${id}`)}
    >
      {label}
    </Button>
  );
  const overCap = data?.overCap ?? [];
  const capMissing = data?.capMissing ?? [];
  return (
    <LoadState state={state} error={error} onRetry={retry}>
      <Button onClick={retry} style={{ marginBottom: 12 }}>
        {text.refresh}
      </Button>
      <RuleCard
        title={text.schoolPaidTitle}
        testId="rule-school-paid"
        found={data ? data.schoolPaid.length : null}
        ok={text.schoolPaidOk}
        count={text.schoolPaidCount(data?.schoolPaid.length ?? 0)}
        level="error"
      >
        <PilotStudents students={data?.schoolPaid ?? []} link={student} />
      </RuleCard>
      <RuleCard
        title={text.unscheduledTitle}
        testId="rule-unscheduled"
        found={data ? data.unscheduled.count : null}
        ok={text.unscheduledOk}
        count={text.unscheduledCount(data?.unscheduled.count ?? 0)}
        level="warning"
        description={
          data && data.unscheduled.count > data.unscheduled.students.length
            ? text.unscheduledListed(data.unscheduled.students.length, data.unscheduled.count)
            : undefined
        }
      >
        <PilotStudents students={data?.unscheduled.students ?? []} link={student} />
      </RuleCard>
      <RuleCard
        title={text.overCapTitle}
        testId="rule-over-cap"
        found={data ? overCap.length + capMissing.length : null}
        ok={text.overCapOk}
        count={[
          overCap.length > 0
            ? text.overCapCount(
                overCap.filter((v) => v.kind === 'batch').length,
                overCap.filter((v) => v.kind === 'signup').length,
              )
            : '',
          capMissing.length > 0 ? text.capMissingCount(capMissing.length) : '',
        ]
          .filter(Boolean)
          .join('；')}
        level={overCap.length > 0 ? 'error' : 'warning'}
      >
        {overCap.length > 0 && (
          <FoundTable<OverCapViolation>
            rowKey={(v) => `${v.kind}-${v.id}`}
            dataSource={overCap}
            columns={[
              {
                title: c.batch,
                render: (_, v) =>
                  v.kind === 'batch' ? (
                    <Tag color="red">{text.batchItem(v.batchLabel)}</Tag>
                  ) : (
                    <span>
                      {student(v.studentId ?? 0, `${v.name}（${v.studentNo}）`)} · {v.batchLabel}
                    </span>
                  ),
              },
              moneyColumn<OverCapViolation>(c.fee, 'feeFen'),
              moneyColumn<OverCapViolation>(c.cap, 'capFen'),
              {
                title: c.capDocument,
                dataIndex: 'limitText',
                width: 280,
                render: (d: string) => <Typography.Text type="secondary">{d}</Typography.Text>,
              },
            ]}
          />
        )}
        {capMissing.length > 0 && (
          <FoundTable<CapMissingViolation>
            rowKey="batchId"
            dataSource={capMissing}
            data-testid="rule-cap-missing"
            columns={[
              {
                title: c.batch,
                render: (_, v) => <Tag color="orange">{text.batchItem(v.batchLabel)}</Tag>,
              },
              {
                title: t.exams.fields.examForm,
                width: 110,
                render: (_, v) =>
                  v.examForm === null ? t.exams.noExamForm : examFormLabels[v.examForm],
              },
              moneyColumn<CapMissingViolation>(c.fee, 'feeFen'),
              { title: c.cap, width: 160, render: () => text.capMissingCap },
            ]}
          />
        )}
      </RuleCard>
      <RuleCard
        title={text.aboveAgreementTitle}
        testId="rule-above-agreement"
        found={data ? data.aboveAgreement.length : null}
        ok={text.aboveAgreementOk}
        count={text.aboveAgreementCount(data?.aboveAgreement.length ?? 0)}
        level="warning"
      >
        <FoundTable<AboveAgreementViolation>
          rowKey="batchId"
          dataSource={data?.aboveAgreement ?? []}
          columns={[
            { title: c.batch, dataIndex: 'batchLabel' },
            moneyColumn<AboveAgreementViolation>(c.fee, 'feeFen'),
            {
              title: text.agreedFee,
              width: 260,
              render: (_, v) =>
                text.agreedOn(formatFen(v.agreedFen), formatChineseDate(v.agreedOn)),
            },
          ]}
        />
      </RuleCard>
    </LoadState>
  );
}
