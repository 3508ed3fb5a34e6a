import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { notOnTimeRunText, type NotOnTimeRun } from '../../../../shared/domain/weeklyReports';
import { t } from '../../i18n';

/**
 * Rule 16 as it happened (已发生): every run of periods not filed on time that reached the
 * threshold. It stays after late filing, beside the current-risk banner, on 首页 and in 周报.
 */
export function WeeklyFacts({
  runs,
  style,
}: {
  runs: readonly NotOnTimeRun[];
  style?: CSSProperties;
}) {
  if (runs.length === 0) return null;
  return (
    <Alert
      data-testid="weekly-facts"
      type="error"
      showIcon
      style={style}
      message={t.weekly.facts.title}
      description={
        <>
          {runs.map((run) => (
            <div key={run.from}>{notOnTimeRunText(run)}</div>
          ))}
        </>
      }
    />
  );
}
