import { App, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Usage } from '../../../shared/contract/usage';
import { t } from '../i18n';
import { EditLink } from './RowActions';
import { UsageDeleteButton } from './UsageDeleteButton';

interface Options<R> {
  /** Test ids are `<kind>-edit-<key>` and `<kind>-delete-<key>`, e.g. major-edit-510203. */
  kind: string;
  testKey: (record: R) => string | number;
  /** How the row is named in the delete question, e.g. 专业“510203 软件技术”. */
  what: (record: R) => string;
  /** The toast once it is deleted. */
  deleted: (record: R) => string;
  onEdit: (record: R) => void;
  /** The list's store: what uses a row, and the delete (`force` once that was confirmed). */
  usage: (id: number) => Promise<Usage>;
  remove: (id: number, force: boolean) => Promise<unknown>;
  /** Links before 编辑, e.g. 打开. */
  before?: (record: R) => ReactNode;
  width?: number;
}

/**
 * The 操作 column of a list whose rows are deleted only after the core says what uses them:
 * 编辑, then 删除 (UsageDeleteButton), which says so when done.
 */
export function editDeleteColumn<R extends { id: number }>({
  width = 160,
  ...options
}: Options<R>): ColumnType<R> {
  return {
    title: t.common.actions,
    key: 'actions',
    width,
    render: (_, record) => <EditDeleteLinks record={record} {...options} />,
  };
}

function EditDeleteLinks<R extends { id: number }>({
  record,
  kind,
  testKey,
  what,
  deleted,
  onEdit,
  usage,
  remove,
  before,
}: Omit<Options<R>, 'width'> & { record: R }) {
  const { message } = App.useApp();
  const key = testKey(record);
  return (
    <Space size={0}>
      {before?.(record)}
      <EditLink onClick={() => onEdit(record)} testId={`${kind}-edit-${key}`} />
      <UsageDeleteButton
        what={what(record)}
        testId={`${kind}-delete-${key}`}
        checkUsage={() => usage(record.id)}
        onDelete={async (force) => {
          await remove(record.id, force);
          message.success(deleted(record));
        }}
      />
    </Space>
  );
}
