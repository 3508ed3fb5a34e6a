import { Form, Input, Row, Select } from 'antd';
import {
  examSiteFields,
  type ExamSite,
  type ExamSiteSaveInput,
  validFromRequiredMessage,
} from '../../../../shared/contract/examSites';
import {
  examSiteStatuses,
  examSiteStatusLabels,
  type ExamSiteStatus,
} from '../../../../shared/domain/examSites';
import { DateInput } from '../../components/DateInput';
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { useExamRefs } from '../exams/examsStore';
import { placeOf, placeValue, usePlaceOptions, type PlaceValue } from './places';
import { fieldsOf, labelledOptions } from '../../components/formFields';

interface Values {
  certificateId?: number;
  appliedOn?: string | null;
  status?: ExamSiteStatus;
  validFrom?: string | null;
  validTo?: string | null;
  places?: PlaceValue[];
  note?: string;
}

interface Props extends RecordFormProps<ExamSite, ExamSiteSaveInput> {
  site: ExamSite | null;
}

const { Field, DateField } = fieldsOf(t.examSites.fields, examSiteFields);

function toInput(values: Values): ExamSiteSaveInput {
  return {
    certificateId: values.certificateId,
    appliedOn: values.appliedOn ?? '',
    status: values.status,
    validFrom: values.validFrom ?? null,
    validTo: values.validTo ?? null,
    places: (values.places ?? []).map(placeOf),
    note: values.note ?? '',
  } as ExamSiteSaveInput;
}

/** Create or edit a 考核站点 application: certificate, status, valid period and covered places. */
export function ExamSiteFormModal({ site, ...dialog }: Props) {
  const [form] = Form.useForm<Values>();
  const { certificates } = useExamRefs();
  const placeOptions = usePlaceOptions();
  const status = Form.useWatch('status', form);
  const text = t.examSites;

  return (
    <RecordFormModal
      {...dialog}
      form={form}
      name="examSite"
      record={site}
      text={text}
      initialValues={
        site
          ? {
              certificateId: site.certificateId,
              appliedOn: site.appliedOn,
              status: site.status,
              validFrom: site.validFrom,
              validTo: site.validTo,
              places: site.places.map(placeValue),
              note: site.note,
            }
          : { status: 'pending', validFrom: null, validTo: null, places: [] }
      }
      width={680}
      toInput={toInput}
    >
      <Row gutter={16}>
        <Field span={14} name="certificateId" required>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={text.placeholders.certificateId}
            options={certificates.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Field>
        <Field span={10} name="status" required>
          <Select
            options={labelledOptions(examSiteStatuses, examSiteStatusLabels)}
            onChange={() => void form.validateFields(['validFrom']).catch(() => undefined)}
          />
        </Field>
        <DateField span={8} name="appliedOn" required>
          <DateInput />
        </DateField>
        <DateField
          span={8}
          name="validFrom"
          required={status === 'approved'}
          dependencies={['status']}
          rules={[
            {
              validator: async (_rule, value: unknown) => {
                if (form.getFieldValue('status') === 'approved' && !value) {
                  throw new Error(validFromRequiredMessage);
                }
              },
            },
          ]}
        >
          <DateInput />
        </DateField>
        <DateField span={8} name="validTo">
          <DateInput placeholder={text.placeholders.validTo} />
        </DateField>
        <Field
          span={24}
          name="places"
          required
          // The places are checked as the core gets them, not as the select holds them.
          schema={undefined}
          rules={[
            {
              validator: async (_rule, value: PlaceValue[] | undefined) => {
                const result = examSiteFields.places.safeParse((value ?? []).map(placeOf));
                if (!result.success) throw new Error(result.error.issues[0]?.message);
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            optionFilterProp="label"
            placeholder={text.placeholders.places}
            options={placeOptions}
          />
        </Field>
        <Field span={24} name="note">
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </RecordFormModal>
  );
}
