import { CloudDownloadOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { ExamBatch } from '../../../../shared/contract/exams';
import type { PackageBuildResult } from '../../../../shared/contract/package';
import { invoke, messageOf, PilotError } from '../../api/client';
import { t } from '../../i18n';
import { saveOffer } from '../../api/files';
import { MarkSubmittedButton } from '../package/MarkSubmittedButton';
import { useCancellableTask } from '../../components/useCancellableTask';

const text = t.batchPackage;

/**
 * 导出报名材料包: builds the batch's 考核报名材料包 in the core (the same atomic, verifiable path as
 * the application package), shows its progress with 取消, downloads the zip, and offers to mark
 * it as submitted.
 */
export function BatchPackageButton({ batch }: { batch: ExamBatch }) {
  const { message } = App.useApp();
  const { busy, cancelling, progress, run, cancel: stop } = useCancellableTask('package.cancel');
  // The package just downloaded, until the next export: it can be marked as submitted.
  const [built, setBuilt] = useState<PackageBuildResult | null>(null);

  const build = async () => {
    setBuilt(null);
    try {
      const result = await run((taskId) =>
        invoke('package.buildBatch', { batchId: batch.id, taskId }),
      );
      saveOffer(result);
      setBuilt(result);
      message.success(text.done(result.fileName));
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'CANCELLED') message.warning(e.message);
      else message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    }
  };

  const cancel = () => stop().catch((e: unknown) => message.error(messageOf(e)));

  const empty = batch.activeCount === 0;
  return (
    <Space>
      {busy && (
        <Progress
          type="circle"
          size={24}
          percent={
            progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0
          }
          aria-label={text.building}
        />
      )}
      {busy && (
        <Button
          icon={<StopOutlined />}
          loading={cancelling}
          onClick={() => void cancel()}
          data-testid="batch-package-cancel"
        >
          {text.cancel}
        </Button>
      )}
      <Tooltip title={empty ? text.noSignups : text.hint}>
        <Button
          icon={<CloudDownloadOutlined />}
          disabled={empty || busy}
          loading={busy}
          onClick={() => void build()}
          data-testid="batch-package-export"
        >
          {text.export}
        </Button>
      </Tooltip>
      {built && !busy && (
        <MarkSubmittedButton built={built} testId="batch-package-mark-submitted" compact />
      )}
    </Space>
  );
}
