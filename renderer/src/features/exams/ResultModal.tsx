import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import type { Signup } from '../../../../shared/contract/exams';
import {
  allowedNextStatuses,
  resultFieldProblems,
  signupStatusLabels,
  type ResultField,
  type SignupStatus,
} from '../../../../shared/domain/exams';
import { mutate } from '../../api/queryCache';
import { FormModal } from '../../components/FormModal';
import { t } from '../../i18n';
import { DateInput, dateField } from '../../components/DateInput';
import { Field, NumberInput } from '../../components/formFields';

interface Values {
  status: SignupStatus;
  score: number | null;
  certificateNo: string;
  issuedOn: string | null;
  platformRegistered: boolean;
  creditBank: boolean;
}

interface Props {
  signup: Signup;
  onSaved: () => void;
  onClose: () => void;
}

const fieldsOf = (v: Partial<Values>) => ({
  score: v.score ?? null,
  certificateNo: (v.certificateNo ?? '').trim(),
  issuedOn: v.issuedOn ?? '',
  platformRegistered: v.platformRegistered ?? false,
  creditBank: v.creditBank ?? false,
});

/** The shared rule (shared/domain/exams.ts) for one field, on the form's current values. */
const resultRule =
  (field: ResultField): FormRule =>
  ({ getFieldsValue }) => ({
    validator: async () => {
      const values = getFieldsValue(true) as Values;
      const problem = resultFieldProblems(values.status, fieldsOf(values)).find(
        (p) => p.field === field,
      );
      if (problem) throw new Error(problem.message);
    },
  });

/** Score, certificate and credit-bank flags of one sign-up; may move it to a result status. */
export function ResultModal({ signup, onSaved, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form) ?? signup.status;
  const registered = Form.useWatch('platformRegistered', form) ?? false;
  const text = t.exams.resultModal;
  const options = [signup.status, ...allowedNextStatuses(signup.status)].filter(
    (s) => s !== 'withdrawn',
  );
  const passed = status === 'passed';
  const deps = ['status', 'score', 'certificateNo', 'issuedOn', 'platformRegistered', 'creditBank'];

  const submit = async (values: Values) => {
    await mutate('exams.signups.saveResult', {
      id: signup.id,
      status: values.status,
      ...fieldsOf(values),
    });
    onSaved();
    return text.saved;
  };

  return (
    <FormModal
      form={form}
      name="result"
      title={text.title(`${signup.name}（${signup.studentNo}）`)}
      width={620}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{
        status: signup.status,
        score: signup.score,
        certificateNo: signup.certificateNo,
        issuedOn: signup.issuedOn || null,
        platformRegistered: signup.platformRegistered,
        creditBank: signup.creditBank,
      }}
      onValuesChange={(changed) => {
        // Fields that no longer apply are cleared, so the form never sends what it hides.
        if ('status' in changed && changed.status !== 'passed') {
          form.setFieldsValue({
            certificateNo: '',
            issuedOn: null,
            platformRegistered: false,
            creditBank: false,
          });
        }
        if ('platformRegistered' in changed && !changed.platformRegistered) {
          form.setFieldValue('creditBank', false);
        }
      }}
    >
      <Row gutter={16}>
        <Field span={12} name="status" label={text.status} required>
          <Select options={options.map((s) => ({ value: s, label: signupStatusLabels[s] }))} />
        </Field>
        <Field
          span={12}
          name="score"
          label={text.score}
          dependencies={deps}
          rules={[resultRule('score')]}
        >
          <NumberInput min={0} max={1000} />
        </Field>
        <Field
          span={12}
          name="certificateNo"
          label={text.certificateNo}
          extra={passed ? undefined : text.onlyPassed}
          dependencies={deps}
          rules={[resultRule('certificateNo')]}
        >
          <Input disabled={!passed} maxLength={50} />
        </Field>
        <Field
          span={12}
          name="issuedOn"
          label={text.issuedOn}
          dependencies={deps}
          {...dateField(resultRule('issuedOn'))}
        >
          <DateInput disabled={!passed} />
        </Field>
        <Col span={24}>
          <Form.Item
            name="platformRegistered"
            valuePropName="checked"
            dependencies={deps}
            rules={[resultRule('platformRegistered')]}
            style={{ marginBottom: 4 }}
          >
            <Checkbox disabled={!passed}>{text.platformRegistered}</Checkbox>
          </Form.Item>
          <Form.Item
            name="creditBank"
            valuePropName="checked"
            dependencies={deps}
            rules={[resultRule('creditBank')]}
            extra={text.creditHint}
          >
            <Checkbox disabled={!passed || !registered}>{text.creditBank}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
