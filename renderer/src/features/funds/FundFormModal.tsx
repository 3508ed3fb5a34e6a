import { Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import {
  fundFields,
  incomeFields,
  spendingFields,
  type FundLine,
  type FundProjectOption,
  type FundSaveInput,
} from '../../../../shared/contract/funds';
import {
  enteredSpendingCategories,
  incomeSourceLabels,
  incomeSources,
  spendingCategoryLabels,
  type EnteredSpendingCategory,
  type FundDirection,
  type IncomeSource,
} from '../../../../shared/domain/funds';
import { fenToYuanText } from '../../../../shared/domain/money';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';
import { DateField, Field } from '../../components/formFields';

const text = t.funds;
const f = text.fields;

/** Named as the contract names them, so the core's field errors land on the fields. */
interface FormValues {
  projectId: number | null;
  source?: string;
  category?: string;
  amount: string;
  occurredOn: string | null;
  documentNo?: string;
  sourceName?: string;
  invoiceNo?: string;
  payee?: string;
  signupId?: number | null;
  note: string;
}

/** 登记收入 / 登记支出 (and their edits): one record of one project; 考核费 is never typed here. */
export function FundFormModal({
  direction,
  line,
  projects,
  projectId,
  onClose,
}: {
  direction: FundDirection;
  /** The record edited, or null for a new one. */
  line: FundLine | null;
  projects: FundProjectOption[];
  /** The project chosen on the page, proposed for a new record. */
  projectId: number | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const income = direction === 'income';
  const source = Form.useWatch('source', form);
  const studentFee = income && source === 'studentExamFee';
  const studentFees = useQuery('funds.studentFees', studentFee ? {} : null);

  const submit = async (values: FormValues) => {
    const common = {
      ...(line?.entryId ? { id: line.entryId } : {}),
      projectId: values.projectId ?? 0,
      amount: values.amount,
      occurredOn: values.occurredOn ?? '',
      note: values.note ?? '',
    };
    const input: FundSaveInput = income
      ? {
          direction: 'income',
          ...common,
          source: values.source as IncomeSource,
          documentNo: values.documentNo ?? '',
          sourceName: values.sourceName ?? '',
          signupId: studentFee ? (values.signupId ?? null) : null,
        }
      : {
          direction: 'spending',
          ...common,
          category: values.category as EnteredSpendingCategory,
          invoiceNo: values.invoiceNo ?? '',
          payee: values.payee ?? '',
        };
    setSaving(true);
    try {
      await mutate('funds.save', input);
      return text.saved;
    } finally {
      setSaving(false);
    }
  };

  const kindName = income ? 'source' : 'category';
  const referenceName = income ? 'documentNo' : 'invoiceNo';
  const partyName = income ? 'sourceName' : 'payee';
  const kinds: { value: string; label: string }[] = income
    ? incomeSources.map((s) => ({ value: s, label: incomeSourceLabels[s] }))
    : enteredSpendingCategories.map((c) => ({ value: c, label: spendingCategoryLabels[c] }));
  const title = income
    ? line
      ? text.editIncomeTitle
      : text.incomeTitle
    : line
      ? text.editSpendingTitle
      : text.spendingTitle;

  return (
    <FormModal<FormValues>
      form={form}
      name="fund"
      title={title}
      saving={saving}
      onSubmit={submit}
      onClose={onClose}
      initialValues={
        line
          ? {
              projectId: line.projectId,
              [kindName]: line.category,
              amount: fenToYuanText(line.amountFen),
              occurredOn: line.date,
              [referenceName]: line.reference,
              [partyName]: line.party,
              signupId: line.signupId,
              note: line.note,
            }
          : {
              projectId: projectId ?? (projects.length === 1 ? projects[0].id : null),
              [kindName]: income ? 'budget' : 'training',
              occurredOn: null,
              [referenceName]: '',
              [partyName]: '',
              signupId: null,
              note: '',
            }
      }
    >
      <Flex gap={16}>
        <Field name="projectId" label={f.projectId} required schema={fundFields.projectId} flex={2}>
          <Select
            id="fund-project"
            showSearch
            optionFilterProp="label"
            options={projects.map((p) => ({ value: p.id, label: p.label }))}
          />
        </Field>
        <Field
          name={kindName}
          label={income ? f.source : f.category}
          required
          schema={income ? incomeFields.source : spendingFields.category}
          flex={2}
        >
          <Select id="fund-kind" options={kinds} />
        </Field>
      </Flex>
      {studentFee && (
        <Form.Item name="signupId" label={f.signupId} required>
          <Select
            id="fund-signup"
            showSearch
            optionFilterProp="label"
            placeholder={text.signupPlaceholder}
            notFoundContent={studentFees.data?.length === 0 ? text.noStudentFees : undefined}
            loading={studentFees.state === 'loading'}
            options={(studentFees.data ?? []).map((o) => ({
              value: o.signupId,
              label: `${o.label} ${formatFen(o.feeFen)}${
                o.recordedBy !== null && o.recordedBy !== line?.entryId ? text.signupRecorded : ''
              }`,
            }))}
            onChange={(id: number) => {
              const o = studentFees.data?.find((x) => x.signupId === id);
              if (!o) return;
              if (!form.getFieldValue('amount')) {
                form.setFieldValue('amount', fenToYuanText(o.feeFen));
              }
              if (o.projectId !== null) form.setFieldValue('projectId', o.projectId);
            }}
          />
        </Form.Item>
      )}
      <Flex gap={16}>
        <Field name="amount" label={f.amount} required schema={fundFields.amount} flex={1}>
          <Input id="fund-amount" inputMode="decimal" />
        </Field>
        <DateField
          name="occurredOn"
          label={f.occurredOn}
          required
          schema={fundFields.occurredOn}
          flex={1}
        >
          <DateInput id="fund-date" />
        </DateField>
      </Flex>
      <Flex gap={16}>
        <Field
          name={partyName}
          label={income ? f.sourceName : f.payee}
          schema={income ? incomeFields.sourceName : spendingFields.payee}
          flex={1}
        >
          <Input id="fund-party" />
        </Field>
        <Field
          name={referenceName}
          label={income ? f.documentNo : f.invoiceNo}
          extra={income && source === 'award' ? f.documentNoHint : undefined}
          required={income && source === 'award'}
          schema={income ? incomeFields.documentNo : spendingFields.invoiceNo}
          flex={1}
        >
          <Input id="fund-reference" />
        </Field>
      </Flex>
      <Field name="note" label={f.note} schema={fundFields.note}>
        <Input.TextArea id="fund-note" rows={2} />
      </Field>
    </FormModal>
  );
}
