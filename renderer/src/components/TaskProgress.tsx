import { StopOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography } from 'antd';
import type { ProgressEvent } from '../../../shared/contract/events';
import { t } from '../i18n';

/**
 * Long work under way (a package export, an import): what it is doing, its progress bar as the
 * core reports it, and 取消. `testId` names the parts: `<testId>-progress`, `<testId>-cancel`.
 */
export function TaskProgress({
  label,
  progress,
  cancelling,
  onCancel,
  testId,
}: {
  /** Shown until the core's first progress event names the step. */
  label: string;
  progress: ProgressEvent | null;
  cancelling: boolean;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <div data-testid={`${testId}-progress`}>
      <Typography.Text type="secondary">
        {cancelling ? t.common.cancelling : (progress?.label ?? label)}
        {progress?.final && `（${t.common.cannotCancelNow}）`}
      </Typography.Text>
      <Flex align="center" gap={12}>
        <Progress
          style={{ flex: 1, margin: 0 }}
          percent={
            progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0
          }
          status="active"
        />
        <Button
          icon={<StopOutlined />}
          loading={cancelling}
          disabled={progress?.final}
          onClick={onCancel}
          data-testid={`${testId}-cancel`}
        >
          {t.common.cancel}
        </Button>
      </Flex>
    </div>
  );
}
