import { Button, Checkbox, Flex, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Breakpoint } from 'antd/es/_util/responsiveObserver';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Teacher } from '../../../../shared/contract/teachers';
import { formatChineseYearMonth } from '../../../../shared/domain/dates';
import {
  filterTeachers,
  formatSchooling,
  genderLabels,
  genders,
  teacherStats,
  type TeacherFilter,
  type TeacherFlag,
} from '../../../../shared/domain/teachers';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { t } from '../../i18n';
import { TeacherFormModal } from './TeacherFormModal';
import { TeacherStats } from './TeacherStats';
import { useTeachers } from './teachersStore';
import { byText } from '../../components/format';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { ImportButton } from '../../components/ImportButton';
import { editDeleteColumn } from '../../components/editDeleteColumn';

const flags: readonly TeacherFlag[] = [
  'fullTime',
  'dualQualified',
  'canTeachIndependently',
  'assessor',
];
/**
 * Flags whose columns show from 1600 px (xxl) only: at 1280 px the table is too wide with them,
 * and the stats card 能独立承担教学任务的专任教师 and the filters above still show them.
 */
const wideOnlyFlags: ReadonlySet<TeacherFlag> = new Set(['fullTime', 'canTeachIndependently']);
type MajorFilter = TeacherFilter['major'];

function FlagTag({ value }: { value: boolean }) {
  return value ? <Tag color="green">{t.teachers.yes}</Tag> : <Tag>{t.teachers.no}</Tag>;
}

export function TeachersPage() {
  const { items, saving, load, save, usage, remove } = useTeachers();
  const majors = useQuery('majors.list', {}).data ?? [];
  const [search, setSearch] = useState('');
  const [major, setMajor] = useState<MajorFilter>(undefined);
  const [flagFilter, setFlagFilter] = useState<TeacherFlag[]>([]);
  const { edit, dialog } = useEditDialog<Teacher>((teacher, close) => (
    <TeacherFormModal
      teacher={teacher}
      majors={majors}
      saving={saving}
      onSave={save}
      onClose={close}
    />
  ));
  const f = t.teachers.fields;

  const deferredSearch = useDeferredValue(search);
  const rows = useMemo(
    () => filterTeachers(items, { search: deferredSearch, major, flags: flagFilter }),
    [items, deferredSearch, major, flagFilter],
  );
  const stats = useMemo(() => teacherStats(rows), [rows]);
  const filtered = deferredSearch.trim() !== '' || major !== undefined || flagFilter.length > 0;

  const flagColumn = (flag: TeacherFlag) => ({
    title: f[flag],
    dataIndex: flag,
    align: 'center' as const,
    responsive: wideOnlyFlags.has(flag) ? (['xxl'] as Breakpoint[]) : undefined,
    render: (value: boolean) => <FlagTag value={value} />,
    sorter: (a: Teacher, b: Teacher) => Number(a[flag]) - Number(b[flag]),
  });

  const columns: ColumnsType<Teacher> = [
    {
      title: f.staffNo,
      dataIndex: 'staffNo',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => byText(a.staffNo, b.staffNo),
    },
    { title: f.name, dataIndex: 'name', sorter: (a, b) => byText(a.name, b.name) },
    {
      title: f.gender,
      dataIndex: 'gender',
      render: (gender: Teacher['gender']) => genderLabels[gender],
      filters: genders.map((value) => ({ value, text: genderLabels[value] })),
      onFilter: (value, record) => record.gender === value,
    },
    {
      title: f.birthMonth,
      dataIndex: 'birthMonth',
      render: (value: string | null) => (value ? formatChineseYearMonth(value) : '—'),
      sorter: (a, b) => byText(a.birthMonth ?? '', b.birthMonth ?? ''),
    },
    {
      title: f.schooling,
      key: 'schooling',
      render: (_, teacher) => formatSchooling(teacher.education, teacher.degree) || '—',
    },
    { title: f.title, dataIndex: 'title', sorter: (a, b) => byText(a.title, b.title) },
    // Like the wide-only flags: from 1600 px (xxl); the form always shows them.
    {
      title: f.studiedMajor,
      dataIndex: 'studiedMajor',
      responsive: ['xxl'],
      render: (value: string) => value || '—',
    },
    {
      title: f.skillCertificates,
      dataIndex: 'skillCertificates',
      responsive: ['xxl'],
      render: (value: string) => value || '—',
    },
    {
      title: f.majorId,
      key: 'major',
      render: (_, teacher) => (teacher.majorName ? teacher.majorName : '—'),
      sorter: (a, b) => byText(a.majorCode ?? '', b.majorCode ?? ''),
    },
    ...flags.map(flagColumn),
    editDeleteColumn<Teacher>({
      kind: 'teacher',
      testKey: (teacher) => teacher.staffNo,
      what: (teacher) => `教师“${teacher.name}”（工号 ${teacher.staffNo}）`,
      deleted: (teacher) => t.teachers.deleted(teacher.name),
      onEdit: edit,
      usage,
      remove,
    }),
  ];

  return (
    <>
      <RecordListPage
        text={t.teachers}
        actions={<ImportButton list="teachers" text={t.teachers} />}
        onAdd={() => edit('new')}
        load={load}
      >
        <TeacherStats stats={stats} filtered={filtered} />
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t.teachers.searchPlaceholder}
            style={{ width: 260 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label={t.teachers.searchPlaceholder}
          />
          <Select<MajorFilter>
            id="teachers-filter-major"
            style={{ width: 220 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t.teachers.allMajors}
            value={major}
            onChange={(value) => setMajor(value)}
            options={[
              { value: 'none', label: t.teachers.noMajor },
              ...majors.map((m) => ({ value: m.id, label: `${m.code} ${m.name}` })),
            ]}
          />
          <Checkbox.Group<TeacherFlag>
            value={flagFilter}
            onChange={(values) => setFlagFilter(values)}
            options={flags.map((flag) => ({ value: flag, label: t.teachers.filters[flag] }))}
          />
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setMajor(undefined);
                setFlagFilter([]);
              }}
            >
              {t.teachers.clearFilters}
            </Button>
          )}
        </Flex>
        <DataTable<Teacher>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          emptyHint={items.length ? t.teachers.noMatch : t.teachers.emptyHint}
          data-testid="teachers-table"
        />
      </RecordListPage>
      {dialog}
    </>
  );
}
