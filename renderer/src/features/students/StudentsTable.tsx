import { DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Tooltip, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { memo, useMemo } from 'react';
import type { Student, StudentSortKey } from '../../../../shared/contract/students';
import { idTypeLabels } from '../../../../shared/domain/idNumber';
import { genderLabels, genders } from '../../../../shared/domain/teachers';
import { DataTable } from '../../components/DataTable';
import { formatCount } from '../../components/format';
import { useTableHeight } from '../../components/useTableHeight';
import { invoke, messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import {
  pagedTableChange,
  serverFilterColumn,
  serverSortColumn,
  sortOfTable,
} from '../../components/serverSort';
import { t } from '../../i18n';
import {
  useStudentFacets,
  useStudentList,
  useStudentsStore,
  type StudentQuery,
} from './studentsStore';
import { noWrap } from '../../components/noWrap';
import { linkButton, muted, plainTag } from '../../components/plainCellStyles';

const text = t.students;
const c = text.columns;
const NONE = '__none__';
const dash = <span style={muted}>—</span>;
const idTypeTag = { ...plainTag, marginLeft: 4 };
const warningTag = {
  ...plainTag,
  marginRight: 4,
  color: '#d46b08',
  borderColor: '#ffd591',
  background: '#fff7e6',
};

/** The columns' widths added up: the table scrolls sideways in narrower windows. */
const COLUMNS_WIDTH = 1198;

/** Room between 编辑 and 删除. */
const rowLink = { ...linkButton, padding: '0 4px' };

/**
 * Edit and delete for one row. Delete asks first in a confirmation dialog (确定/取消) that says
 * what uses the student; one dialog for the page keeps each row light for a fast table.
 */
const RowActions = memo(function RowActions({
  student,
  onEdit,
}: {
  student: Student;
  onEdit: (student: Student) => void;
}) {
  const { message, modal } = App.useApp();
  const what = text.what(student.name, student.studentNo);
  const askDelete = async () => {
    let usage;
    try {
      usage = await invoke('students.usage', { id: student.id });
    } catch (error) {
      message.error(t.deleteConfirm.checkFailed(messageOf(error)));
      return;
    }
    if (usage.refs.some((r) => r.onDelete === 'block')) {
      // Nothing to confirm: say why it cannot go, with only a way out.
      modal.warning({
        title: t.deleteConfirm.blockedTitle(what),
        content: usage.summary,
        okText: t.common.close,
      });
      return;
    }
    modal.confirm({
      title: t.deleteConfirm.confirmTitle(what),
      content: usage.refs.length === 0 ? t.deleteConfirm.unused : usage.summary,
      okText: t.common.confirm,
      cancelText: t.common.cancel,
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await mutate('students.delete', { id: student.id, force: usage.refs.length > 0 });
          message.success(text.deleted(student.name));
        } catch (error) {
          message.error(`${t.common.requestFailed}：${messageOf(error)}`);
        }
      },
    });
  };
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <button
        type="button"
        style={rowLink}
        onClick={() => onEdit(student)}
        data-testid={`student-edit-${student.studentNo}`}
      >
        <EditOutlined /> {t.common.edit}
      </button>
      <button
        type="button"
        style={{ ...rowLink, color: '#ff4d4f' }}
        onClick={() => void askDelete()}
        data-testid={`student-delete-${student.studentNo}`}
      >
        <DeleteOutlined /> {t.common.delete}
      </button>
    </span>
  );
});

/** Only the query's parts the table shows (sort, column filters, page); not the search text. */
const tableQuery = (q: StudentQuery) =>
  JSON.stringify([q.sortBy, q.sortOrder, q.majors, q.classNames, q.entryYears, q.genders]);

/**
 * The roster table: one page from the core, rendered virtually. It re-renders only when a new
 * page arrives or its own sort/filter state changes — never while the user types in the search.
 */
