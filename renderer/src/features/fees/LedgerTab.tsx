import { Button, Flex, Space, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { memo, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { LedgerRow, LedgerSortKey } from '../../../../shared/contract/fees';
import { signupFeeOverCap } from '../../../../shared/domain/batchCap';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import {
  payerLabels,
  payers,
  signupStatusLabels,
  signupStatuses,
} from '../../../../shared/domain/fees';
import { DataTable } from '../../components/DataTable';
import { MultiFilterSelect } from '../../components/FilterSelect';
import { formatCount, formatDate, formatFen } from '../../components/format';
import { SearchAsYouType } from '../../components/SearchAsYouType';
import { useTableHeight } from '../../components/useTableHeight';
import { useNavigation } from '../../app/navigationStore';
import {
  pagedTableChange,
  serverFilterColumn,
  serverSortColumn,
  sortOfTable,
} from '../../components/serverSort';
import { t } from '../../i18n';
import { noWrap } from '../../components/noWrap';
import { linkButton, muted, plainTag } from '../../components/plainCellStyles';
import { FeeChangeModal } from './FeeChangeModal';
import { PageCheck, RowCheck } from './LedgerSelection';
import {
  defaultLedgerQuery,
  useFeesStore,
  useLedgerFacets,
  useLedgerPage,
  type LedgerQuery,
} from './feesStore';

const text = t.fees;
const c = text.columns;

const studentTag = { ...plainTag, color: '#d46b08', borderColor: '#ffd591', background: '#fff7e6' };
const overTag = {
  ...plainTag,
  marginRight: 4,
  color: '#cf1322',
  borderColor: '#ffa39e',
  background: '#fff1f0',
};

/** The level after the batch's name, unless the name already says it. */
// Plain functions rather than components: no extra fiber per cell.
function batchCell(label: string, level: LedgerRow['level']): ReactNode {
  const levelLabel = certificateLevelLabels[level];
  return label.includes(levelLabel) ? (
    label
  ) : (
    <>
      {label}
      <span style={muted}> · {levelLabel}</span>
    </>
  );
}

/**
 * The fee against its level's cap: 超过上限 in red when a live sign-up's fee is above it (as
 * 规则检查 judges it: a withdrawn one charges nothing), 未登记 when none is recorded.
 */
function feeCell(r: LedgerRow): ReactNode {
  const { feeFen: fee, capFen: cap } = r;
  return (
    <span>
      {signupFeeOverCap(r.status, fee, cap) && <span style={overTag}>{text.overCap}</span>}
      {formatFen(fee)}
      <span style={muted}> / {cap === null ? text.noCap : formatFen(cap)}</span>
    </span>
  );
}

/** Fixed widths plus room for the batch name: fits a 1366-pixel-wide screen without scrolling. */
const COLUMNS_WIDTH = 1100;

const isFiltered = (q: LedgerQuery) =>
  q.search !== '' ||
  q.certificateIds.length > 0 ||
  q.batchIds.length > 0 ||
  q.payers.length > 0 ||
  q.statuses.length > 0;

/** Certificate and batch pickers above the table. */
const Filters = memo(function Filters() {
  const facets = useLedgerFacets().data;
  const certificateIds = useFeesStore((s) => s.query.certificateIds);
  const batchIds = useFeesStore((s) => s.query.batchIds);
  const setQuery = useFeesStore((s) => s.setQuery);
  const batches = (facets?.batches ?? []).filter(
    (b) => certificateIds.length === 0 || certificateIds.includes(b.certificateId),
  );
  return (
    <>
      <MultiFilterSelect
        id="fees-certificate-filter"
        label={text.filters.certificate}
        minWidth={200}
        value={certificateIds}
        onChange={(ids) => void setQuery({ certificateIds: ids })}
        options={(facets?.certificates ?? []).map((x) => ({
          value: x.id,
          label: `${x.name}（${formatCount(x.signups)}）`,
        }))}
      />
      <MultiFilterSelect
        id="fees-batch-filter"
        label={text.filters.batch}
        minWidth={260}
        searchable
        value={batchIds}
        onChange={(ids) => void setQuery({ batchIds: ids })}
        options={batches.map((b) => ({
          value: b.id,
          label: `${b.label}（${formatCount(b.signups)}）`,
        }))}
      />
    </>
  );
});

const tableQuery = (q: LedgerQuery) =>
  JSON.stringify([q.sortBy, q.sortOrder, q.payers, q.statuses]);

/** The ledger: one page from the core; re-renders only when a page arrives or a column changes. */
const LedgerTable = memo(function LedgerTable({
  onChangeRows,
}: {
  onChangeRows: (ids: number[]) => void;
}) {
  const ledger = useLedgerPage();
  const result = ledger.data;
  const shownQuery = ledger.answers;
  const facets = useLedgerFacets().data;
  const firstLoad = ledger.fetching && result === null;
  const page = useFeesStore((s) => s.query.page);
  const pageSize = useFeesStore((s) => s.query.pageSize);
  const queryKey = useFeesStore((s) => tableQuery(s.query));
  const go = useNavigation((s) => s.go);
  const tableHeight = useTableHeight(420);

  const columns = useMemo((): ColumnsType<LedgerRow> => {
    const query = useFeesStore.getState().query;
    const sortable = (key: LedgerSortKey) => serverSortColumn(query, key);
    return [
      {
        title: <PageCheck />,
        key: 'select',
        width: 40,
        align: 'center',
        render: (_, r) => <RowCheck id={r.id} name={r.name} />,
      },
      {
        title: c.studentNo,
        dataIndex: 'studentNo',
        width: 140,
        render: noWrap,
        ...sortable('studentNo'),
      },
      {
        title: c.name,
        dataIndex: 'name',
        width: 90,
        ellipsis: true,
        ...sortable('name'),
        render: (_, r) => (
          <button
            type="button"
            style={linkButton}
            title={text.statementLink}
            onClick={() => go(`fees/ledger/student/${r.studentId}`)}
          >
            {r.name}
          </button>
        ),
      },
      { title: c.className, dataIndex: 'className', width: 110, ellipsis: true },
      {
        title: c.batch,
        dataIndex: 'batchLabel',
        ellipsis: true,
        render: (label: string, r) => batchCell(label, r.level),
      },
      {
        title: c.examDate,
        dataIndex: 'examDate',
        width: 130,
        ...sortable('examDate'),
        render: (d: string) => formatDate(d),
      },
      {
        title: c.status,
        width: 80,
        ...serverFilterColumn('status', signupStatuses, signupStatusLabels, query.statuses),
        render: (s: LedgerRow['status']) =>
          s === 'withdrawn' ? (
            <span style={muted}>{signupStatusLabels[s]}</span>
          ) : (
            signupStatusLabels[s]
          ),
      },
      {
        title: c.payer,
        width: 120,
        ...serverFilterColumn('payer', payers, payerLabels, query.payers),
        render: (p: LedgerRow['payer']) =>
          p === 'student' ? <span style={studentTag}>{payerLabels[p]}</span> : payerLabels[p],
      },
      {
        title: text.feeAndCap,
        dataIndex: 'feeFen',
        width: 200,
        align: 'right',
        // Below 1366 px the table scrolls sideways: the money and 修改 stay in sight.
        fixed: 'right',
        ...sortable('feeFen'),
        render: (_: number, r) => feeCell(r),
      },
      {
        title: c.actions,
        key: 'actions',
        width: 56,
        fixed: 'right',
        // A withdrawn sign-up has no fee to change (the core refuses it): said, not offered.
        render: (_, r) =>
          r.status === 'withdrawn' ? (
            <span style={muted} title={text.changeWithdrawn} data-testid={`fees-change-${r.id}`}>
              {text.change}
            </span>
          ) : (
            <button
              type="button"
              style={linkButton}
              onClick={() => onChangeRows([r.id])}
              data-testid={`fees-change-${r.id}`}
            >
              {text.change}
            </button>
          ),
      },
    ];
    // queryKey stands for the query parts read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, facets, go, onChangeRows]);

  const onChange: TableProps<LedgerRow>['onChange'] = (pagination, filters, sorter) => {
    const { query, setQuery } = useFeesStore.getState();
    const patch: Partial<LedgerQuery> = {
      payers: (filters.payer ?? []) as LedgerQuery['payers'],
      statuses: (filters.status ?? []) as LedgerQuery['statuses'],
      ...sortOfTable<LedgerSortKey, LedgerRow>(sorter, { sortBy: 'id', sortOrder: 'desc' }),
    };
    void setQuery(pagedTableChange(query, patch, pagination, tableQuery));
  };

  return (
    <div data-testid="fees-table" data-search={shownQuery?.search ?? ''}>
      <DataTable<LedgerRow>
        reuseRows
        size="small"
        showSorterTooltip={false}
        columns={columns}
        dataSource={result?.items ?? []}
        loading={firstLoad}
        virtual
        scroll={{ x: COLUMNS_WIDTH, y: tableHeight }}
        onChange={onChange}
        emptyHint={facets && facets.signups > 0 ? text.noMatch : text.emptyHint}
        pagination={{
          current: page,
          pageSize,
          total: result?.total ?? 0,
          pageSizeOptions: [50, 100, 200, 500],
        }}
      />
    </div>
  );
});

const Summary = memo(function Summary() {
  const result = useLedgerPage().data;
  if (!result) return null;
  const { signups, feeFen, withdrawn } = result.figures;
  return (
    <Typography.Text type="secondary" data-testid="fees-summary">
      {text.summary(formatCount(signups), formatFen(feeFen))}
      {withdrawn.signups > 0 &&
        `；${text.withdrawnLine(formatCount(withdrawn.signups), formatFen(withdrawn.feeFen))}`}
    </Typography.Text>
  );
});

/** 台账: sign-ups with fee and payer; search, filter, and change one or many at once. */
export function LedgerTab() {
  const setQuery = useFeesStore((s) => s.setQuery);
  const selected = useFeesStore((s) => s.selected);
  const filtered = useFeesStore((s) => isFiltered(s.query));
  const [searchKey, setSearchKey] = useState(0);
  const [changing, setChanging] = useState<number[] | null>(null);
  // Stable, so the search box does not re-render when the first search shows 清除筛选.
  const onSearch = useCallback((search: string) => void setQuery({ search }), [setQuery]);
  const clear = () => {
    setSearchKey((k) => k + 1);
    const { pageSize, sortBy, sortOrder } = useFeesStore.getState().query;
    void setQuery({ ...defaultLedgerQuery, pageSize, sortBy, sortOrder });
  };
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <SearchAsYouType
          key={searchKey}
          id="fees-search"
          placeholder={text.searchPlaceholder}
          initial={useFeesStore.getState().query.search}
          onSearch={onSearch}
        />
        <Filters />
        {filtered && (
          <Button type="link" onClick={clear}>
            {text.clearFilters}
          </Button>
        )}
        <Space style={{ marginLeft: 'auto' }}>
          {selected.length > 0 && (
            <Typography.Text>{text.selected(selected.length)}</Typography.Text>
          )}
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => setChanging(selected)}
          >
            {text.bulkChange}
          </Button>
        </Space>
      </Flex>
      <div style={{ marginBottom: 8 }}>
        <Summary />
      </div>
      <LedgerTable onChangeRows={setChanging} />
      {changing && <FeeChangeModal signupIds={changing} onClose={() => setChanging(null)} />}
    </>
  );
}
