import { ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect } from 'react';
import { alertLevelLabels } from '../../../../shared/domain/weeklyReports';
import { useNavigation } from '../../app/navigationStore';
import { t } from '../../i18n';
import { useQuery } from '../../api/useQuery';

const tx = t.weekly.alert;

/**
 * Shown above every page while a weekly report is overdue: 警告 (one period), 严重 (two in a
 * row), 取消试点资格风险 (three or more in a row), with a link to the 周报 page.
 */
export function WeeklyAlertBanner() {
  // A failed check leaves the last known alert in place: the banner is a hint.
  const { data: alert, retry: recheck } = useQuery('weekly.alert', {}, { keepPrevious: true });
  const { current, go } = useNavigation();

  // Reread on every page change, and every minute (a due time can pass while the app is open);
  // changes to the reports reload it on their own.
  useEffect(() => {
    recheck();
  }, [current, recheck]);
  useEffect(() => {
    const timer = window.setInterval(recheck, 60_000);
    return () => window.clearInterval(timer);
  }, [recheck]);

  if (!alert || alert.level === 'none') return null;
  const run = alert.longestRun;
  const text =
    alert.level === 'critical'
      ? tx.critical(run)
      : alert.level === 'serious'
        ? tx.serious(run)
        : tx.warning(alert.missedStarts.length);
  const critical = alert.level === 'critical';
  return (
    <Alert
      data-testid="weekly-alert"
      data-level={alert.level}
      type={alert.level === 'warning' ? 'warning' : 'error'}
      showIcon
      banner
      icon={critical ? <ExclamationCircleFilled style={{ color: '#fff' }} /> : undefined}
      style={
        critical
          ? { background: '#cf1322', color: '#fff', borderBottom: '1px solid #a8071a' }
          : undefined
      }
      // One line (the frame keeps its height at 1280×720); the rule shows on hover.
      message={
        <span title={tx.rule} style={critical ? { color: '#fff' } : undefined}>
          <strong>
            【{alertLevelLabels[alert.level]}】{text}
          </strong>
          。
          {alert.runLabels.length > 1
            ? tx.run(alert.runLabels, alert.missedLabels.length)
            : tx.periods(alert.missedLabels)}
          。
        </span>
      }
      action={
        current === 'weekly' ? undefined : (
          <Button size="small" danger={!critical} onClick={() => go('weekly')}>
            {tx.go}
          </Button>
        )
      }
    />
  );
}
