import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import {
  agreementFields,
  type AgreementSaveInput,
  type FeeAgreement,
} from '../../../../shared/contract/exams';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { fenToYuan } from '../../../../shared/domain/money';
import { FormModal } from '../../components/FormModal';
import { formatFen } from '../../components/format';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { useExamRefs } from '../exams/examsStore';
import { dateProps } from '../../components/dateProps';
import { CertificateLevelFields, FeeField, levelEntry } from '../exams/formParts';

interface Values {
  certificateId?: number;
  level?: CertificateLevel;
  fee?: number | null;
  agreedOn?: string | null;
  partnerSchools?: string[];
  note?: string;
}

interface Props {
  agreement: FeeAgreement | null;
  saving: boolean;
  onSave: (input: AgreementSaveInput) => Promise<FeeAgreement>;
  onClose: () => void;
}

/** Create or edit a fee agreement: the cap in force shows beside the fee, checked as typed. */
export function AgreementFormModal({ agreement, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { certificates } = useExamRefs();
  const certificateId = Form.useWatch('certificateId', form);
  const level = Form.useWatch('level', form);
  const text = t.agreements;
  const { certificate, entry } = levelEntry(certificates, certificateId, level);
  const hasCap = entry && entry.costCapFen !== null && entry.capDocument !== null;

  const save = async (values: Values): Promise<string> => {
    const input = {
      certificateId: values.certificateId,
      level: values.level,
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
          form={form}
          certificates={certificates}
          certificate={certificate}
          labels={text.fields}
          schemas={agreementFields}
          levelRules={[
            {
              validator: async () => {
                if (entry && !hasCap) throw new Error(text.noCap);
              },
            },
          ]}
        />
        <Col span={12}>
          <FeeField
            label={text.fields.fee}
            what={text.feeWhat}
            schema={agreementFields.fee}
            entry={entry}
          />
        </Col>
        <Col span={12}>
          <Form.Item label={text.fields.cap}>
            <Typography.Text
              type={entry && !hasCap ? 'danger' : undefined}
              data-testid="agreement-cap"
            >
              {!entry
                ? '—'
                : hasCap
                  ? text.capInForce(formatFen(entry.costCapFen!), entry.capDocument!)
                  : text.noCap}
            </Typography.Text>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="agreedOn"
            label={text.fields.agreedOn}
            required
            rules={[zodRule(agreementFields.agreedOn)]}
            {...dateProps}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY年M月D日" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="partnerSchools"
            label={text.fields.partnerSchools}
            rules={[zodRule(agreementFields.partnerSchools)]}
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={['，', ',', '、']}
              placeholder={text.placeholders.partnerSchools}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={text.fields.note} rules={[zodRule(agreementFields.note)]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
