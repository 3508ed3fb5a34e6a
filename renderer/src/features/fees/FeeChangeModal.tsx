import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  feeChangeSchema,
  newFeeField,
  type FeeChangeInput,
} from '../../../../shared/contract/fees';
import { payerLabels, payers, type Payer } from '../../../../shared/domain/fees';
import { invoke } from '../../api/client';
import { useBulkPlanConfirm } from '../../components/BulkPlanConfirm';
import { focusFirstField } from '../../components/focusFirstField';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';
import { useFeesStore } from './feesStore';

const text = t.fees;
// Empty is “不修改费用”, as the placeholder says.
const feeRule = zodRule(newFeeField);

interface FormValues {
  fee?: string;
  payer?: Payer;
}

/**
 * Change the fee and/or payer of the chosen sign-ups. The core plans the change first: rows it
 * would refuse (a fee above the cap, 学生自愿自费 without a school-paid exam) are listed with
 * the reason and the rest are changed after the person confirms.
 */
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
  const confirmPlan = useBulkPlanConfirm();
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
      const plan = await invoke('fees.planChange', input);
      setSaving(false);
      const [first] = plan.skipped;
      if (plan.applicable.length === 0) {
        // Nothing to change; when every row is refused, the reason goes under its field.
        if (first) {
          const name = first.field === 'fee' ? 'fee' : 'payer';
          form.setFields([{ name, errors: [first.reason] }]);
        } else {
          message.info(text.changed(0));
          onClose();
        }
        return;
      }
      if (!(await confirmPlan(plan, { title: text.changeTitle(plan.applicable.length) }))) return;
      setSaving(true);
      const result = await useFeesStore.getState().change({ ...input, signupIds: plan.applicable });
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
      afterOpenChange={focusFirstField('fee-change')}
    >
      <Alert
        type="info"
        showIcon
        message={text.changeHelp}
        description={text.noTrainingFee}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} name="fee-change" layout="vertical" onValuesChange={() => setDirty(true)}>
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
