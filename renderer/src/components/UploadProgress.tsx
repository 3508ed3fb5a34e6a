import { Button, Flex, Progress, Typography } from 'antd';
import { formatBytes } from '../../../shared/domain/attachments';
import { t } from '../i18n';

/** A picked file on its way to the core (api/files.ts stageFile): bytes sent of the total. */
export interface Staging {
  fileName: string;
  sent: number;
  total: number;
}

/**
 * The progress of a staged upload; once every byte is sent, says the core is working on it.
 * `onCancel` adds 取消 while bytes are still being sent.
 */
export function UploadProgress({ staging, onCancel }: { staging: Staging; onCancel?: () => void }) {
  const done = staging.sent >= staging.total;
  return (
    <div data-testid="upload-progress">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {done ? t.uploads.checking : t.uploads.sending(staging.fileName)}
        </Typography.Text>
        {onCancel && !done && (
          <Button size="small" onClick={onCancel} data-testid="upload-cancel">
            {t.common.cancel}
          </Button>
        )}
      </Flex>
      <Progress
        percent={Math.floor((staging.sent / Math.max(1, staging.total)) * 100)}
        status={done ? 'normal' : 'active'}
        format={() => t.uploads.sent(formatBytes(staging.sent), formatBytes(staging.total))}
      />
    </div>
  );
}
