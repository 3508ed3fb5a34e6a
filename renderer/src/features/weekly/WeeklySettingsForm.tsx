import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  weeklySettingsSchema,
  type WeeklySettings,
  type WeeklySettingsInput,
} from '../../../../shared/contract/weekly';
import {
  cadenceLabels,
  cadences,
  DEFAULT_CADENCE,
  DEFAULT_DUE_TIME,
  DEFAULT_DUE_WEEKDAY,
  DEFAULT_NOT_ON_TIME_THRESHOLD,
  weekdayLabels,
} from '../../../../shared/domain/weeklyReports';
import { DateInput } from '../../components/DateInput';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { formatDate } from '../../components/format';
import { useConfirmedRun } from '../../components/useConfirmedRun';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useWeeklyStore } from './weeklyStore';
import { fieldsOf, labelledOptions, NumberInput } from '../../components/formFields';

const tx = t.weekly;
const { Field, DateField } = fieldsOf(tx.fields, weeklySettingsSchema.shape);

export const dueText = (weekday: number, time: string) => `${weekdayLabels[weekday]} ${time}`;

/** A required choice of the schedule, in half the row. */
function ChoiceField({
  name,
  extra,
  options,
}: {
  name: 'cadence' | 'dueWeekday';
  extra: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <Field span={12} name={name} required extra={extra}>
      <Select id={`weekly-${name}`} options={options} />
    </Field>
  );
}

/** The schedule: pilot start, cadence, due weekday and time (defaults 每周, 周五 17:00). */
export function WeeklySettingsForm({
  settings,
  onSaved,
}: {
  settings: WeeklySettings | null;
  onSaved?: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<WeeklySettingsInput>();
  const saveSettings = useWeeklyStore((s) => s.saveSettings);
  // A new pilot start that moves periods already due is asked about (the core says how).
  const run = useConfirmedRun({ title: tx.pilotStartConfirmTitle, okText: tx.pilotStartConfirmOk });
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty);
  const initial = useMemo<Partial<WeeklySettingsInput>>(
    () =>
      settings
        ? {
            pilotStart: settings.pilotStart,
            cadence: settings.cadence,
            dueWeekday: settings.dueWeekday,
            dueTime: settings.dueTime,
            notOnTimeThreshold: settings.notOnTimeThreshold,
            startWithSystem: settings.startWithSystem,
          }
        : {
            cadence: DEFAULT_CADENCE,
            dueWeekday: DEFAULT_DUE_WEEKDAY,
            dueTime: DEFAULT_DUE_TIME,
            notOnTimeThreshold: DEFAULT_NOT_ON_TIME_THRESHOLD,
            startWithSystem: false,
          },
    [settings],
  );
  // A reload of the settings (any 周报 write reloads them) never overwrites what is being typed.
  useEffect(() => {
    if (!dirty) form.setFieldsValue(initial);
  }, [form, initial, dirty]);

  const onSave = async () => {
    const values = await validatedValues(form, message);
    if (!values) return;
    try {
      const saved = await run((confirm) => saveSettings({ ...values, confirm }));
      if (!saved) return;
      setDirty(false);
      message.success(tx.settingsSaved);
      onSaved?.();
    } catch (error) {
      reportSaveError(form, message, error);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      name="weekly-settings"
      initialValues={initial}
      onValuesChange={() => setDirty(true)}
    >
      <Typography.Paragraph type="secondary">
        {tx.settingsIntro} {tx.defaultsNote}
      </Typography.Paragraph>
      <Row gutter={16}>
        <DateField span={12} name="pilotStart" required extra={tx.help.pilotStart}>
          <DateInput id="weekly-pilotStart" placeholder={tx.placeholders.pilotStart} />
        </DateField>
        <ChoiceField
          name="cadence"
          extra={tx.help.cadence}
          options={labelledOptions(cadences, cadenceLabels)}
        />
        <ChoiceField
          name="dueWeekday"
          extra={tx.help.due}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayLabels[d] }))}
        />
        <Field span={12} name="dueTime" required validateTrigger={['onChange', 'onBlur']}>
          <Input id="weekly-dueTime" placeholder={tx.placeholders.dueTime} maxLength={5} />
        </Field>
        <Field span={12} name="notOnTimeThreshold" extra={tx.help.notOnTimeThreshold}>
          {/* No min/max: the box would silently change 0 to 2; the contract's rule says the range. */}
          <NumberInput id="weekly-notOnTimeThreshold" precision={0} addonAfter="期" />
        </Field>
        <Field
          span={12}
          name="startWithSystem"
          valuePropName="checked"
          extra={tx.help.startWithSystem}
        >
          <Switch id="weekly-startWithSystem" />
        </Field>
      </Row>
      {settings && settings.rules.length > 1 && (
        <Typography.Paragraph type="secondary" data-testid="weekly-rules">
          {tx.scheduleHistory(settings.rules.length)}：
          {settings.rules
            .map((r) =>
              tx.ruleLine(
                formatDate(r.effectiveFrom),
                cadenceLabels[r.cadence],
                dueText(r.dueWeekday, r.dueTime),
              ),
            )
            .join('；')}
        </Typography.Paragraph>
      )}
      {/* Not a submit button: Enter in the date picker picks a date, it does not save. */}
      <Button type="primary" icon={<SaveOutlined />} onClick={() => void onSave()}>
        {t.common.save}
      </Button>
    </Form>
  );
}
