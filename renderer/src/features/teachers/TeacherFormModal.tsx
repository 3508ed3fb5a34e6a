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
import { FormModal, type RecordFormProps } from '../../components/FormModal';
import { Field, labelledOptions } from '../../components/formFields';
import { zodRule } from '../../components/zodRule';
import { MajorSelect } from '../majors/MajorSelect';
import { t } from '../../i18n';
import { SuggestInput } from '../../components/SuggestInput';

interface Props extends RecordFormProps<Teacher, TeacherSaveInput> {
  teacher: Teacher | null;
  majors: readonly Major[];
}

const flagNames = ['fullTime', 'dualQualified', 'canTeachIndependently', 'assessor'] as const;

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

/** Create or edit one teacher; a duplicate 工号 comes back as an error on the 工号 field. */
export function TeacherFormModal({ teacher, majors, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<TeacherInput>();
  const f = t.teachers.fields;

  const save = async (values: TeacherInput): Promise<string> => {
    const input = {
      ...values,
      majorId: values.majorId ?? null,
      education: values.education ?? null,
      degree: values.degree ?? null,
    };
    await onSave(teacher ? { ...input, id: teacher.id } : input);
    return t.teachers.saved;
  };

  return (
    <FormModal
      form={form}
      name="teacher"
      initialValues={toFormValues(teacher)}
      title={teacher ? t.teachers.editTitle : t.teachers.addTitle}
      width={640}
      saving={saving}
      onSubmit={save}
      submitOnEnter
      onClose={onClose}
    >
      <Row gutter={16}>
        <Field span={12} name="name" label={f.name} required schema={teacherFields.name}>
          <Input placeholder={t.teachers.placeholders.name} autoFocus />
        </Field>
        <Field span={12} name="staffNo" label={f.staffNo} required schema={teacherFields.staffNo}>
          <Input placeholder={t.teachers.placeholders.staffNo} />
        </Field>
        <Field span={12} name="gender" label={f.gender} required schema={teacherFields.gender}>
          <Radio.Group options={labelledOptions(genders, genderLabels)} />
        </Field>
        <Field span={12} name="title" label={f.title} schema={teacherFields.title}>
          <SuggestInput
            placeholder={t.teachers.placeholders.title}
            suggestions={teacherTitleSuggestions}
            allowClear
          />
        </Field>
        <Field
          span={12}
          name="birthMonth"
          label={f.birthMonth}
          rules={[
            zodRule(teacherFields.birthMonth, '', (month) =>
              birthMonthProblem(month, chinaDate(new Date())),
            ),
          ]}
        >
          <Input placeholder={t.teachers.placeholders.birthMonth} />
        </Field>
        <Field span={6} name="education" label={f.education}>
          <Select
            allowClear
            placeholder={t.teachers.placeholders.education}
            options={labelledOptions(educations, educationLabels)}
          />
        </Field>
        <Field span={6} name="degree" label={f.degree}>
          <Select
            allowClear
            placeholder={t.teachers.placeholders.degree}
            options={labelledOptions(degrees, degreeLabels)}
          />
        </Field>
        <Field
          span={12}
          name="studiedMajor"
          label={f.studiedMajor}
          schema={teacherFields.studiedMajor}
        >
          <Input placeholder={t.teachers.placeholders.studiedMajor} />
        </Field>
        <Field
          span={12}
          name="skillCertificates"
          label={f.skillCertificates}
          schema={teacherFields.skillCertificates}
        >
          <Input placeholder={t.teachers.placeholders.skillCertificates} />
        </Field>
        <Field span={24} name="majorId" label={f.majorId} schema={teacherFields.majorId}>
          <MajorSelect majors={majors} placeholder={t.teachers.placeholders.majorId} />
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
    </FormModal>
  );
}
