import dayjs, { type Dayjs } from 'dayjs';

/**
 * Form.Item props for a DatePicker whose form value is an ISO date string (what the contracts
 * take): the picker shows a dayjs, the form keeps 'YYYY-MM-DD' or null.
 */
export const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};
