import { Form, Input, Radio, Row, type FormRule } from 'antd';
import {
  siteFields,
  type SiteSaveInput,
  type TrainingSite,
} from '../../../../shared/contract/sites';
import {
  campusKinds,
  campusLabels,
  siteCrossFieldIssues,
  type CampusKind,
  type SiteIssue,
} from '../../../../shared/domain/facilities';
import { DateInput } from '../../components/DateInput';
import { FormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { DateField, Field, NumberInput } from '../../components/formFields';

interface SiteValues {
  name?: string;
  campus?: CampusKind;
  partner?: string;
  capacity?: number | null;
  agreementStart?: string | null;
  agreementEnd?: string | null;
}

interface Props extends RecordFormProps<TrainingSite, SiteSaveInput> {
  site: TrainingSite | null;
}

function toFormValues(site: TrainingSite | null): SiteValues {
  if (!site) return { campus: 'off', partner: '', agreementStart: null, agreementEnd: null };
  const { name, campus, partner, capacity, agreementStart, agreementEnd } = site;
  return { name, campus, partner, capacity, agreementStart, agreementEnd };
}

/** The contract's cross-field rule for one field, run on the form's current values. */
function crossFieldRule(path: SiteIssue['path']): FormRule {
  return ({ getFieldValue }) => ({
    validator: async () => {
      const issue = siteCrossFieldIssues({
        campus: getFieldValue('campus') as CampusKind | undefined,
        partner: (getFieldValue('partner') as string | undefined) ?? '',
        agreementStart: (getFieldValue('agreementStart') as string | null | undefined) ?? null,
        agreementEnd: (getFieldValue('agreementEnd') as string | null | undefined) ?? null,
      }).find((i) => i.path === path);
      if (issue) throw new Error(issue.message);
    },
  });
}

/** Create or edit an internship/training site. */
export function SiteFormModal({ site, saving, onSave, onClose }: Props) {
  const [form] = Form.useForm<SiteValues>();
  const campus = Form.useWatch('campus', form);
  const s = t.sites;

  const save = async (values: SiteValues): Promise<string> => {
    const input = {
      ...values,
      partner: values.partner ?? '',
      agreementStart: values.agreementStart ?? null,
      agreementEnd: values.agreementEnd ?? null,
    } as SiteSaveInput;
    await onSave(site ? { ...input, id: site.id } : input);
    return s.saved;
  };

  return (
    <FormModal
      form={form}
      name="site"
      initialValues={toFormValues(site)}
      title={site ? s.editTitle : s.addTitle}
      width={640}
      saving={saving}
      onSubmit={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Field span={14} name="name" label={s.fields.name} required schema={siteFields.name}>
          <Input placeholder={s.placeholders.name} autoFocus />
        </Field>
        <Field span={10} name="campus" label={s.fields.campus} required schema={siteFields.campus}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={campusKinds.map((value) => ({ value, label: campusLabels[value] }))}
          />
        </Field>
        <Field
          span={14}
          name="partner"
          label={s.fields.partner}
          required={campus === 'off'}
          dependencies={['campus']}
          schema={siteFields.partner}
          rules={[crossFieldRule('partner')]}
        >
          <Input placeholder={s.placeholders.partner} />
        </Field>
        <Field
          span={10}
          name="capacity"
          label={s.fields.capacity}
          required
          schema={siteFields.capacity}
        >
          <NumberInput min={1} precision={0} suffix="人" />
        </Field>
        <DateField
          span={12}
          name="agreementStart"
          label={s.fields.agreementStart}
          dependencies={['agreementEnd']}
          schema={siteFields.agreementStart}
          rules={[crossFieldRule('agreementStart')]}
        >
          <DateInput />
        </DateField>
        <DateField
          span={12}
          name="agreementEnd"
          label={s.fields.agreementEnd}
          dependencies={['agreementStart']}
          schema={siteFields.agreementEnd}
          rules={[crossFieldRule('agreementEnd')]}
        >
          <DateInput />
        </DateField>
      </Row>
    </FormModal>
  );
}