export const StudentsTable = memo(function StudentsTable({
  onEdit,
}: {
  onEdit: (student: Student) => void;
}) {
  const list = useStudentList();
  const result = list.data;
  const shownQuery = list.answers;
  const facets = useStudentFacets();
  const firstLoad = list.fetching && result === null;
  const page = useStudentsStore((s) => s.query.page);
  const pageSize = useStudentsStore((s) => s.query.pageSize);
  const queryKey = useStudentsStore((s) => tableQuery(s.query));
  const tableHeight = useTableHeight(380);

  const columns = useMemo((): ColumnsType<Student> => {
    const query = useStudentsStore.getState().query;
    const sortable = (key: StudentSortKey) => serverSortColumn(query, key);
    const majorFilters = (facets?.majors ?? []).map((m) =>
      m.majorId === null
        ? { text: text.withCount(text.noMajor, formatCount(m.count)), value: NONE }
        : { text: text.withCount(`${m.code} ${m.name}`, formatCount(m.count)), value: m.majorId },
    );
    const classFilters = (facets?.classes ?? []).map((k) => ({
      text: text.withCount(k.value || text.noValue, formatCount(k.count)),
      value: k.value === '' ? NONE : k.value,
    }));
    const yearFilters = (facets?.entryYears ?? []).map((y) => ({
      text: text.withCount(
        y.value === null ? text.noValue : text.yearSuffix(y.value),
        formatCount(y.count),
      ),
      value: y.value === null ? NONE : y.value,
    }));
    return [
      {
        title: c.studentNo,
        dataIndex: 'studentNo',
        width: 140,
        render: noWrap,
        fixed: 'left',
        ...sortable('studentNo'),
      },
      { title: c.name, dataIndex: 'name', width: 90, ellipsis: true, ...sortable('name') },
      {
        title: c.gender,
        width: 84,
        render: (g: Student['gender']) => genderLabels[g],
        ...serverFilterColumn('gender', genders, genderLabels, query.genders),
        ...sortable('gender'),
      },
      {
        title: c.idNumber,
        dataIndex: 'idNumber',
        width: 190,
        ...sortable('idNumber'),
        render: (_, s) => (
          <span>
            <span style={{ fontFamily: 'monospace' }}>{s.idNumber}</span>
            {s.idType !== 'resident' && <span style={idTypeTag}>{idTypeLabels[s.idType]}</span>}
            {s.idWarning && (
              <Tooltip title={s.idWarning}>
                <WarningOutlined
                  style={{ color: '#faad14', marginLeft: 4 }}
                  aria-label={s.idWarning}
                />
              </Tooltip>
            )}
          </span>
        ),
      },
      {
        title: c.major,
        width: 160,
        ellipsis: true,
        ...sortable('major'),
        filters: majorFilters,
        filterSearch: true,
        filteredValue: query.majors.length
          ? query.majors.map((m) => (m === 'none' ? NONE : m))
          : null,
        render: (_, s) =>
          s.majorId !== null ? (
            <span title={`${s.majorCode} ${s.majorName}`}>{s.majorName}</span>
          ) : s.majorText ? (
            <span title={s.majorText}>
              <span style={warningTag}>{text.unmatchedTag}</span>
              <span style={muted}>{s.majorText}</span>
            </span>
          ) : (
            dash
          ),
      },
      {
        title: c.className,
        dataIndex: 'className',
        width: 120,
        ellipsis: true,
        ...sortable('className'),
        filters: classFilters,
        filterSearch: true,
        filteredValue: query.classNames.length
          ? query.classNames.map((k) => (k === '' ? NONE : k))
          : null,
        render: (value: string) => value || dash,
      },
      {
        title: c.entryYear,
        dataIndex: 'entryYear',
        width: 84,
        ...sortable('entryYear'),
        filters: yearFilters,
        filteredValue: query.entryYears.length
          ? query.entryYears.map((y) => (y === 'none' ? NONE : y))
          : null,
        render: (year: number | null) => year ?? dash,
      },
      { title: c.phone, dataIndex: 'phone', width: 124, ...sortable('phone') },
      {
        title: c.pilot,
        dataIndex: 'pilot',
        width: 96,
        align: 'center',
        ...sortable('pilot'),
        render: (pilot: boolean) =>
          pilot ? (
            <span style={{ color: '#389e0d' }}>{text.yes}</span>
          ) : (
            <span style={muted}>{text.no}</span>
          ),
      },
      {
        title: c.actions,
        key: 'actions',
        width: 130,
        fixed: 'right',
        render: (_, s) => <RowActions student={s} onEdit={onEdit} />,
      },
    ];
    // queryKey stands for the query parts read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, facets, onEdit]);

  const onChange: TableProps<Student>['onChange'] = (pagination, filters, sorter) => {
    const { query, setQuery } = useStudentsStore.getState();
    const values = (key: string) => (filters[key] ?? []) as (string | number | boolean)[];
    const patch: Partial<StudentQuery> = {
      majors: values('major').map((v) => (v === NONE ? 'none' : Number(v))),
      classNames: values('className').map((v) => (v === NONE ? '' : String(v))),
      entryYears: values('entryYear').map((v) => (v === NONE ? 'none' : Number(v))),
      genders: values('gender') as StudentQuery['genders'],
      ...sortOfTable<StudentSortKey, Student>(sorter, { sortBy: 'studentNo', sortOrder: 'asc' }),
    };
    void setQuery(pagedTableChange(query, patch, pagination, tableQuery));
  };

  return (
    <div
      data-testid="students-table"
      data-search={shownQuery?.search ?? ''}
      data-pilot={String(shownQuery?.pilot ?? 'all')}
    >
      <DataTable<Student>
        reuseRows
        virtual
        showSorterTooltip={false}
        size="small"
        columns={columns}
        dataSource={result?.items ?? []}
        loading={firstLoad}
        scroll={{ x: COLUMNS_WIDTH, y: tableHeight }}
        onChange={onChange}
        emptyHint={facets && facets.total > 0 ? text.noMatch : text.emptyHint}
        pagination={{
          current: page,
          pageSize,
          total: result?.stats.total ?? 0,
          pageSizeOptions: [50, 100, 200, 500, 1000],
        }}
      />
    </div>
  );
});
