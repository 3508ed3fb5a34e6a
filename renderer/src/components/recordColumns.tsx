import { DeleteOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { mutate } from '../api/queryCache';
import { t } from '../i18n';
import {
  RecordDocumentCell,
  type DocumentOwner,
  type RecordDocumentText,
} from './RecordDocumentCell';
import { ConfirmLink, EditLink } from './RowActions';
import { useAction } from './useAction';

/** The words of a record table's document and 编辑/删除 columns. */
export interface RecordColumnsText extends RecordDocumentText {
  fields: { document: string };
  deleteTitle: string;
  deleteContent: string;
  deleted: string;
}

/**
 * The last two columns of a table whose records keep one document each: the document cell, then
 * 编辑 (`onEdit`) and 删除 (after a confirmation, through `X.delete`).
 */
export function useRecordColumns<R extends { id: number; document: unknown }>(
  owner: Exclude<DocumentOwner, 'funds'>,
  text: RecordColumnsText,
  onEdit: (record: R) => void,
): ColumnsType<R> {
  const { run } = useAction<number>();
  return [
    {
      title: text.fields.document,
      key: 'document',
      width: 170,
      render: (_, r) => (
        <RecordDocumentCell owner={owner} id={r.id} hasDocument={r.document !== null} text={text} />
      ),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 140,
      render: (_, r) => (
        <Space size={0}>
          <EditLink onClick={() => onEdit(r)} />
          <ConfirmLink
            title={text.deleteTitle}
            description={text.deleteContent}
            icon={<DeleteOutlined />}
            dangerOk
            onConfirm={() => run(r.id, () => mutate(`${owner}.delete`, { id: r.id }), text.deleted)}
          >
            {t.common.delete}
          </ConfirmLink>
        </Space>
      ),
    },
  ];
}
