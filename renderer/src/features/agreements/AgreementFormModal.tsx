import { Col, Form, Input, Row, Select, Typography } from 'antd';
import {
  agreementFields,
  type AgreementSaveInput,
  type FeeAgreement,
} from '../../../../shared/contract/agreements';
import { limitText } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { fenToYuan } from '../../../../shared/domain/money';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { DateInput } from '../../components/DateInput';
import {
  CertificateLevelFields,
  ExamFormField,
  FeeField,
  feeInput,
  usePickedLimit,
  type FeeValues,
} from '../exams/formParts';
import { fieldsOf } from '../../components/formFields';

interface Values extends FeeValues {
  agreedOn?: string | null;
  partnerSchools?: string[];
  note?: string;
}

interface Props extends RecordFormProps<FeeAgreement, AgreementSaveInput> {
  agreement: FeeAgreement | null;
}

const { Field, DateField } = fieldsOf(t.agreements.fields, agreementFields);

function toInput(values: Values): AgreementSaveInput {
  return {
    ...feeInput(values),
    agreedOn: values.agreedOn ?? '',
    partnerSchools: (values.partnerSchools ?? []).map((s) => s.trim()).filter((s) => s !== ''),
    note: values.note ?? '',
  } as AgreementSaveInput;
}

/**
 * Create or edit a fee agreement: the cap in force on the agreement date for the exam form shows
 * beside the fee, checked as typed.
 */
export function AgreementFormModal({ agreement, ...dialog }: Props) {
  const [form] = Form.useForm<Values>();
  const text = t.agreements;
  const picked = usePickedLimit(form, 'agreedOn');
  const { limit, on: agreedOn } = picked;
  const noCap = picked.ready && limit === null;

  return (
    <RecordFormModal
      {...dialog}
      form={form}
      name="agreement"
      record={agreement}
      text={text}
      initialValues={
        agreement
          ? {
              certificateId: agreement.certificateId,
              level: agreement.level,
              examForm: agreement.examForm,
              fee: fenToYuan(agreement.feeFen),
              agreedOn: agreement.agreedOn,
              partnerSchools: agreement.partnerSchools,
              note: agreement.note,
            }
          : { partnerSchools: [] }
      }
      width={680}
      toInput={toInput}
    >
      <Row gutter={16}>
        <CertificateLevelFields
          picked={picked}
          labels={text.fields}
          schemas={agreementFields}
          levelRules={[
            {
              validator: async () => {
                if (noCap) throw new Error(text.noCap(formatChineseDate(agreedOn!)));
              },
            },
          ]}
        />
        <Col span={12}>
          <ExamFormField label={text.fields.examForm} />
        </Col>
        <Col span={12}>
          <FeeField text={text} schemas={agreementFields} picked={picked} />
        </Col>
        <Col span={24}>
          <Form.Item label={text.fields.cap}>
            <Typography.Text type={noCap ? 'danger' : undefined} data-testid="agreement-cap">
              {!picked.ready
                ? '—'
                : limit
                  ? limitText(limit)
                  : text.noCap(formatChineseDate(agreedOn!))}
            </Typography.Text>
          </Form.Item>
        </Col>
        <DateField span={12} name="agreedOn" required>
          <DateInput />
        </DateField>
        <Field span={24} name="partnerSchools">
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={['，', ',', '、']}
            placeholder={text.placeholders.partnerSchools}
          />
        </Field>
        <Field span={24} name="note">
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </RecordFormModal>
  );
}
