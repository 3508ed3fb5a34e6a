import { Select, type SelectProps } from 'antd';
import type { Major } from '../../../../shared/contract/majors';

/** A searchable, clearable picker of the school's majors, each shown as "code name". */
export function MajorSelect({
  majors,
  ...props
}: SelectProps<number> & { majors: readonly Major[] }) {
  return (
    <Select<number>
      allowClear
      showSearch
      optionFilterProp="label"
      options={majors.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` }))}
      {...props}
    />
  );
}
