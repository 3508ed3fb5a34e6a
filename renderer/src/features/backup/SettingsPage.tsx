import {
  CloudDownloadOutlined,
  FolderOpenOutlined,
  SaveOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import { useCallback } from 'react';
import type { BackupEntry, RestoreResult } from '../../../../shared/contract/backup';
import { formatBytes } from '../../../../shared/domain/attachments';
import { backupKindLabels } from '../../../../shared/domain/backup';
import { messageOf } from '../../api/client';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { BackupTable, formatBackupTime } from './BackupTable';
import { useConfirmRestore } from './restoreFlow';
import { useSettingsData, useSettingsStore } from './backupStore';

const tx = t.backup;

const describe = (entry: BackupEntry) =>
  `${formatBackupTime(entry.createdAt)} ${backupKindLabels[entry.kind]}备份`;

export function SettingsPage() {
  const { message, notification } = App.useApp();
  const store = useSettingsStore();
  const { busy } = store;
  const { info, backups, loadState, loadError, load } = useSettingsData();
  const confirmRestore = useConfirmRestore();

  const fail = useCallback(
    (error: unknown) => {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`, 8);
    },
    [message],
  );

  const afterRestore = useCallback(
    (what: string, result: RestoreResult | null) => {
      if (!result) return;
      if (result.missingAttachments > 0) {
        message.warning(tx.missingAttachments(result.missingAttachments), 10);
      }
      const undo = result.undoBackup;
      const key = `restored-${Date.now()}`;
      notification.success({
        key,
        message: tx.restored(what),
        description: undo ? tx.restoredUndoHint : undefined,
        duration: 10,
        btn: undo ? (
          <Button
            size="small"
            onClick={() => {
              notification.destroy(key);
              store
                .restore(undo.id)
                .then(() => message.success(tx.undone))
                .catch(fail);
            }}
          >
            {tx.undoRestore}
          </Button>
        ) : undefined,
      });
    },
    [fail, message, notification, store],
  );

  const restoreListed = async (entry: BackupEntry) => {
    const what = describe(entry);
    afterRestore(what, await confirmRestore(what, () => store.restore(entry.id)));
  };

  const restoreFile = async (file: File) => {
    afterRestore(
      file.name,
      await confirmRestore(file.name, (onProgress, signal) =>
        store.restoreFile(file, onProgress, signal),
      ),
    );
  };

  return (
    <>
      <PageHeader
        title={tx.title}
        description={tx.intro}
        extra={
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={busy === 'backup'}
            disabled={busy !== null && busy !== 'backup'}
            onClick={() =>
              store
                .backupNow()
                .then((entry) => message.success(tx.backedUp(formatBackupTime(entry.createdAt))))
                .catch(fail)
            }
          >
            {tx.backupNow}
          </Button>
        }
      />
      <LoadState state={loadState} error={loadError} onRetry={load}>
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Card
            title={tx.dataTitle}
            extra={
              <Space>
                <Button
                  icon={<FolderOpenOutlined />}
                  onClick={() =>
                    store
                      .openDataFolder()
                      .then((result) =>
                        result.opened
                          ? message.success(result.message)
                          : message.info(result.message, 8),
                      )
                      .catch(fail)
                  }
                >
                  {tx.openFolder}
                </Button>
                <Button
                  icon={<CloudDownloadOutlined />}
                  loading={busy === 'export'}
                  onClick={() =>
                    store
                      .exportDatabase()
                      .then((name) => message.success(tx.exported(name)))
                      .catch(fail)
                  }
                >
                  {tx.exportDatabase}
                </Button>
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">{tx.dataHint}</Typography.Paragraph>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={tx.dataDir}>
                <Typography.Text copyable data-testid="settings-data-dir">
                  {info?.dataDir}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={tx.databaseFile}>
                <Typography.Text copyable>{info?.databasePath}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={tx.backupDir}>
                <Typography.Text copyable>{backups?.dir}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={tx.backupSpace}>
                <span data-testid="settings-backup-space">
                  {formatBytes(backups?.totalBytes ?? 0)}（
                  {tx.backupSpaceDetail(
                    backups?.items.length ?? 0,
                    formatBytes(backups?.attachmentBytes ?? 0),
                  )}
                  ）
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            title={tx.backupsTitle}
            extra={
              <Upload
                accept=".sqlite,.sqlite3,.db,.zip"
                showUploadList={false}
                beforeUpload={(file) => {
                  void restoreFile(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} title={tx.restoreFileHint}>
                  {tx.restoreFromFile}
                </Button>
              </Upload>
            }
          >
            <Typography.Paragraph type="secondary">
              {tx.backupRule}
              {tx.attachmentsHint}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">{tx.portableHint}</Typography.Paragraph>
            <BackupTable
              items={backups?.items ?? []}
              loading={busy === 'restore'}
              onRestore={(entry) => void restoreListed(entry)}
              onDownload={(entry) => void store.download(entry.id).catch(fail)}
              onDownloadArchive={(entry) => {
                const key = `archive-${entry.id}`;
                message.loading({ key, content: tx.downloadingArchive, duration: 0 });
                store
                  .downloadArchive(entry.id)
                  .then((name) =>
                    message.success({ key, content: tx.downloadedArchive(name), duration: 8 }),
                  )
                  .catch((error: unknown) => {
                    message.destroy(key);
                    fail(error);
                  });
              }}
              onDelete={(entry) =>
                store
                  .remove(entry.id)
                  .then(() => {
                    message.success(tx.deletedBackup);
                  })
                  .catch(fail)
              }
            />
          </Card>
        </Space>
      </LoadState>
    </>
  );
}
