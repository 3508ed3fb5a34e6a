import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditView } from '../../../shared/contract/fees';
import { useQuery } from '../api/useQuery';
import { t } from '../i18n';
import { formatDateTime } from './format';
import { LoadState } from './LoadState';

const text = t.fees.audit;

export type AuditSource = { kind: 'student'; id: number } | { kind: 'batch'; id: number };

const actionColor = { create: 'green', update: 'blue', delete: 'red' } as const;

/**
 * The audit history of a student (its sign-ups) or an exam batch (the batch, its sign-ups and
 * payments), newest first: when, what, and before → after of each changed field.
 */
export function AuditHistory({ source }: { source: AuditSource }) {
  const student = useQuery(
    'fees.history.student',
    source.kind === 'student' ? { studentId: source.id } : null,
  );
  const batch = useQuery(
    'fees.history.batch',
    source.kind === 'batch' ? { batchId: source.id } : null,
  );
  const { data: history, state, error, retry } = source.kind === 'student' ? student : batch;

  return (
    <LoadState state={state} error={error} onRetry={retry}>
      {history?.truncated && (
        <Alert
          type="info"
          showIcon
          message={text.truncated(history.entries.length)}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<AuditView>
        data-testid="audit-history"
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t.common.total(n) }}
        locale={{ emptyText: text.empty }}
        dataSource={history?.entries ?? []}
        columns={[
          {
            title: text.when,
            dataIndex: 'at',
            width: 150,
            render: (at: string) => formatDateTime(at),
          },
          {
            title: text.what,
            width: 260,
            render: (_, e) => (
              <span>
                <Tag color={actionColor[e.action]}>
                  {e.entityLabel}
                  {e.actionLabel}
                </Tag>
                {e.subject}
              </span>
            ),
          },
          {
            title: text.change,
            render: (_, e) =>
              e.changes.length === 0 ? (
                <Typography.Text type="secondary">{text.noFieldChange}</Typography.Text>
              ) : (
                e.changes.map((c) => (
                  <div key={c.field}>
                    <Typography.Text type="secondary">{c.label}：</Typography.Text>
                    {c.before !== '' && (
                      <>
                        <Typography.Text delete>{c.before}</Typography.Text>
                        {' → '}
                      </>
                    )}
                    <Typography.Text strong>{c.after || '—'}</Typography.Text>
                  </div>
                ))
              ),
          },
          { title: text.by, dataIndex: 'actor', width: 140 },
        ]}
      />
    </LoadState>
  );
}

/** A 修改记录 button opening the history in a drawer, for pages that have no room for a tab. */
export function AuditHistoryButton({ source, title }: { source: AuditSource; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<HistoryOutlined />}
        onClick={() => setOpen(true)}
        data-testid="audit-history-open"
      >
        {text.open}
      </Button>
      {open && (
        <Drawer open width={880} title={text.drawerTitle(title)} onClose={() => setOpen(false)}>
          <AuditHistory source={source} />
        </Drawer>
      )}
    </>
  );
}
