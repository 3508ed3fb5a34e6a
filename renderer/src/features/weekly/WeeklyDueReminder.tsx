import { App, Button } from 'antd';
import { useEffect } from 'react';
import { formatChinaDateTime } from '../../../../shared/domain/weeklyReports';
import { invoke } from '../../api/client';
import { useNavigation } from '../../app/navigationStore';
import { t } from '../../i18n';

const tx = t.weekly.reminder;

/**
 * On opening the app, from the day before a due day until the due time: a reminder that the
 * report is due (`dueReminder` in shared/domain/weeklyReports.ts), once per opening.
 */
export function WeeklyDueReminder() {
  const { notification } = App.useApp();
  const go = useNavigation((s) => s.go);
  useEffect(() => {
    let cancelled = false;
    invoke('weekly.reminders', {}).then(
      ({ reminder }) => {
        if (cancelled || !reminder) return;
        const key = 'weekly-due-reminder';
        notification.info({
          key,
          message: tx.title(reminder.label),
          description: tx.body(formatChinaDateTime(reminder.dueAt)),
          duration: 0,
          props: { 'data-testid': 'weekly-reminder' },
          actions: (
            <Button
              type="primary"
              size="small"
              onClick={() => {
                notification.destroy(key);
                go(`weekly/${reminder.periodStart}`);
              }}
            >
              {tx.go}
            </Button>
          ),
        });
      },
      // A reminder is a hint: if it cannot be read, the banner and 周报 still say it.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [notification, go]);
  return null;
}
