import { useMemo, useState, type ReactNode } from 'react';
import { DataTable, type DataTableProps } from './DataTable';
import { certificateOptionsOf, FilterBar, FilterSelect } from './FilterSelect';

interface Props<R, K extends keyof R> extends Omit<
  DataTableProps<R>,
  'dataSource' | 'emptyHint' | 'rowKey'
> {
  /** All the records; the table shows those the two filters let through. */
  items: R[];
  /** The certificate filter's options; by default the certificates of `items`. */
  certificates?: { value: number; label: string }[];
  /** The page's own filter, beside 全部证书: one field of the record, e.g. its status or level. */
  filter: {
    field: K;
    /** Shown when cleared, e.g. 全部状态. */
    label: string;
    width: number;
    options: { value: R[K] & (string | number); label: string }[];
  };
  text: {
    /** When no record passes the filters. */
    noMatch: ReactNode;
    /** When there is no record at all: what to do first. */
    emptyHint: ReactNode;
  };
}

/**
 * A table of records per certificate under its filters: 全部证书 and one field of the page's
 * (`filter`); it says whether the list is empty or only filtered empty.
 */
export function CertificateFilteredTable<
  R extends { id: number; certificateId: number; certificateName: string },
  K extends keyof R,
>({ items, certificates, filter, text, ...table }: Props<R, K>) {
  const [certificateId, setCertificateId] = useState<number | null>(null);
  const [value, setValue] = useState<(R[K] & (string | number)) | null>(null);
  const rows = useMemo(
    () =>
      items.filter(
        (r) =>
          (certificateId === null || r.certificateId === certificateId) &&
          (value === null || r[filter.field] === value),
      ),
    [items, certificateId, value, filter.field],
  );
  const itemCertificates = useMemo(() => certificateOptionsOf(items), [items]);
  return (
    <>
      <FilterBar
        certificateId={certificateId}
        onCertificateChange={setCertificateId}
        certificates={certificates ?? itemCertificates}
      >
        <FilterSelect
          label={filter.label}
          width={filter.width}
          value={value}
          onChange={setValue}
          options={filter.options}
        />
      </FilterBar>
      <DataTable<R>
        rowKey="id"
        dataSource={rows}
        emptyHint={items.length ? text.noMatch : text.emptyHint}
        {...table}
      />
    </>
  );
}
