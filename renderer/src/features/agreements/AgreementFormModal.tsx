import { Col, Form, Input, Row, Select, Typography } from 'antd';
import {
  agreementFields,
  type AgreementSaveInput,
  type FeeAgreement,
} from '../../../../shared/contract/agreements';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { limitText, type ExamForm } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { fenToYuan } from '../../../../shared/domain/money';
import { FormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { DateInput } from '../../components/DateInput';
import {
  CertificateLevelFields,
  ExamFormField,
  FeeField,
  usePickedLimit,
} from '../exams/formParts';
import { DateField, Field } from '../../components/formFields';

interface Values {
  certificateId?: number;
  level?: CertificateLevel;
  examForm?: ExamForm | null;
  fee?: number | null;
  agreedOn?: string | null;
  partnerSchools?: string[];
  note?: string;
}

interface Props extends RecordFormProps<FeeAgreement, AgreementSaveInput> {
  agreement: FeeAgreement | null;
}

/**
 * Create or edit a fee agreement: the cap in force on the agreement date for the exam form shows
 * beside the fee, checked as typed.
 */
export function AgreementFormModal({ agreement, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const text = t.agreements;
  const picked = usePickedLimit(form, 'agreedOn');
  const { limit, on: agreedOn } = picked;
  const noCap = picked.ready && limit === null;

  const save = async (values: Values): Promise<string> => {
    const input = {
      certificateId: values.certificateId,
      level: values.level,
      examForm: values.examForm ?? null,
      fee: values.fee ?? '',
      agreedOn: values.agreedOn ?? '',
      partnerSchools: (values.partnerSchools ?? []).map((s) => s.trim()).filter((s) => s !== ''),
      note: values.note ?? '',
    } as AgreementSaveInput;
    await onSave(agreement ? { ...input, id: agreement.id } : input);
    return text.saved;
  };

  return (
    <FormModal
      form={form}
      name="agreement"
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
      title={agreement ? text.editTitle : text.addTitle}
      width={680}
      saving={saving}
      onSubmit={save}
      onClose={onClose}
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
          <FeeField
            label={text.fields.fee}
            what={text.feeWhat}
            schema={agreementFields.fee}
            picked={picked}
          />
        </Col>
        <Field span={24} label={text.fields.cap}>
          <Typography.Text type={noCap ? 'danger' : undefined} data-testid="agreement-cap">
            {!picked.ready
              ? '—'
              : limit
                ? limitText(limit)
                : text.noCap(formatChineseDate(agreedOn!))}
          </Typography.Text>
        </Field>
        <DateField
          span={12}
          name="agreedOn"
          label={text.fields.agreedOn}
          required
          schema={agreementFields.agreedOn}
        >
          <DateInput />
        </DateField>
        <Field
          span={24}
          name="partnerSchools"
          label={text.fields.partnerSchools}
          schema={agreementFields.partnerSchools}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={['，', ',', '、']}
            placeholder={text.placeholders.partnerSchools}
          />
        </Field>
        <Field span={24} name="note" label={text.fields.note} schema={agreementFields.note}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}
