import { Alert, App, Typography } from 'antd';
import { useState } from 'react';
import type { Signup } from '../../../../shared/contract/exams';
import { signupStatusLabels, type SignupStatus } from '../../../../shared/domain/exams';
import { invoke, messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useBulkPlanConfirm } from '../../components/BulkPlanConfirm';
import { t } from '../../i18n';

const text = t.exams.detail;

/** The withdrawal's warning, and whom it leaves without a school-paid exam (rule 13). */
const withdrawBody = (schoolPaidLost: readonly string[]) =>
  schoolPaidLost.length === 0 ? (
    text.withdrawContent
  ) : (
    <>
      <Typography.Paragraph>{text.withdrawContent}</Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        data-testid="withdraw-school-paid-lost"
        message={text.withdrawLosesSchoolPaid(schoolPaidLost)}
      />
    </>
  );

/** The sign-ups ticked in a batch's list and the status change applied to them all. */
export function useBulkStatus() {
  const { message } = App.useApp();
  const confirmPlan = useBulkPlanConfirm();
  const [selected, setSelected] = useState<Signup[]>([]);
  const [target, setTarget] = useState<SignupStatus | null>(null);
  const [busy, setBusy] = useState(false);

  // The batch, its sign-ups and every other view reload on their own after a change.
  const changed = () => {
    setSelected([]);
    setTarget(null);
  };

  /**
   * Plans the change first: rows that cannot take the status are listed with the reason and
   * the rest are changed only after the person confirms (withdrawal always asks).
   */
  const applyStatus = async (status: SignupStatus) => {
    const withdrawing = status === 'withdrawn';
    setBusy(true);
    try {
      const plan = await invoke('exams.signups.planStatus', {
        ids: selected.map((s) => s.id),
        status,
      });
      setBusy(false);
      const proceed = await confirmPlan(plan, {
        title: withdrawing
          ? text.withdrawTitle(plan.applicable.length)
          : text.statusTitle(plan.applicable.length, signupStatusLabels[status]),
        danger: withdrawing,
        body: withdrawing ? withdrawBody(plan.schoolPaidLost) : undefined,
      });
      if (!proceed) return;
      setBusy(true);
      const result = await mutate('exams.signups.setStatus', { ids: plan.applicable, status });
      message.success(
        withdrawing
          ? text.withdrawn(result.updated)
          : text.statusChanged(result.updated, signupStatusLabels[status]),
      );
      changed();
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return { selected, setSelected, target, setTarget, busy, applyStatus, changed };
}

export type BulkStatus = ReturnType<typeof useBulkStatus>;
