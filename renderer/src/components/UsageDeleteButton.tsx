import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import type { Usage } from '../../../shared/contract/usage';
import { messageOf } from '../api/client';
import { t } from '../i18n';

interface Props {
  /** How the row is named in the question, e.g. 专业“510203 软件技术”. */
  what: string;
  /** Asks the core what refers to the row; shown in the confirmation before deleting. */
  checkUsage: () => Promise<Usage>;
  /** Deletes; `force` is true when the user confirmed after seeing the row in use. */
  onDelete: (force: boolean) => Promise<void>;
  testId?: string;
}

/**
 * A delete link that, when clicked, asks the core what uses the row and shows that in a
 * Popconfirm (确定/取消) before anything is deleted. A blocking use says 不能删除 and offers only 关闭.
 */
export function UsageDeleteButton({ what, checkUsage, onDelete, testId }: Props) {
  const { message } = App.useApp();
  const [usage, setUsage] = useState<Usage | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);

  const onOpenChange = (open: boolean) => {
    if (!open) return;
    setUsage(null);
    setCheckError(null);
    checkUsage().then(setUsage, (error: unknown) => setCheckError(messageOf(error)));
  };

  const blocked = usage?.refs.some((r) => r.onDelete === 'block') ?? false;
  const description = checkError ? (
    <Typography.Text type="danger">{t.deleteConfirm.checkFailed(checkError)}</Typography.Text>
  ) : !usage ? (
    <Typography.Text type="secondary">{t.deleteConfirm.checking}</Typography.Text>
  ) : usage.refs.length === 0 ? (
    t.deleteConfirm.unused
  ) : (
    <Typography.Text type={blocked ? 'danger' : 'warning'} data-testid="delete-usage">
      {usage.summary}
    </Typography.Text>
  );

  return (
    <Popconfirm
      title={blocked ? t.deleteConfirm.blockedTitle(what) : t.deleteConfirm.confirmTitle(what)}
      description={<div style={{ maxWidth: 360 }}>{description}</div>}
      okText={t.common.confirm}
      cancelText={blocked ? t.common.close : t.common.cancel}
      // A blocked row has nothing to confirm: only the way out is offered.
      okButtonProps={{ danger: true, disabled: !usage, hidden: blocked }}
      onOpenChange={onOpenChange}
      onConfirm={async () => {
        try {
          await onDelete((usage?.refs.length ?? 0) > 0);
        } catch (error) {
          message.error(`${t.common.requestFailed}：${messageOf(error)}`);
        }
      }}
    >
      <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={testId}>
        {t.common.delete}
      </Button>
    </Popconfirm>
  );
}
