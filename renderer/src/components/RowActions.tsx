import { EditOutlined } from '@ant-design/icons';
import { Button, Popconfirm, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

/** A table row's small link that acts at once (编辑, 下载, 预览…), usually an icon and a word. */
export function ActionLink(props: Omit<ButtonProps, 'type' | 'size'>) {
  return <Button type="link" size="small" {...props} />;
}

/** A table row's 编辑 link. */
export function EditLink({ onClick, testId }: { onClick: () => void; testId?: string }) {
  return (
    <ActionLink icon={<EditOutlined />} onClick={onClick} data-testid={testId}>
      {t.common.edit}
    </ActionLink>
  );
}

/**
 * A table row's red link that asks before it acts (删除, 归档, 移除文件): `onConfirm` runs only
 * after 确定; `dangerOk` makes that button red too (for a delete).
 */
export function ConfirmLink({
  title,
  description,
  onConfirm,
  icon,
  loading,
  dangerOk = false,
  children,
}: {
  title: string;
  description?: string;
  onConfirm: () => unknown;
  icon?: ReactNode;
  loading?: boolean;
  dangerOk?: boolean;
  children: ReactNode;
}) {
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={t.common.confirm}
      cancelText={t.common.cancel}
      okButtonProps={dangerOk ? { danger: true } : undefined}
      onConfirm={onConfirm}
    >
      <Button type="link" size="small" danger icon={icon} loading={loading}>
        {children}
      </Button>
    </Popconfirm>
  );
}
