import { Flex, Select } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/**
 * A table's filter above it: cleared, it shows `label` (“全部证书”) and filters nothing (null);
 * `searchable` lets the person type to find an option.
 */
export function FilterSelect<V extends string | number>({
  label,
  width,
  value,
  onChange,
  options,
  searchable = false,
}: {
  label: string;
  width: number;
  value: V | null;
  onChange: (value: V | null) => void;
  options: { value: V; label: string }[];
  searchable?: boolean;
}) {
  return (
    <Select<V | null>
      allowClear
      showSearch={searchable}
      optionFilterProp={searchable ? 'label' : undefined}
      style={{ width }}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      options={options}
    />
  );
}

/**
 * A table's filter that picks several values: cleared, it shows `label` and filters nothing ([]);
 * `searchable` finds options by their label as the person types.
 */
export function MultiFilterSelect<V extends string | number>({
  id,
  label,
  minWidth,
  value,
  onChange,
  options,
  searchable = false,
}: {
  id?: string;
  label: string;
  minWidth: number;
  value: V[];
  onChange: (value: V[]) => void;
  options: { value: V; label: string }[];
  searchable?: boolean;
}) {
  return (
    <Select<V[]>
      id={id}
      mode="multiple"
      allowClear
      optionFilterProp={searchable ? 'label' : undefined}
      style={{ minWidth }}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** The distinct certificates of a list's items, as filter options in the order first seen. */
export function certificateOptionsOf(
  items: readonly { certificateId: number; certificateName: string }[],
): { value: number; label: string }[] {
  return [...new Map(items.map((i) => [i.certificateId, i.certificateName]))].map(
    ([value, label]) => ({ value, label }),
  );
}

/**
 * The filters above a table of records per certificate: 全部证书 (searchable) first, then the
 * page's own filters (`children`).
 */
export function FilterBar({
  certificateId,
  onCertificateChange,
  certificates,
  children,
}: {
  certificateId: number | null;
  onCertificateChange: (id: number | null) => void;
  certificates: { value: number; label: string }[];
  children: ReactNode;
}) {
  return (
    <Flex gap={12} style={{ marginBottom: 16 }}>
      <FilterSelect
        label={t.common.allCertificates}
        width={260}
        searchable
        value={certificateId}
        onChange={onCertificateChange}
        options={certificates}
      />
      {children}
    </Flex>
  );
}
