import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { LoadState } from './LoadState';
import { PageHeader } from './PageHeader';

interface Props {
  title: string;
  intro: ReactNode;
  /** The primary 新增 button's label and action. */
  addLabel: string;
  onAdd: () => void;
  /** Buttons shown before 新增 (import, export). */
  actions?: ReactNode;
  load: { state: 'idle' | 'loading' | 'ready' | 'error'; error: string | null; retry: () => void };
  /** The filters and the table, shown once the records have loaded. */
  children: ReactNode;
}

/** A page of records: its title, what it is for, 新增, and the list in its loading states. */
export function RecordListPage({ title, intro, addLabel, onAdd, actions, load, children }: Props) {
  return (
    <>
      <PageHeader
        title={title}
        description={intro}
        extra={
          <>
            {actions}
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
              {addLabel}
            </Button>
          </>
        }
      />
      <LoadState state={load.state} error={load.error} onRetry={load.retry}>
        {children}
      </LoadState>
    </>
  );
}
