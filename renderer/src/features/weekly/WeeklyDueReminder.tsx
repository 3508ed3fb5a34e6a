import { Alert, Button } from 'antd';
import { useState } from 'react';
import { type DueReminder } from '../../../../shared/domain/weeklyReports';
import { formatChinaDateTime } from '../../../../shared/domain/dates';
import { useQuery } from '../../api/useQuery';
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
  // A reminder is a hint: if it cannot be read (no answer), the banner and 周报 still say it.
  const answer = useQuery('weekly.reminders', {}).data;
  // The first answer's reminder, kept until closed: later answers (after the reports or the
  // schedule change) neither bring it back nor add one. undefined: no answer yet.
  const [reminder, setReminder] = useState<DueReminder | null>();
  if (reminder === undefined && answer) setReminder(answer.reminder);
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
