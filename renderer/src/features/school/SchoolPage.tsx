import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  schoolProfileSchema,
  type SchoolProfile,
  type SchoolProfileInput,
} from '../../../../shared/contract/school';
import { demonstrationLevels, schoolKinds } from '../../../../shared/domain/school';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { demonstrationLevelLabels, hubeiCities, schoolKindLabels, t } from '../../i18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { EligibilityCard } from './EligibilityCard';
import { Field, labelledOptions } from '../../components/formFields';

type FieldName = keyof SchoolProfileInput;
const shape = schoolProfileSchema.shape;
const emptyProfile: Partial<SchoolProfileInput> = { demonstrationLevel: 'none' };
/** What the school's own attachments are for (rooms and projects have their own panels). */
const schoolAttachmentKinds = [
  'talent_training_plan',
  'stamped_application',
  'cooperation_agreement',
  'other',
] as const;

function toFormValues(profile: SchoolProfile | null): Partial<SchoolProfileInput> {
  if (!profile) return emptyProfile;
  const { updatedAt: _updatedAt, ...values } = profile;
  return values;
}

function TextField({ name, required }: { name: FieldName; required?: boolean }) {
  return (
    <Field
      name={name}
      label={t.school.fields[name]}
      required={required}
      schema={shape[name]}
      validateTrigger={['onChange', 'onBlur']}
    >
      <Input placeholder={t.school.placeholders[name]} allowClear id={`school-${name}`} />
    </Field>
  );
}

/** A required choice in a third of the row. */
function SelectField({
  name,
  options,
  showSearch,
}: {
  name: 'kind' | 'demonstrationLevel' | 'city';
  options: { value: string; label: string }[];
  showSearch?: boolean;
}) {
  return (
    <Field span={8} name={name} label={t.school.fields[name]} required schema={shape[name]}>
      <Select
        id={`school-${name}`}
        showSearch={showSearch}
        placeholder={t.school.placeholders[name]}
        options={options}
      />
    </Field>
  );
}

export function SchoolPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SchoolProfileInput>();
  const school = useQuery('school.get', {});
  const profile = school.data;
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const demonstrationLevel = Form.useWatch('demonstrationLevel', form);
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);

  const initialValues = useMemo(() => toFormValues(profile), [profile]);
  useEffect(() => {
    // The stored profile refills the form, except over the person's unsaved edits.
    if (school.state === 'ready' && !dirty) form.setFieldsValue(initialValues);
  }, [form, initialValues, school.state, dirty]);

  const onSave = useCallback(async () => {
    const values = await validatedValues(form, message);
    if (!values) return;
    setSaving(true);
    try {
      await mutate('school.save', values);
      setDirty(false);
      message.success(t.school.saved);
    } catch (error) {
      reportSaveError(form, message, error);
    } finally {
      setSaving(false);
    }
  }, [form, message]);

  useSaveShortcut(onSave);

  const focusField = (field: string) => {
    form.scrollToField(field, { focus: true, block: 'center' });
  };

  return (
    <>
      <PageHeader
        title={t.school.title}
        description={
          profile
            ? t.common.savedAt(dayjs(profile.updatedAt).format('YYYY年M月D日 HH:mm'))
            : t.school.intro
        }
        extra={
          <>
            <Button
              icon={<UndoOutlined />}
              onClick={() => {
                form.setFieldsValue(initialValues);
                setDirty(false);
              }}
              disabled={saving}
            >
              {t.common.reset}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              onClick={() => void onSave()}
              title={t.common.saveShortcut}
            >
              {saving ? t.common.saving : t.common.save}
            </Button>
          </>
        }
      />
      <LoadState state={school.state} error={school.error} onRetry={school.retry}>
        {!profile && (
          <Card style={{ marginBottom: 16 }}>
            <Empty description={t.school.emptyTitle}>
              <Typography.Text type="secondary">{t.school.emptyHint}</Typography.Text>
            </Empty>
          </Card>
        )}
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Form
              form={form}
              layout="vertical"
              initialValues={initialValues}
              requiredMark
              name="school"
              onValuesChange={() => setDirty(true)}
              onFinish={() => void onSave()}
            >
              <Card title={t.school.sections.basic} size="small" style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col span={16}>
                    <TextField name="name" required />
                  </Col>
                  <Col span={8}>
                    <TextField name="code" />
                  </Col>
                  <SelectField
                    name="kind"
                    options={labelledOptions(schoolKinds, schoolKindLabels)}
                  />
                  <SelectField
                    name="demonstrationLevel"
                    options={labelledOptions(demonstrationLevels, demonstrationLevelLabels)}
                  />
                  <SelectField
                    name="city"
                    showSearch
                    options={hubeiCities.map((city) => ({ value: city, label: city }))}
                  />
                  <Col span={24}>
                    <TextField name="address" />
                  </Col>
                </Row>
              </Card>
              <Card title={t.school.sections.contact} size="small" style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col span={8}>
                    <TextField name="contactName" />
                  </Col>
                  <Col span={8}>
                    <TextField name="contactPhone" />
                  </Col>
                  <Col span={8}>
                    <TextField name="email" />
                  </Col>
                </Row>
              </Card>
              <Card title={t.school.sections.weekly} size="small">
                <Row gutter={16}>
                  <Col span={12}>
                    <TextField name="weeklyReporterName" />
                  </Col>
                  <Col span={12}>
                    <TextField name="weeklyReporterPhone" />
                  </Col>
                </Row>
              </Card>
            </Form>
          </Col>
          <Col xs={24} xl={8}>
            <EligibilityCard
              kind={kind}
              demonstrationLevel={demonstrationLevel}
              onFieldClick={focusField}
            />
          </Col>
        </Row>
        {profile && (
          <div style={{ marginTop: 16 }}>
            <AttachmentsPanel
              ownerType="school"
              ownerId={1}
              kinds={schoolAttachmentKinds}
              title={t.school.attachmentsTitle}
              description={t.school.attachmentsDescription}
            />
          </div>
        )}
      </LoadState>
    </>
  );
}
