import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import type { UploadLayout } from '../../../../shared/contract/fees';
import {
  uploadColumnHeaders,
  uploadColumnKeys,
  uploadLayoutProblems,
  type UploadColumn,
  type UploadColumnKey,
} from '../../../../shared/domain/uploadLayouts';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { SuggestInput } from '../../components/SuggestInput';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useLedgerFacets } from './feesStore';

const text = t.fees.layouts;

interface EditedColumn extends UploadColumn {
  included: boolean;
}

/** The layout's columns in its order, then the ones it leaves out (unticked, default headers). */
function editedColumns(layout: UploadLayout | null): EditedColumn[] {
  const chosen = layout?.columns ?? uploadColumnKeys.map((key) => ({ key, header: '' }));
  const keys = new Set<UploadColumnKey>(chosen.map((c) => c.key));
  return [
    ...chosen.map((c) => ({
      ...c,
      header: c.header || uploadColumnHeaders[c.key],
      included: true,
    })),
    ...uploadColumnKeys
      .filter((key) => !keys.has(key))
      .map((key) => ({ key, header: uploadColumnHeaders[key], included: layout === null })),
  ];
}

/** 新建/修改列格式: the organization, a name, and the columns ticked, ordered and named. */
function LayoutEditor({
  layout,
  onClose,
}: {
  layout: UploadLayout | null;
  onClose(saved: UploadLayout | null): void;
}) {
  const { message } = App.useApp();
  const facets = useLedgerFacets().data;
  const organizations = [
    ...new Set((facets?.batches ?? []).map((b) => b.organization).filter(Boolean)),
  ];
  const [organization, setOrganization] = useState(layout?.organization ?? '');
  const [name, setName] = useState(layout?.name ?? '');
  const [columns, setColumns] = useState(() => editedColumns(layout));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const chosen = columns.filter((c) => c.included).map(({ key, header }) => ({ key, header }));
  const problems = uploadLayoutProblems(chosen);

  const change = (next: EditedColumn[]) => {
    setColumns(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...columns];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    change(next);
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = await mutate('fees.uploadLayouts.save', {
        ...(layout ? { id: layout.id } : {}),
        organization,
        name,
        columns: chosen,
      });
      message.success(text.saved(saved.name));
      setDirty(false);
      onClose(saved);
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={layout ? text.editTitle : text.addTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      okButtonProps={{ disabled: problems.length > 0, 'data-testid': 'layout-save' }}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={() => guard(() => onClose(null))}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Flex gap={12}>
          <Flex vertical gap={4} style={{ flex: 1 }}>
            <label htmlFor="layout-organization">{text.organization}</label>
            <SuggestInput
              id="layout-organization"
              style={{ width: '100%' }}
              value={organization}
              options={organizations.map((o) => ({ value: o }))}
              onChange={(value: string) => {
                setOrganization(value);
                setDirty(true);
              }}
            />
          </Flex>
          <Flex vertical gap={4} style={{ flex: 1 }}>
            <label htmlFor="layout-name">{text.name}</label>
            <Input
              id="layout-name"
              value={name}
              maxLength={50}
              onChange={(e) => {
                setName(e.target.value);
                setDirty(true);
              }}
            />
          </Flex>
        </Flex>
        <Table<EditedColumn>
          data-testid="layout-columns"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={columns}
          scroll={{ y: 320 }}
          columns={[
            {
              title: text.include,
              width: 60,
              render: (_, c, i) => (
                <Checkbox
                  aria-label={uploadColumnHeaders[c.key]}
                  checked={c.included}
                  onChange={(e) =>
                    change(
                      columns.map((x, j) => (j === i ? { ...x, included: e.target.checked } : x)),
                    )
                  }
                />
              ),
            },
            { title: text.column, width: 110, render: (_, c) => uploadColumnHeaders[c.key] },
            {
              title: text.header,
              render: (_, c, i) => (
                <Input
                  size="small"
                  aria-label={text.headerOf(uploadColumnHeaders[c.key])}
                  value={c.header}
                  disabled={!c.included}
                  onChange={(e) =>
                    change(columns.map((x, j) => (j === i ? { ...x, header: e.target.value } : x)))
                  }
                />
              ),
            },
            {
              title: text.order,
              width: 90,
              render: (_, c, i) => (
                <Space size={0}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label={text.up(uploadColumnHeaders[c.key])}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={text.down(uploadColumnHeaders[c.key])}
                    disabled={i === columns.length - 1}
                    onClick={() => move(i, 1)}
                  />
                </Space>
              ),
            },
          ]}
        />
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            message={problems.join('；')}
            data-testid="layout-problems"
          />
        )}
      </Flex>
    </Modal>
  );
}

/** 上传表列格式: the saved layouts, to add, change or delete; the standard layout is built in. */
export function UploadLayoutsModal({ onClose }: { onClose(): void }) {
  const { message } = App.useApp();
  const layouts = useQuery('fees.uploadLayouts.list', {});
  const [editing, setEditing] = useState<UploadLayout | 'new' | null>(null);
  const remove = async (layout: UploadLayout) => {
    try {
      await mutate('fees.uploadLayouts.delete', { id: layout.id });
      message.success(text.deleted(layout.name));
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={text.title}
      footer={<Button onClick={onClose}>{t.common.close}</Button>}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{text.intro}</p>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setEditing('new')}
        style={{ marginBottom: 12 }}
      >
        {text.add}
      </Button>
      <Table<UploadLayout>
        data-testid="upload-layouts"
        size="small"
        rowKey="id"
        loading={layouts.state === 'loading'}
        dataSource={layouts.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: text.empty }}
        columns={[
          {
            title: text.organization,
            dataIndex: 'organization',
            sorter: (a, b) => a.organization.localeCompare(b.organization, 'zh-CN'),
          },
          { title: text.name, dataIndex: 'name' },
          {
            title: text.columns,
            render: (_, l) => l.columns.map((c) => c.header).join('、'),
          },
          {
            title: t.common.actions,
            width: 120,
            render: (_, l) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(l)}>
                  {t.common.edit}
                </Button>
                <Popconfirm
                  title={text.confirmDelete(l.name)}
                  okText={t.common.delete}
                  cancelText={t.common.cancel}
                  onConfirm={() => remove(l)}
                >
                  <Button type="link" size="small" danger>
                    {t.common.delete}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <LayoutEditor
          layout={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Modal>
  );
}
