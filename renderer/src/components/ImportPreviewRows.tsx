import { Table, Tag, Typography } from 'antd';
import {
  IMPORT_PREVIEW_PAGE,
  type ImportPreview,
  type ImportPreviewRow,
} from '../../../shared/contract/imports';
import { t } from '../i18n';
import { noWrap } from './noWrap';

/** What a valid row does, when not 新增 / 更新 (未改动 is the same word everywhere) (e.g. 首次录入 / 更新结果 for results). */
export interface ImportWords {
  create: string;
  update: string;
}

const actionTag = (row: ImportPreviewRow, words: ImportWords) =>
  row.errors.length > 0 ? (
    <Tag color="error">{t.importer.actions.error}</Tag>
  ) : row.action === 'update' ? (
    <Tag color="processing">{words.update}</Tag>
  ) : row.action === 'unchanged' ? (
    <Tag>{t.importer.unchangedRow}</Tag>
  ) : (
    <Tag color="success">{words.create}</Tag>
  );

/** The checked rows, a page at a time: the mapped columns, the bad cells in red, what each does. */
export function ImportPreviewRows({
  result,
  words,
  pageLoading,
  onRowsPage,
}: {
  result: ImportPreview;
  words: ImportWords;
  pageLoading: boolean;
  onRowsPage(rowsFrom: number): void;
}) {
  return (
    <Table<ImportPreviewRow>
      data-testid="import-rows"
      size="small"
      title={() => <Typography.Text strong>{t.importer.rowsTitle}</Typography.Text>}
      rowKey="rowNumber"
      dataSource={result.rows}
      loading={pageLoading}
      scroll={{ x: true }}
      pagination={{
        current: result.rowsFrom / IMPORT_PREVIEW_PAGE + 1,
        pageSize: IMPORT_PREVIEW_PAGE,
        total: result.summary.total,
        showSizeChanger: false,
        showTotal: (n) => t.common.total(n),
        size: 'small',
        onChange: (page) => onRowsPage((page - 1) * IMPORT_PREVIEW_PAGE),
      }}
      rowClassName={(row) => (row.errors.length > 0 ? 'import-row-error' : '')}
      columns={[
        { title: noWrap(t.importer.rowNumber), dataIndex: 'rowNumber', width: 70 },
        ...result.fields
          .filter((f) => result.mapping[f.key] !== null)
          .map((f) => ({
            // Headers stay on one line too (试点学生 broke into four at 1366 px).
            title: noWrap(f.label),
            key: f.key,
            render: (_: unknown, row: ImportPreviewRow) => {
              const bad = row.errors.some((e) => e.field === f.key);
              return (
                // One line per cell (学号, ID numbers, dates): the table scrolls sideways.
                <Typography.Text type={bad ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {row.values[f.key] || (bad ? t.importer.emptyCell : '')}
                </Typography.Text>
              );
            },
          })),
        {
          title: noWrap(t.importer.result),
          key: 'result',
          width: 90,
          render: (_: unknown, row: ImportPreviewRow) => actionTag(row, words),
        },
      ]}
    />
  );
}
