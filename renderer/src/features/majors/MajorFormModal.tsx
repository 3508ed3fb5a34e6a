import { Form, Input, Row, Select } from 'antd';
import {
  majorFields,
  type Major,
  type MajorInput,
  type MajorSaveInput,
} from '../../../../shared/contract/majors';
import { majorLevelLabels, majorLevels } from '../../../../shared/domain/majors';
import { FormModal, type RecordFormProps } from '../../components/FormModal';
import { Field, labelledOptions, NumberInput } from '../../components/formFields';
import { t } from '../../i18n';

interface Props extends RecordFormProps<Major, MajorSaveInput> {
  major: Major | null;
}

const defaults: Partial<MajorInput> = { catalogueYear: 2021, annualEnrolment: 0 };

function toFormValues(major: Major | null): Partial<MajorInput> {
  if (!major) return defaults;
  const { code, name, level, catalogueYear, firstEnrolmentYear, annualEnrolment } = major;
  return { code, name, level, catalogueYear, firstEnrolmentYear, annualEnrolment };
}

/** One of the major's required numbers (years, students a year) with its unit. */
function NumberField({
  name,
  span,
  tooltip,
  suffix,
}: {
  name: 'catalogueYear' | 'firstEnrolmentYear' | 'annualEnrolment';
  span: number;
  tooltip?: string;
  suffix: string;
}) {
  return (
    <Field
      span={span}
      name={name}
      label={t.majors.fields[name]}
      required
      tooltip={tooltip}
      schema={majorFields[name]}
    >
      <NumberInput suffix={suffix} />
    </Field>
  );
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
        <Field
          span={10}
          name="code"
          label={f.code}
          required
          tooltip={t.majors.help.code}
          schema={majorFields.code}
        >
          <Input placeholder={t.majors.placeholders.code} maxLength={6} autoFocus />
        </Field>
        <Field span={14} name="name" label={f.name} required schema={majorFields.name}>
          <Input placeholder={t.majors.placeholders.name} />
        </Field>
        <Field span={10} name="level" label={f.level} required schema={majorFields.level}>
          <Select
            placeholder={t.majors.placeholders.level}
            options={labelledOptions(majorLevels, majorLevelLabels)}
          />
        </Field>
        <NumberField
          span={14}
          name="catalogueYear"
          tooltip={t.majors.help.catalogueYear}
          suffix={t.majors.yearSuffix}
        />
        <NumberField span={10} name="firstEnrolmentYear" suffix={t.majors.yearSuffix} />
        <NumberField span={14} name="annualEnrolment" suffix={t.majors.peopleSuffix} />
      </Row>
    </FormModal>
  );
}
