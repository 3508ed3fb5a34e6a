import { App, Typography } from 'antd';
import type { Certificate, FeeLimitInput } from '../../../../shared/contract/catalogue';
import type { OverCapViolation } from '../../../../shared/contract/fees';
import { invoke } from '../../api/client';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';

const text = t.catalogue.overCap;
const keyOf = (v: OverCapViolation) => `${v.kind}-${v.id}`;

/** One line per batch: its own fee over the cap, and how many of its sign-ups are. */
function lines(found: readonly OverCapViolation[]): string[] {
  const byBatch = new Map<number, OverCapViolation[]>();
  for (const v of found) byBatch.set(v.batchId, [...(byBatch.get(v.batchId) ?? []), v]);
  return [...byBatch.values()].flatMap((list) => {
    const { batchLabel, capFen } = list[0];
    const batch = list.find((v) => v.kind === 'batch');
    const signups = list.filter((v) => v.kind === 'signup').length;
    return [
      ...(batch ? [text.batch(batchLabel, formatFen(batch.feeFen), formatFen(capFen))] : []),
      ...(signups > 0 ? [text.signups(batchLabel, signups, formatFen(capFen))] : []),
    ];
  });
}

/**
 * Before saving a certificate's limits: asks when they would put existing batches or sign-ups
 * over their cap that are not over it now (rule 11, judged by the core as 规则检查 judges it).
 * Resolves true to go on saving.
 */
export function useOverCapConfirm() {
  const { modal } = App.useApp();
  return async (certificate: Certificate, limits: FeeLimitInput[]): Promise<boolean> => {
    const overCapWith = (tried: FeeLimitInput[]) =>
      invoke('catalogue.overCapWith', { id: certificate.id, limits: tried });
    const [now, after] = await Promise.all([overCapWith(certificate.limits), overCapWith(limits)]);
    const already = new Set(now.map(keyOf));
    const added = after.filter((v) => !already.has(keyOf(v)));
    if (added.length === 0) return true;
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: text.title,
        width: 560,
        content: (
          <div data-testid="over-cap-confirm">
            <Typography.Paragraph>{text.intro}</Typography.Paragraph>
            <ul>
              {lines(added).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        ),
        okText: text.ok,
        cancelText: t.common.cancel,
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  };
}
