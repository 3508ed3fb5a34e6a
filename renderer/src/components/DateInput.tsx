import { CalendarOutlined } from '@ant-design/icons';
import { Calendar, Input, Popover, type FormItemProps, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { useState, type CSSProperties } from 'react';
import { formatChineseDate, parseTypedDate } from '../../../shared/domain/dates';
import { t } from '../i18n';

/** The form value: an ISO date, null when blank, or the typed text that is no date (kept). */
type DateValue = string | null | undefined;

function valueOf(text: string): string | null {
  if (text.trim() === '') return null;
  const parsed = parseTypedDate(text);
  return parsed.ok ? parsed.iso : text;
}

/** The text shown for a form value: a date in Chinese, anything else as it was typed. */
function textOf(value: DateValue): string {
  if (!value) return '';
  const parsed = parseTypedDate(value);
  return parsed.ok ? formatChineseDate(parsed.iso) : value;
}

/** Refuses typed text that is no date, saying why (e.g. 日期无效：2019年2月没有30日). */
const typedDateRule: FormRule = {
  validator: async (_rule, value: DateValue) => {
    if (!value) return;
    const parsed = parseTypedDate(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};

/**
 * Form.Item props for a DateInput: its own check first (what is wrong with the typed text),
 * then the field's rules, run when the person leaves the field (not at every keystroke).
 */
export function dateField(...rules: FormRule[]): FormItemProps {
  return { rules: [typedDateRule, ...rules], validateFirst: true, validateTrigger: 'onBlur' };
}

interface Props {
  id?: string;
  value?: DateValue;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
}

/**
 * The one date field: takes a date as people type it (2019-09-01, 2019/9/1, 2019.9.1, 20190901,
 * 2019年9月1日) or picked from a calendar, shows it as 2019年9月1日, and keeps the form value an
 * ISO 'YYYY-MM-DD'. Text that is no date is kept as typed for the form's rule to refuse, never
 * dropped. Esc with the calendar open closes only the calendar.
 */
export function DateInput({ id, value, onChange, onBlur, placeholder, disabled, style }: Props) {
  const [text, setText] = useState(() => textOf(value));
  // The form value `text` stands for: a value set from outside (load, reset) replaces the text.
  const [textFor, setTextFor] = useState<DateValue>(value);
  const [open, setOpen] = useState(false);
  if ((value ?? null) !== (textFor ?? null)) {
    setTextFor(value);
    setText(textOf(value));
  }

  const commit = (typed: string) => {
    const next = valueOf(typed);
    setText(typed);
    setTextFor(next);
    if (next !== (value ?? null)) onChange?.(next);
  };
  const tidy = () => setText(textOf(textFor));
  const picked = typeof textFor === 'string' && parseTypedDate(textFor).ok ? textFor : null;

  return (
    <span
      style={{ display: 'block', ...style }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        // Only the calendar closes, not the dialog or drawer around the field.
        event.stopPropagation();
        setOpen(false);
      }}
    >
      <Input
        id={id}
        value={text}
        disabled={disabled}
        placeholder={placeholder ?? t.common.datePlaceholder}
        autoComplete="off"
        onChange={(event) => commit(event.target.value)}
        onBlur={() => {
          tidy();
          onBlur?.();
        }}
        // Enter commits like leaving the field: shown in Chinese, checked by the form. It does not
        // also submit the form around it: the person sees the date as read before saving.
        onPressEnter={(event) => {
          event.preventDefault();
          tidy();
          onBlur?.();
        }}
        suffix={
          <Popover
            open={open && !disabled}
            onOpenChange={setOpen}
            trigger="click"
            placement="bottomRight"
            destroyOnHidden
            content={
              <div style={{ width: 300 }}>
                <Calendar
                  fullscreen={false}
                  defaultValue={picked ? dayjs(picked) : undefined}
                  onSelect={(day, { source }) => {
                    if (source !== 'date') return;
                    commit(formatChineseDate(day.format('YYYY-MM-DD')));
                    setOpen(false);
                    onBlur?.();
                  }}
                />
              </div>
            }
          >
            <CalendarOutlined
              role="button"
              aria-label={t.common.pickDate}
              style={{ color: 'rgba(0,0,0,0.45)', cursor: disabled ? 'not-allowed' : 'pointer' }}
            />
          </Popover>
        }
      />
    </span>
  );
}
