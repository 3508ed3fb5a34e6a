import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { ActionLink, ConfirmLink } from '../../components/RowActions';
import { useState, type CSSProperties } from 'react';
import {
  paymentFields,
  type Payment,
  type PaymentSaveInput,
  type ReconcileRow,
} from '../../../../shared/contract/fees';
import { fenToYuanText } from '../../../../shared/domain/money';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { DataTable } from '../../components/DataTable';
import { DateInput } from '../../components/DateInput';
import { formatFen } from '../../components/format';
import { dateColumn, numberColumn } from '../../components/sortedColumns';
import { FormModal } from '../../components/FormModal';
import { LoadState } from '../../components/LoadState';
import { t } from '../../i18n';
import { useLedgerFacets } from './feesStore';
import { useQuery } from '../../api/useQuery';
import { SuggestInput } from '../../components/SuggestInput';
import { DateField, Field } from '../../components/formFields';

const text = t.fees.payments;
const f = text.fields;

interface FormValues {
  organization: string;
  batchId: number | null;
  invoiceNo: string;
  amount: string;
  paidOn: string | null;
  note: string;
}

function PaymentModal({ payment, onClose }: { payment: Payment | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const facets = useLedgerFacets().data;
  const organizations = [
    ...new Set((facets?.batches ?? []).map((b) => b.organization).filter(Boolean)),
  ];
  const submit = async (values: FormValues) => {
    const input: PaymentSaveInput = {
      ...(payment ? { id: payment.id } : {}),
      organization: values.organization,
      batchId: values.batchId ?? null,
      invoiceNo: values.invoiceNo ?? '',
      amount: values.amount,
      paidOn: values.paidOn ?? '',
      note: values.note ?? '',
    };
    setSaving(true);
    try {
      await mutate('fees.savePayment', input);
      return text.saved;
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormModal<FormValues>
      form={form}
      name="payment"
      title={payment ? text.editTitle : text.addTitle}
      width={520}
      saving={saving}
      onSubmit={submit}
      onClose={onClose}
      initialValues={
        payment
          ? {
              ...payment,
              amount: fenToYuanText(payment.amountFen),
              paidOn: payment.paidOn,
            }
          : { batchId: null, paidOn: null, invoiceNo: '', note: '' }
      }
    >
      <Field
        name="organization"
        label={f.organization}
        schema={paymentFields.organization}
        required
      >
        <SuggestInput
          id="payment-organization"
          options={organizations.map((o) => ({ value: o }))}
        />
      </Field>
      <Form.Item name="batchId" label={f.batchId}>
        <Select
          id="payment-batch"
          allowClear
          placeholder={text.batchPlaceholder}
          optionFilterProp="label"
          showSearch
          options={(facets?.batches ?? []).map((b) => ({ value: b.id, label: b.label }))}
          onChange={(id: number | undefined) => {
            const b = facets?.batches.find((x) => x.id === id);
            if (b?.organization && !form.getFieldValue('organization'))
              form.setFieldValue('organization', b.organization);
          }}
        />
      </Form.Item>
      <Flex gap={16}>
        <Field name="invoiceNo" label={f.invoiceNo} schema={paymentFields.invoiceNo} flex={1}>
          <Input id="payment-invoice" />
        </Field>
        <Field name="amount" label={f.amount} schema={paymentFields.amount} required flex={1}>
          <Input id="payment-amount" inputMode="decimal" />
        </Field>
        <DateField name="paidOn" label={f.paidOn} required schema={paymentFields.paidOn} flex={1}>
          <DateInput id="payment-date" />
        </DateField>
      </Flex>
      <Field name="note" label={f.note} schema={paymentFields.note}>
        <Input.TextArea id="payment-note" rows={2} />
      </Field>
    </FormModal>
  );
}

const reconcileColumns = (first: string) => [
  { title: first, dataIndex: 'label' },
  { title: text.signups, dataIndex: 'signups', width: 80, align: 'right' as const },
  {
    title: text.due,
    dataIndex: 'dueFen',
    width: 190,
    align: 'right' as const,
    render: (v: number) => formatFen(v),
  },
  {
    title: text.paid,
    dataIndex: 'paidFen',
    width: 130,
    align: 'right' as const,
    render: (v: number) => formatFen(v),
  },
  {
    title: text.difference,
    dataIndex: 'differenceFen',
    width: 170,
    align: 'right' as const,
    render: (v: number) =>
      v === 0 ? (
        <Typography.Text type="success">{text.settled}</Typography.Text>
      ) : (
        // Said in words: a bare “-¥500.00” read as money still owed.
        <Typography.Text type={v > 0 ? 'danger' : 'warning'}>
          {v > 0 ? text.toPay(formatFen(v)) : text.overpaid(formatFen(-v))}
        </Typography.Text>
      ),
  },
];

/** 缴费与对账: payments to evaluation organizations and what is still due. */
/** One breakdown of the reconciliation (by batch or by organization), `first` naming its key. */
function ReconcileTable({
  testId,
  rows,
  first,
  style,
}: {
  testId: string;
  rows: ReconcileRow[];
  first: string;
  style?: CSSProperties;
}) {
  return (
    <Table<ReconcileRow>
      rowKey="key"
      size="small"
      data-testid={testId}
      pagination={false}
      locale={{ emptyText: text.reconcileEmpty }}
      dataSource={rows}
      columns={reconcileColumns(first)}
      style={style}
    />
  );
}

export function PaymentsTab() {
  const { message } = App.useApp();
  const payments = useQuery('fees.payments', {});
  const reconcile = useQuery('fees.reconcile', {});
  const [editing, setEditing] = useState<Payment | 'new' | null>(null);
  const remove = async (p: Payment) => {
    try {
      await mutate('fees.deletePayment', { id: p.id });
      message.success(text.deleted);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };
  const r = reconcile.data;
  return (
    <>
      <Card
        size="small"
        title={text.title}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {text.add}
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <LoadState state={payments.state} error={payments.error} onRetry={payments.retry}>
          <DataTable<Payment>
            rowKey="id"
            size="small"
            data-testid="payments-table"
            dataSource={payments.data ?? []}
            emptyHint={text.empty}
            columns={[
              dateColumn('paidOn', f.paidOn, 130),
              { title: f.organization, dataIndex: 'organization', ellipsis: true },
              {
                title: f.batchId,
                dataIndex: 'batchLabel',
                ellipsis: true,
                render: (l: string | null) => l ?? '—',
              },
              { title: f.invoiceNo, dataIndex: 'invoiceNo', width: 140 },
              numberColumn('amountFen', f.amount, 130, formatFen),
              {
                title: t.common.actions,
                width: 120,
                render: (_, p) => (
                  <Flex gap={8}>
                    <ActionLink onClick={() => setEditing(p)}>{t.common.edit}</ActionLink>
                    <ConfirmLink
                      title={text.deleteConfirm(`${p.organization} ${formatFen(p.amountFen)}`)}
                      onConfirm={() => void remove(p)}
                    >
                      {t.common.delete}
                    </ConfirmLink>
                  </Flex>
                ),
              },
            ]}
          />
        </LoadState>
      </Card>
      <Card size="small" title={text.reconcileTitle}>
        <LoadState state={reconcile.state} error={reconcile.error} onRetry={reconcile.retry}>
          <Typography.Paragraph type="secondary">{text.reconcileBasis}</Typography.Paragraph>
          {r && r.unassignedFen > 0 && (
            <Typography.Paragraph type="secondary">
              {text.unassigned(formatFen(r.unassignedFen))}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5}>{text.byBatch}</Typography.Title>
          <ReconcileTable
            testId="reconcile-batch"
            rows={r?.byBatch ?? []}
            first={f.batchId}
            style={{ marginBottom: 16 }}
          />
          <Typography.Title level={5}>{text.byOrganization}</Typography.Title>
          <ReconcileTable
            testId="reconcile-organization"
            rows={r?.byOrganization ?? []}
            first={f.organization}
          />
        </LoadState>
      </Card>
      {editing && (
        <PaymentModal
          payment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
