import { App, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { BulkPlan } from '../../../shared/domain/bulk';
import { t } from '../i18n';

/** The rows a bulk action skips, each with its student and the reason. */
function SkippedList({ plan }: { plan: BulkPlan }) {
  return (
    <>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t.bulk.skippedTitle(plan.skipped.length)}
      </Typography.Paragraph>
      <ul
        data-testid="bulk-skipped"
        style={{ paddingLeft: 18, maxHeight: 240, overflowY: 'auto', marginTop: 0 }}
      >
        {plan.skipped.map((s) => (
          <li key={s.id}>
            {s.name}（{s.studentNo}）：{s.reason}
          </li>
        ))}
      </ul>
    </>
  );
}

interface Options {
  title: string;
  okText?: string;
  danger?: boolean;
  /** Said above the skipped rows even when none are skipped (a confirmation of its own). */
  body?: ReactNode;
}

/**
 * Shows what a planned bulk action skips and why, and asks before applying the rest. The
 * returned function resolves true to go ahead with `plan.applicable`; false when the person
 * cancels or nothing applies (said in a dialog or a message). Without skipped rows or a `body`
 * of its own it resolves true at once.
 */
export function useBulkPlanConfirm() {
  const { modal, message } = App.useApp();
  return (plan: BulkPlan, { title, okText, danger, body }: Options): Promise<boolean> => {
    if (plan.applicable.length === 0) {
      if (plan.skipped.length > 0) {
        modal.warning({
          title: t.bulk.nothingApplies,
          width: 600,
          content: <SkippedList plan={plan} />,
          okText: t.common.confirm,
        });
      } else {
        message.info(t.bulk.nothingToChange);
      }
      return Promise.resolve(false);
    }
    if (plan.skipped.length === 0 && body === undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      modal.confirm({
        title,
        width: 600,
        content: (
          <>
            {body}
            {plan.skipped.length > 0 && (
              <>
                <SkippedList plan={plan} />
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {t.bulk.applyRest(plan.applicable.length)}
                </Typography.Paragraph>
              </>
            )}
          </>
        ),
        okText: okText ?? (plan.skipped.length > 0 ? t.bulk.applyOk : t.common.confirm),
        okButtonProps: danger ? { danger: true } : undefined,
        cancelText: t.common.cancel,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };
}
