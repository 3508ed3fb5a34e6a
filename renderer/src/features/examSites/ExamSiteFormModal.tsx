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
import { FormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { useExamRefs } from '../exams/examsStore';
import { placeOf, placeValue, usePlaceOptions, type PlaceValue } from './places';
import { DateField, Field } from '../../components/formFields';

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

/** Create or edit a 考核站点 application: certificate, status, valid period and covered places. */
export function ExamSiteFormModal({ site, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const { certificates } = useExamRefs();
  const placeOptions = usePlaceOptions();
  const status = Form.useWatch('status', form);
  const text = t.examSites;

  const save = async (values: Values): Promise<string> => {
    const input = {
      certificateId: values.certificateId,
      appliedOn: values.appliedOn ?? '',
      status: values.status,
      validFrom: values.validFrom ?? null,
      validTo: values.validTo ?? null,
      places: (values.places ?? []).map(placeOf),
      note: values.note ?? '',
    } as ExamSiteSaveInput;
    await onSave(site ? { ...input, id: site.id } : input);
    return text.saved;
  };

  return (
    <FormModal
      form={form}
      name="examSite"
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
      title={site ? text.editTitle : text.addTitle}
      width={680}
      saving={saving}
      onSubmit={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Field
          span={14}
          name="certificateId"
          label={text.fields.certificateId}
          required
          schema={examSiteFields.certificateId}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={text.placeholders.certificateId}
            options={certificates.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Field>
        <Field
          span={10}
          name="status"
          label={text.fields.status}
          required
          schema={examSiteFields.status}
        >
          <Select
            options={examSiteStatuses.map((s) => ({ value: s, label: examSiteStatusLabels[s] }))}
            onChange={() => void form.validateFields(['validFrom']).catch(() => undefined)}
          />
        </Field>
        <DateField
          span={8}
          name="appliedOn"
          label={text.fields.appliedOn}
          required
          schema={examSiteFields.appliedOn}
        >
          <DateInput />
        </DateField>
        <DateField
          span={8}
          name="validFrom"
          label={text.fields.validFrom}
          required={status === 'approved'}
          dependencies={['status']}
          schema={examSiteFields.validFrom}
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
        <DateField
          span={8}
          name="validTo"
          label={text.fields.validTo}
          schema={examSiteFields.validTo}
        >
          <DateInput placeholder={text.placeholders.validTo} />
        </DateField>
        <Field
          span={24}
          name="places"
          label={text.fields.places}
          required
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
        <Field span={24} name="note" label={text.fields.note} schema={examSiteFields.note}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}
