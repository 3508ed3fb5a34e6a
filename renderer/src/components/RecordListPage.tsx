import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { LoadState } from './LoadState';
import { PageHeader } from './PageHeader';

interface Props {
  /** The page's title, what it is for, and the primary 新增 button's label. */
  text: { title: string; intro: ReactNode; add: string };
  /** What 新增 does. */
  onAdd: () => void;
  /** Buttons shown before 新增 (import, export). */
  actions?: ReactNode;
  load: { state: 'idle' | 'loading' | 'ready' | 'error'; error: string | null; retry: () => void };
  /** The filters and the table, shown once the records have loaded. */
  children: ReactNode;
}

/** A page of records: its title, what it is for, 新增, and the list in its loading states. */
export function RecordListPage({ text, onAdd, actions, load, children }: Props) {
  return (
    <>
      <PageHeader
        title={text.title}
        description={text.intro}
        extra={
          <>
            {actions}
            <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
              {text.add}
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
