import { Flex, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useListSearch } from '../../components/useListSearch';
import type { Major } from '../../../../shared/contract/majors';
import { majorLevelLabels, majorLevels, splitMajorCode } from '../../../../shared/domain/majors';
import { DataTable } from '../../components/DataTable';
import { t } from '../../i18n';
import { MajorFormModal } from './MajorFormModal';
import { useMajors } from './majorsStore';
import { byText } from '../../components/format';
import { RecordListPage } from '../../components/RecordListPage';
import { useEditDialog } from '../../components/useEditDialog';
import { editDeleteColumn } from '../../components/editDeleteColumn';

export function majorLabel(major: Pick<Major, 'code' | 'name'>): string {
  return `${major.code} ${major.name}`;
}

const majorTexts = (major: Major) => [major.code, major.name];

export function MajorsPage() {
  const { items, saving, load, save, usage, remove } = useMajors();
  const { edit, dialog } = useEditDialog<Major>((major, close) => (
    <MajorFormModal major={major} saving={saving} onSave={save} onClose={close} />
  ));
  const f = t.majors.fields;

  const { rows, box } = useListSearch(items, majorTexts, t.majors.searchPlaceholder);

  const columns: ColumnsType<Major> = [
    {
      title: f.code,
      dataIndex: 'code',
      sorter: (a, b) => byText(a.code, b.code),
      defaultSortOrder: 'ascend',
      render: (code: string) => {
        const parts = splitMajorCode(code);
        return parts ? (
          <Tooltip title={t.majors.codeParts(parts.category, parts.group)}>
            <Typography.Text code>{code}</Typography.Text>
          </Tooltip>
        ) : (
          code
        );
      },
    },
    { title: f.name, dataIndex: 'name', sorter: (a, b) => byText(a.name, b.name) },
    {
      title: f.level,
      dataIndex: 'level',
      render: (level: Major['level']) => majorLevelLabels[level],
      filters: majorLevels.map((value) => ({ value, text: majorLevelLabels[value] })),
      onFilter: (value, record) => record.level === value,
      sorter: (a, b) => majorLevels.indexOf(a.level) - majorLevels.indexOf(b.level),
    },
    {
      title: f.catalogueYear,
      dataIndex: 'catalogueYear',
      sorter: (a, b) => a.catalogueYear - b.catalogueYear,
    },
    {
      title: f.firstEnrolmentYear,
      dataIndex: 'firstEnrolmentYear',
      sorter: (a, b) => a.firstEnrolmentYear - b.firstEnrolmentYear,
    },
    {
      title: f.annualEnrolment,
      dataIndex: 'annualEnrolment',
      align: 'right',
      sorter: (a, b) => a.annualEnrolment - b.annualEnrolment,
    },
    {
      title: f.teacherCount,
      dataIndex: 'teacherCount',
      align: 'right',
      sorter: (a, b) => a.teacherCount - b.teacherCount,
    },
    editDeleteColumn<Major>({
      kind: 'major',
      testKey: (major) => major.code,
      what: (major) => `专业“${majorLabel(major)}”`,
      deleted: (major) => t.majors.deleted(`专业“${majorLabel(major)}”`),
      onEdit: edit,
      usage,
      remove,
    }),
  ];

  return (
    <>
      <RecordListPage text={t.majors} onAdd={() => edit('new')} load={load}>
        <Flex gap={8} style={{ marginBottom: 16 }}>
          {box}
        </Flex>
        <DataTable<Major>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          emptyHint={items.length ? t.majors.noMatch : t.majors.emptyHint}
          data-testid="majors-table"
        />
      </RecordListPage>
      {dialog}
    </>
  );
}
