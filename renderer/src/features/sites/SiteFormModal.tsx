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
import { RecordFormModal, type RecordFormProps } from '../../components/FormModal';
import { t } from '../../i18n';
import { fieldsOf, NumberInput } from '../../components/formFields';

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

const { Field, DateField } = fieldsOf(t.sites.fields, siteFields);

function toInput(values: SiteValues): SiteSaveInput {
  return {
    ...values,
    partner: values.partner ?? '',
    agreementStart: values.agreementStart ?? null,
    agreementEnd: values.agreementEnd ?? null,
  } as SiteSaveInput;
}

/** Create or edit an internship/training site. */
export function SiteFormModal({ site, ...dialog }: Props) {
  const [form] = Form.useForm<SiteValues>();
  const campus = Form.useWatch('campus', form);
  const s = t.sites;

  return (
    <RecordFormModal
      {...dialog}
      form={form}
      name="site"
      record={site}
      text={s}
      initialValues={toFormValues(site)}
      toInput={toInput}
    >
      <Row gutter={16}>
        <Field span={14} name="name" required>
          <Input placeholder={s.placeholders.name} />
        </Field>
        <Field span={10} name="campus" required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={campusKinds.map((value) => ({ value, label: campusLabels[value] }))}
          />
        </Field>
        <Field
          span={14}
          name="partner"
          required={campus === 'off'}
          dependencies={['campus']}
          rules={[crossFieldRule('partner')]}
        >
          <Input placeholder={s.placeholders.partner} />
        </Field>
        <Field span={10} name="capacity" required>
          <NumberInput min={1} precision={0} suffix="人" />
        </Field>
        <DateField
          span={12}
          name="agreementStart"
          dependencies={['agreementEnd']}
          rules={[crossFieldRule('agreementStart')]}
        >
          <DateInput />
        </DateField>
        <DateField
          span={12}
          name="agreementEnd"
          dependencies={['agreementStart']}
          rules={[crossFieldRule('agreementEnd')]}
        >
          <DateInput />
        </DateField>
      </Row>
    </RecordFormModal>
  );
}
