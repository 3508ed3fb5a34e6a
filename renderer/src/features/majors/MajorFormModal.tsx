import { Form, Input, Row, Select } from 'antd';
import {
  majorFields,
  type Major,
  type MajorInput,
  type MajorSaveInput,
} from '../../../../shared/contract/majors';
import { majorLevelLabels, majorLevels } from '../../../../shared/domain/majors';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { fieldsOf, labelledOptions, NumberInput } from '../../components/formFields';
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

const { Field } = fieldsOf(t.majors.fields, majorFields);

/** One of the major's required numbers (years, students a year) with its unit. */
function NumberField({
  suffix,
  ...item
}: {
  name: 'catalogueYear' | 'firstEnrolmentYear' | 'annualEnrolment';
  span: number;
  tooltip?: string;
  suffix: string;
}) {
  return (
    <Field {...item} required>
      <NumberInput suffix={suffix} />
    </Field>
  );
}

/** Create or edit one major; validates with the contract's field schemas. */
export function MajorFormModal({ major, ...dialog }: Props) {
  const [form] = Form.useForm<MajorInput>();

  return (
    <RecordFormModal<Major, MajorSaveInput, MajorInput>
      {...dialog}
      form={form}
      name="major"
      record={major}
      text={t.majors}
      initialValues={toFormValues(major)}
      toInput={(values) => values}
    >
      <Row gutter={16}>
        <Field span={10} name="code" required tooltip={t.majors.help.code}>
          <Input placeholder={t.majors.placeholders.code} maxLength={6} />
        </Field>
        <Field span={14} name="name" required>
          <Input placeholder={t.majors.placeholders.name} />
        </Field>
        <Field span={10} name="level" required>
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
    </RecordFormModal>
  );
}
