import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { formatChinaDateTime, type DueReminder } from '../../../../shared/domain/weeklyReports';
import { invoke } from '../../api/client';
import { useNavigation } from '../../app/navigationStore';
import { t } from '../../i18n';

const tx = t.weekly.reminder;

/**
 * On opening the app, from the day before a due day until the due time: a reminder that the
 * report is due (`dueReminder` in shared/domain/weeklyReports.ts), once per opening. A banner
 * above the page, not a floating notice: it never covers a dialog's buttons.
 */
export function WeeklyDueReminder() {
  const go = useNavigation((s) => s.go);
  const [reminder, setReminder] = useState<DueReminder | null>(null);
  useEffect(() => {
    let cancelled = false;
    invoke('weekly.reminders', {}).then(
      (answer) => {
        if (!cancelled) setReminder(answer.reminder);
      },
      // A reminder is a hint: if it cannot be read, the banner and 周报 still say it.
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (!reminder) return null;
  return (
    <Alert
      data-testid="weekly-reminder"
      type="info"
      showIcon
      banner
      closable
      onClose={() => setReminder(null)}
      message={`${tx.title(reminder.label)}。${tx.body(formatChinaDateTime(reminder.dueAt))}`}
      action={
        <Button
          type="primary"
          size="small"
          onClick={() => {
            setReminder(null);
            go(`weekly/${reminder.periodStart}`);
          }}
        >
          {tx.go}
        </Button>
      }
    />
  );
}
