import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { feeChangeSchema, type FeeChangeInput } from '../../../../shared/contract/fees';
import { payerLabels, payers, type Payer } from '../../../../shared/domain/fees';
import { yuanToFenField } from '../../../../shared/contract/staffFields';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { useFeesStore } from './feesStore';

const text = t.fees;
const feeRule = zodRule(yuanToFenField('费用').optional());

interface FormValues {
  fee?: string;
  payer?: Payer;
}

/** Change the fee and/or payer of the chosen sign-ups; the core refuses what breaks a rule. */
export function FeeChangeModal({
  signupIds,
  onClose,
}: {
  signupIds: number[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);

  const onOk = async () => {
    const values = await validatedValues(form, message);
    if (!values) return;
    const input: FeeChangeInput = {
      signupIds,
      ...(values.fee?.trim() ? { fee: values.fee.trim() } : {}),
      ...(values.payer ? { payer: values.payer } : {}),
    };
    const checked = feeChangeSchema.safeParse(input);
    if (!checked.success) {
      form.setFields([{ name: 'payer', errors: [checked.error.issues[0].message] }]);
      return;
    }
    setSaving(true);
    try {
      const result = await useFeesStore.getState().change(input);
      message.success(text.changed(result.changed));
      setDirty(false);
      onClose();
    } catch (error) {
      reportSaveError(form, message, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={text.changeTitle(signupIds.length)}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => void onOk()}
      onCancel={() => guard(onClose)}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        message={text.changeHelp}
        description={text.noTrainingFee}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onValuesChange={() => setDirty(true)}>
        <Form.Item name="fee" label={text.newFee} rules={[feeRule]}>
          <Input id="fees-new-fee" placeholder={text.keepFee} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="payer" label={text.newPayer}>
          <Select
            id="fees-new-payer"
            allowClear
            placeholder={text.keepPayer}
            options={payers.map((p) => ({ value: p, label: payerLabels[p] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
