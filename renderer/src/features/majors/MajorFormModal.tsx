import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import {
  majorFields,
  type Major,
  type MajorInput,
  type MajorSaveInput,
} from '../../../../shared/contract/majors';
import { majorLevelLabels, majorLevels } from '../../../../shared/domain/majors';
import { FormModal } from '../../components/FormModal';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';

interface Props {
  major: Major | null;
  saving: boolean;
  onSave: (input: MajorSaveInput) => Promise<Major>;
  onClose: () => void;
}

const defaults: Partial<MajorInput> = { catalogueYear: 2021, annualEnrolment: 0 };

function toFormValues(major: Major | null): Partial<MajorInput> {
  if (!major) return defaults;
  const { code, name, level, catalogueYear, firstEnrolmentYear, annualEnrolment } = major;
  return { code, name, level, catalogueYear, firstEnrolmentYear, annualEnrolment };
}

/** Create or edit one major; validates with the contract's field schemas. */
export function MajorFormModal({ major, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<MajorInput>();
  const f = t.majors.fields;

  const save = async (values: MajorInput): Promise<string> => {
    await onSave(major ? { ...values, id: major.id } : values);
    return t.majors.saved;
  };

  return (
    <FormModal
      form={form}
      name="major"
      initialValues={toFormValues(major)}
      title={major ? t.majors.editTitle : t.majors.addTitle}
      width={640}
      saving={saving}
      onSubmit={save}
      submitOnEnter
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name="code"
            label={f.code}
            required
            tooltip={t.majors.help.code}
            rules={[zodRule(majorFields.code)]}
          >
            <Input placeholder={t.majors.placeholders.code} maxLength={6} autoFocus />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label={f.name} required rules={[zodRule(majorFields.name)]}>
            <Input placeholder={t.majors.placeholders.name} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="level" label={f.level} required rules={[zodRule(majorFields.level)]}>
            <Select
              placeholder={t.majors.placeholders.level}
              options={majorLevels.map((value) => ({ value, label: majorLevelLabels[value] }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="catalogueYear"
            label={f.catalogueYear}
            required
            tooltip={t.majors.help.catalogueYear}
            rules={[zodRule(majorFields.catalogueYear)]}
          >
            <InputNumber style={{ width: '100%' }} suffix={t.majors.yearSuffix} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="firstEnrolmentYear"
            label={f.firstEnrolmentYear}
            required
            rules={[zodRule(majorFields.firstEnrolmentYear)]}
          >
            <InputNumber style={{ width: '100%' }} suffix={t.majors.yearSuffix} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="annualEnrolment"
            label={f.annualEnrolment}
            required
            rules={[zodRule(majorFields.annualEnrolment)]}
          >
            <InputNumber style={{ width: '100%' }} suffix={t.majors.peopleSuffix} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
