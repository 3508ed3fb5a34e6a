import {
  DeleteOutlined,
  DownloadOutlined,
  FileZipOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { BackupEntry } from '../../../../shared/contract/backup';
import { formatBytes } from '../../../../shared/domain/attachments';
import { backupKindLabels, backupKinds, type BackupKind } from '../../../../shared/domain/backup';
import { DataTable } from '../../components/DataTable';
import { ActionLink, ConfirmLink } from '../../components/RowActions';
import dayjs from 'dayjs';
import { t } from '../../i18n';

const tx = t.backup;

/** To the second: a restore's 还原前 backup and the one restored often share a minute. */
export const formatBackupTime = (iso: string) => dayjs(iso).format('YYYY年M月D日 HH:mm:ss');

const kindColors: Record<BackupKind, string> = {
  auto: 'default',
  manual: 'blue',
  'pre-migration': 'purple',
  'pre-restore': 'orange',
};

interface Props {
  items: BackupEntry[];
  loading?: boolean;
  onRestore(entry: BackupEntry): void;
  onDownload(entry: BackupEntry): void;
  /** The backup as a .zip with its attachments (for another PC); no button when omitted. */
  onDownloadArchive?(entry: BackupEntry): void;
  /** Omitted in recovery mode. */
  onDelete?(entry: BackupEntry): Promise<void>;
}

/** The backups in the data folder: newest first, sortable by time and size, filterable by kind. */
export function BackupTable({
  items,
  loading,
  onRestore,
  onDownload,
  onDownloadArchive,
  onDelete,
}: Props) {
  const columns: ColumnsType<BackupEntry> = [
    {
      title: tx.columns.createdAt,
      dataIndex: 'createdAt',
      render: (value: string) => formatBackupTime(value),
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      defaultSortOrder: 'descend',
    },
    {
      title: tx.columns.kind,
      dataIndex: 'kind',
      render: (kind: BackupKind) => <Tag color={kindColors[kind]}>{backupKindLabels[kind]}</Tag>,
      filters: backupKinds.map((kind) => ({ text: backupKindLabels[kind], value: kind })),
      onFilter: (value, record) => record.kind === value,
    },
    {
      title: tx.columns.size,
      dataIndex: 'size',
      render: (value: number) => formatBytes(value),
      sorter: (a, b) => a.size - b.size,
    },
    { title: tx.columns.note, dataIndex: 'note', render: (note: string | null) => note ?? '' },
    {
      title: t.common.actions,
      key: 'actions',
      render: (_, entry) => (
        <Space size="small">
          <ActionLink icon={<RollbackOutlined />} onClick={() => onRestore(entry)}>
            {tx.restore}
          </ActionLink>
          {onDownloadArchive && (
            <ActionLink
              icon={<FileZipOutlined />}
              title={tx.downloadArchiveTip}
              onClick={() => onDownloadArchive(entry)}
            >
              {tx.downloadArchive}
            </ActionLink>
          )}
          <ActionLink icon={<DownloadOutlined />} onClick={() => onDownload(entry)}>
            {tx.download}
          </ActionLink>
          {onDelete && (
            <ConfirmLink
              title={tx.confirmDeleteTitle(formatBackupTime(entry.createdAt))}
              description={tx.confirmDeleteBody}
              icon={<DeleteOutlined />}
              dangerOk
              onConfirm={() => onDelete(entry)}
            >
              {t.common.delete}
            </ConfirmLink>
          )}
        </Space>
      ),
    },
  ];
  return (
    <DataTable<BackupEntry>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      emptyHint={tx.empty}
      pagination={{ defaultPageSize: 10 }}
    />
  );
}
