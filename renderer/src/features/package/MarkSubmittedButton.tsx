import { FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { PackageBuildResult } from '../../../../shared/contract/package';
import { messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { t } from '../../i18n';

const text = t.package;

/**
 * 标记为已提交 for a package just exported (application or batch): keeps that exact zip, named
 * by its SHA-256, read-only in the data folder. Disabled once it is kept. `compact` puts the
 * explanation in a tooltip (beside a batch's buttons) instead of a line of text.
 */
export function MarkSubmittedButton({
  built,
  testId,
  compact = false,
}: {
  built: Pick<PackageBuildResult, 'fileName' | 'sha256'>;
  testId: string;
  compact?: boolean;
}) {
  const { message, modal } = App.useApp();
  const [marking, setMarking] = useState(false);
  const [marked, setMarked] = useState<string | null>(null);

  const mark = async (acceptDraft = false) => {
    setMarking(true);
    try {
      const kept = await mutate('package.markSubmitted', {
        fileName: built.fileName,
        sha256: built.sha256,
        acceptDraft,
      });
      setMarked(kept.sha256);
      message.success(text.marked(kept.fileName));
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'NEEDS_CONFIRMATION') {
        // A draft: the core says why; the person confirms it is what was sent.
        modal.confirm({
          title: text.markDraftTitle,
          content: e.message,
          okText: text.markDraftOk,
          cancelText: t.common.cancel,
          onOk: () => mark(true),
        });
      } else {
        message.error(messageOf(e));
      }
    } finally {
      setMarking(false);
    }
  };

  const button = (
    <Button
      icon={<FileProtectOutlined />}
      loading={marking}
      disabled={marked === built.sha256}
      onClick={() => void mark()}
      data-testid={testId}
    >
      {text.markSubmitted}
    </Button>
  );
  if (compact) return <Tooltip title={text.markSubmittedHint}>{button}</Tooltip>;
  return (
    <Flex align="center" gap={8}>
      {button}
      <Typography.Text type="secondary">{text.markSubmittedHint}</Typography.Text>
    </Flex>
  );
}
