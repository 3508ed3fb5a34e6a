import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupCheck, BackupEntry, RestoreResult } from '../../../../shared/contract/backup';
import type { AppInfo } from '../../../../shared/contract/system';
import { backupKindLabels } from '../../../../shared/domain/backup';
import { messageOf } from '../../api/client';
import { t } from '../../i18n';
import { BackupTable, formatBackupTime } from './BackupTable';
import { useConfirmRestore } from './restoreFlow';
import { useSettingsData, useSettingsStore } from './backupStore';

const tx = t.recovery;

/** The recovery screen: the problem, the newest good backup to restore, every backup. */
export function RecoveryScreen({ info }: { info: AppInfo }) {
  const { message } = App.useApp();
  const store = useSettingsStore();
  const { backups } = useSettingsData();
  const confirmRestore = useConfirmRestore();
  const [check, setCheck] = useState<BackupCheck | null>(null);

  useEffect(() => {
    store.newestGood().then(setCheck, (error: unknown) => message.error(messageOf(error)));
    // Once, when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const done = useCallback(
    (result: RestoreResult | null) => {
      if (!result) return;
      message.success(tx.restoredReload);
      setTimeout(() => window.location.reload(), 800);
    },
    [message],
  );

  const restore = async (entry: BackupEntry) => {
    const what = `${formatBackupTime(entry.createdAt)} ${backupKindLabels[entry.kind]}备份`;
    done(await confirmRestore(what, () => store.restore(entry.id)));
  };

  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 24 }} role="main">
      <Result
        status="error"
        icon={<WarningOutlined />}
        title={tx.title}
        subTitle={tx.subtitle}
        extra={
          check === null ? (
            <Spin tip={tx.checking}>
              <div style={{ minHeight: 40 }} />
            </Spin>
          ) : check.newestGood ? (
            <Space direction="vertical">
              <Typography.Text>
                {tx.newestGoodTitle}：{formatBackupTime(check.newestGood.createdAt)}（
                {backupKindLabels[check.newestGood.kind]}）
              </Typography.Text>
              <Button
                type="primary"
                size="large"
                onClick={() => check.newestGood && void restore(check.newestGood)}
              >
                {tx.restoreNewest}
              </Button>
              {check.damaged.length > 0 && (
                <Typography.Text type="secondary">
                  {tx.skippedDamaged(check.damaged.length)}
                </Typography.Text>
              )}
            </Space>
          ) : (
            <Alert type="warning" showIcon message={tx.noGoodBackup} />
          )
        }
      />
      <Alert
        type="error"
        message={tx.problem}
        description={
          <>
            <div>{info.problem}</div>
            <div>{tx.damagedKept}</div>
          </>
        }
        style={{ marginBottom: 16 }}
      />
      <Card
        title={tx.allBackups}
        extra={
          <Upload
            accept=".sqlite,.sqlite3,.db,.zip"
            showUploadList={false}
            beforeUpload={(file) => {
              void confirmRestore(file.name, (onProgress, signal) =>
                store.restoreFile(file, onProgress, signal),
              ).then(done);
              return false;
            }}
          >
            <Button>{t.backup.restoreFromFile}</Button>
          </Upload>
        }
      >
        <BackupTable
          items={backups?.items ?? []}
          onRestore={(entry) => void restore(entry)}
          onDownload={(entry) =>
            void store.download(entry.id).catch((e: unknown) => message.error(messageOf(e)))
          }
        />
      </Card>
    </div>
  );
}
