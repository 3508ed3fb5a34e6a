import { Tag } from 'antd';
import type { SelfCheckSummary } from '../../../shared/contract/projects';
import { t } from '../i18n';

const colors = { pass: 'success', warn: 'warning', fail: 'error' } as const;

/** One project's self-check at a glance: 全部符合, or how many conditions fail or warn. */
export function SelfCheckTag({ summary }: { summary: SelfCheckSummary }) {
  return (
    <Tag color={colors[summary.level]} data-testid="selfcheck-tag" data-level={summary.level}>
      {t.selfCheck.summary(summary.fail, summary.warn)}
    </Tag>
  );
}
