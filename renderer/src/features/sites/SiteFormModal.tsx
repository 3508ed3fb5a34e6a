import { Col, Form, Input, InputNumber, Radio, Row, type FormRule } from 'antd';
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
import { DateInput, dateField } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';

interface SiteValues {
  name?: string;
  campus?: CampusKind;
  partner?: string;
  capacity?: number | null;
  agreementStart?: string | null;
  agreementEnd?: string | null;
}

interface Props {
  site: TrainingSite | null;
  saving: boolean;
  onSave: (input: SiteSaveInput) => Promise<TrainingSite>;
  onClose: () => void;
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
        <Col span={14}>
          <Form.Item name="name" label={s.fields.name} required rules={[zodRule(siteFields.name)]}>
            <Input placeholder={s.placeholders.name} autoFocus />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="campus"
            label={s.fields.campus}
            required
            rules={[zodRule(siteFields.campus)]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={campusKinds.map((value) => ({ value, label: campusLabels[value] }))}
            />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="partner"
            label={s.fields.partner}
            required={campus === 'off'}
            dependencies={['campus']}
            rules={[zodRule(siteFields.partner), crossFieldRule('partner')]}
          >
            <Input placeholder={s.placeholders.partner} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="capacity"
            label={s.fields.capacity}
            required
            rules={[zodRule(siteFields.capacity)]}
          >
            <InputNumber style={{ width: '100%' }} min={1} precision={0} suffix="人" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="agreementStart"
            label={s.fields.agreementStart}
            dependencies={['agreementEnd']}
            {...dateField(zodRule(siteFields.agreementStart), crossFieldRule('agreementStart'))}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="agreementEnd"
            label={s.fields.agreementEnd}
            dependencies={['agreementStart']}
            {...dateField(zodRule(siteFields.agreementEnd), crossFieldRule('agreementEnd'))}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
