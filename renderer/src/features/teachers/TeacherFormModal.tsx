import { Checkbox, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { Major } from '../../../../shared/contract/majors';
import {
  teacherFields,
  type Teacher,
  type TeacherInput,
  type TeacherSaveInput,
} from '../../../../shared/contract/teachers';
import { chinaDate, formatChineseYearMonth } from '../../../../shared/domain/dates';
import {
  birthMonthProblem,
  degreeLabels,
  degrees,
  educationLabels,
  educations,
  genderLabels,
  genders,
  teacherTitleSuggestions,
} from '../../../../shared/domain/teachers';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { fieldsOf, labelledOptions } from '../../components/formFields';
import { MajorSelect } from '../majors/MajorSelect';
import { t } from '../../i18n';
import { SuggestInput } from '../../components/SuggestInput';

interface Props extends RecordFormProps<Teacher, TeacherSaveInput> {
  teacher: Teacher | null;
  majors: readonly Major[];
}

const flagNames = ['fullTime', 'dualQualified', 'canTeachIndependently', 'assessor'] as const;

/** The two optional choices of the teacher's schooling, side by side. */
const levelNames = ['education', 'degree'] as const;
const levelOptions: Record<(typeof levelNames)[number], { value: string; label: string }[]> = {
  education: labelledOptions(educations, educationLabels),
  degree: labelledOptions(degrees, degreeLabels),
};

const defaults: Partial<TeacherInput> = {
  gender: undefined,
  title: '',
  birthMonth: '',
  education: null,
  degree: null,
  studiedMajor: '',
  skillCertificates: '',
  majorId: null,
  fullTime: true,
  dualQualified: false,
  canTeachIndependently: true,
  assessor: false,
};

function toFormValues(teacher: Teacher | null): Partial<TeacherInput> {
  if (!teacher) return defaults;
  const { name, gender, staffNo, title, majorId } = teacher;
  const { education, degree, studiedMajor, skillCertificates } = teacher;
  const { fullTime, dualQualified, canTeachIndependently, assessor } = teacher;
  return {
    name,
    gender,
    staffNo,
    title,
    // Shown as the coordinator reads it; the core takes this form back as typed.
    birthMonth: teacher.birthMonth ? formatChineseYearMonth(teacher.birthMonth) : '',
    education,
    degree,
    studiedMajor,
    skillCertificates,
    majorId,
    fullTime,
    dualQualified,
    canTeachIndependently,
    assessor,
  };
}

const { Field } = fieldsOf(t.teachers.fields, teacherFields);

function toInput(values: TeacherInput): TeacherSaveInput {
  return {
    ...values,
    majorId: values.majorId ?? null,
    education: values.education ?? null,
    degree: values.degree ?? null,
  };
}

/** Create or edit one teacher; a duplicate 工号 comes back as an error on the 工号 field. */
export function TeacherFormModal({ teacher, majors, ...dialog }: Props) {
  const [form] = Form.useForm<TeacherInput>();
  const f = t.teachers.fields;
  const p = t.teachers.placeholders;

  return (
    <RecordFormModal
      {...dialog}
      form={form}
      name="teacher"
      record={teacher}
      text={t.teachers}
      initialValues={toFormValues(teacher)}
      toInput={toInput}
    >
      <Row gutter={16}>
        <Field span={12} name="name" required>
          <Input placeholder={p.name} />
        </Field>
        <Field span={12} name="staffNo" required>
          <Input placeholder={p.staffNo} />
        </Field>
        <Field span={12} name="gender" required>
          <Radio.Group options={labelledOptions(genders, genderLabels)} />
        </Field>
        <Field span={12} name="title">
          <SuggestInput placeholder={p.title} suggestions={teacherTitleSuggestions} allowClear />
        </Field>
        <Field
          span={12}
          name="birthMonth"
          check={(month) => birthMonthProblem(month, chinaDate(new Date()))}
        >
          <Input placeholder={p.birthMonth} />
        </Field>
        {levelNames.map((name) => (
          <Field key={name} span={6} name={name}>
            <Select allowClear placeholder={p[name]} options={levelOptions[name]} />
          </Field>
        ))}
        <Field span={12} name="studiedMajor">
          <Input placeholder={p.studiedMajor} />
        </Field>
        <Field span={12} name="skillCertificates">
          <Input placeholder={p.skillCertificates} />
        </Field>
        <Field span={24} name="majorId">
          <MajorSelect majors={majors} placeholder={p.majorId} />
        </Field>
        <Col span={24}>
          <Form.Item label={f.flags} style={{ marginBottom: 0 }}>
            <Row>
              {flagNames.map((name) => (
                <Col span={12} key={name}>
                  <Form.Item name={name} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{f[name]}</Checkbox>
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Form.Item>
        </Col>
      </Row>
    </RecordFormModal>
  );
}
