import { chinaDate } from '../../../../shared/domain/dates';
import { Alert, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Major } from '../../../../shared/contract/majors';
import {
  studentFields,
  type Student,
  type StudentSaveInput,
} from '../../../../shared/contract/students';
import {
  checkIdNumber,
  idTypeLabels,
  idTypes,
  type IdType,
} from '../../../../shared/domain/idNumber';
import { genderLabels, genders, type Gender } from '../../../../shared/domain/teachers';
import { entryYearProblem } from '../../../../shared/domain/students';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { fieldsOf, labelledOptions, NumberInput } from '../../components/formFields';
import { MajorSelect } from '../majors/MajorSelect';
import { StudentPhoto } from '../photos/StudentPhoto';
import { formatDate } from '../../components/format';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { SuggestInput } from '../../components/SuggestInput';

interface Props extends RecordFormProps<Student, StudentSaveInput> {
  student: Student | null;
  majors: readonly Major[];
  classes: readonly string[];
}

interface FormValues {
  studentNo: string;
  name: string;
  idType: IdType;
  idNumber: string;
  gender?: Gender;
  majorId: number | null;
  className: string;
  entryYear: number | null;
  phone: string;
  pilot: boolean;
}

function toFormValues(student: Student | null): Partial<FormValues> {
  if (!student) return { idType: 'resident', majorId: null, entryYear: null, pilot: true };
  const { studentNo, name, idType, idNumber, gender, majorId, className, entryYear, phone } =
    student;
  return {
    studentNo,
    name,
    idType,
    idNumber,
    gender,
    majorId,
    className,
    entryYear,
    phone,
    pilot: student.pilot,
  };
}

const { Field } = fieldsOf(t.students.form.fields, studentFields);

/** Today in China, as the core judges birth dates. */
const today = () => chinaDate(new Date());

/**
 * Create or edit one student. The ID number is checked as the user types with the same pure
 * function the core uses (GB 11643: check character, birth date, gender); the result is shown
 * under the field, and a valid resident ID number fills in an empty gender.
 */
export function StudentFormModal({ student, majors, classes, ...dialog }: Props) {
  const [form] = Form.useForm<FormValues>();
  const f = t.students.form.fields;
  const p = t.students.form.placeholders;
  const idType = Form.useWatch('idType', form) ?? 'resident';
  const idNumber = Form.useWatch('idNumber', form) ?? '';
  const gender = Form.useWatch('gender', form);
  const majorId = Form.useWatch('majorId', form);

  const check = useMemo(
    () =>
      idNumber.trim() === ''
        ? null
        : checkIdNumber(idType, idNumber, { today: today(), gender: gender ?? null }),
    [idType, idNumber, gender],
  );

  // A valid resident ID number says the gender: fill it in when it is still empty.
  useEffect(() => {
    if (check?.valid && check.gender && !form.getFieldValue('gender')) {
      form.setFieldValue('gender', check.gender);
      void form.validateFields(['idNumber']);
    }
  }, [check, form]);

  const toInput = (values: FormValues): StudentSaveInput => {
    const linked = values.majorId ?? null;
    return {
      ...values,
      gender: values.gender as Gender,
      majorId: linked,
      // The roster's unmatched text stays until the user picks a major (or clears the field).
      majorText: linked === null && student?.majorId === null ? student.majorText : '',
      entryYear: values.entryYear ?? null,
      phone: values.phone ?? '',
      className: values.className ?? '',
    };
  };

  const idStatus =
    check === null ? null : !check.valid ? null : (
      <Alert
        type={check.warnings.length > 0 ? 'warning' : 'success'}
        showIcon
        data-testid="id-check"
        style={{ marginTop: -12, marginBottom: 16 }}
        message={
          check.birthDate && check.gender
            ? t.students.form.idOk(formatDate(check.birthDate), genderLabels[check.gender])
            : t.students.form.idShapeOk
        }
        description={
          check.warnings.length > 0 ? check.warnings.map((w) => w.message).join('；') : undefined
        }
      />
    );

  return (
    <RecordFormModal
      {...dialog}
      form={form}
      name="student"
      record={student}
      text={{
        addTitle: t.students.form.addTitle,
        editTitle: (edited: Student) => t.students.form.editTitle(edited.name),
        saved: (saved: Student) => t.students.saved(saved.name),
      }}
      initialValues={toFormValues(student)}
      width={720}
      toInput={toInput}
    >
      <Row gutter={16}>
        <Field span={12} name="studentNo" required>
          <Input placeholder={p.studentNo} />
        </Field>
        <Field span={12} name="name" required>
          <Input placeholder={p.name} />
        </Field>
        <Field span={8} name="idType">
          <Select options={labelledOptions(idTypes, idTypeLabels)} />
        </Field>
        <Col span={16}>
          <Form.Item
            name="idNumber"
            label={f.idNumber}
            required
            dependencies={['idType', 'gender']}
            rules={[
              zodRule(studentFields.idNumber),
              {
                validator: async (_rule, value: unknown) => {
                  if (typeof value !== 'string' || value.trim() === '') return;
                  const type = (form.getFieldValue('idType') as IdType | undefined) ?? 'resident';
                  const entered = form.getFieldValue('gender') as Gender | undefined;
                  const result = checkIdNumber(type, value, {
                    today: today(),
                    gender: entered ?? null,
                  });
                  if (!result.valid) throw new Error(result.errors[0].message);
                },
              },
            ]}
          >
            <Input placeholder={p.idNumber} allowClear />
          </Form.Item>
        </Col>
        <Col span={24}>{idStatus}</Col>
        <Field span={8} name="gender" required>
          <Radio.Group options={labelledOptions(genders, genderLabels)} />
        </Field>
        <Col span={16}>
          <Form.Item
            name="majorId"
            label={f.majorId}
            extra={
              student && student.majorId === null && student.majorText && majorId == null ? (
                <Typography.Text type="warning">
                  {t.students.form.rosterMajor(student.majorText)}
                </Typography.Text>
              ) : undefined
            }
          >
            <MajorSelect majors={majors} placeholder={p.majorId} />
          </Form.Item>
        </Col>
        <Field span={8} name="className">
          <SuggestInput placeholder={p.className} suggestions={classes} allowClear />
        </Field>
        <Field
          span={8}
          name="entryYear"
          // The same bound a roster's 年级 has: at most next year's intake.
          check={(year) => (year === null ? null : entryYearProblem(year, today()))}
        >
          <NumberInput placeholder={p.entryYear} precision={0} controls={false} />
        </Field>
        <Field span={8} name="phone">
          <Input placeholder={p.phone} />
        </Field>
        {student && (
          <Col span={24}>
            <Form.Item label={t.photos.studentPhoto}>
              <StudentPhoto studentId={student.id} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item
            name="pilot"
            valuePropName="checked"
            extra={t.students.form.pilotHelp}
            style={{ marginBottom: 0 }}
          >
            <Checkbox>{f.pilot}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </RecordFormModal>
  );
}
