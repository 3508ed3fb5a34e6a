import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  EyeOutlined,
  FileExcelOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Image,
  Input,
  Modal,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { attachmentNameSchema, type AttachmentLink } from '../../../../shared/contract/attachments';
import {
  allowedTypesText,
  attachmentKindLabels,
  formatBytes,
  isImageExtension,
  MAX_ATTACHMENT_BYTES,
  maxAttachmentSizeText,
  sizeLimitMessage,
  type AttachmentExtension,
  type AttachmentKind,
  type AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import { invoke, messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { contentToBlob, saveOffer, toUploadedFile } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { byText, formatDate } from '../../components/format';
import { numberColumn } from '../../components/sortedColumns';
import { focusFirstField } from '../../components/focusFirstField';
import { LoadState } from '../../components/LoadState';
import { ActionLink, ConfirmLink } from '../../components/RowActions';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';

const tx = t.attachments;

const kindColors: Record<AttachmentKind, string> = {
  talent_training_plan: 'blue',
  room_photo: 'green',
  cooperation_agreement: 'purple',
  stamped_application: 'orange',
  other: 'default',
};

const typeIcons: Record<AttachmentExtension, ReactNode> = {
  pdf: <FilePdfOutlined style={{ color: '#cf1322' }} />,
  jpg: <FileImageOutlined style={{ color: '#389e0d' }} />,
  png: <FileImageOutlined style={{ color: '#389e0d' }} />,
  docx: <FileWordOutlined style={{ color: '#1d39c4' }} />,
  xlsx: <FileExcelOutlined style={{ color: '#237804' }} />,
};

/** The accept hint for the file picker; the core decides by content whatever is picked. */
const acceptHint = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

interface Owner {
  ownerType: AttachmentOwnerType;
  ownerId: number;
}

interface Props {
  ownerType: AttachmentOwnerType;
  ownerId: number;
  /** Kinds offered for upload here, the first preselected. */
  kinds: readonly AttachmentKind[];
  title: string;
  description?: ReactNode;
}

/**
 * The attachments of one owner (the school, a project, a room, a site): a list with kind, name,
 * size, type and date; upload with a kind; preview images; download; rename; remove after a
 * confirmation that says whether the file itself goes.
 */
export function AttachmentsPanel({ ownerType, ownerId, kinds, title, description }: Props) {
  const owner: Owner = useMemo(() => ({ ownerType, ownerId }), [ownerType, ownerId]);
  const { message } = App.useApp();
  const list = useQuery('attachments.list', owner);
  const items = list.data ?? [];
  const [kind, setKind] = useState<AttachmentKind>(kinds[0] ?? 'other');
  const [pending, setPending] = useState(0);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);
  const [renaming, setRenaming] = useState<AttachmentLink | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pendingCount = useRef(0);
  const idBase = `attachments-${ownerType}-${ownerId}`;

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  /** Uploads one picked file after the ones before it; errors stay listed until closed. */
  const enqueue = useCallback(
    (file: File, chosenKind: AttachmentKind) => {
      // A new selection after the previous ones finished starts with a clean error list.
      if (pendingCount.current === 0) setUploadErrors([]);
      pendingCount.current += 1;
      setPending(pendingCount.current);
      queue.current = queue.current.then(async () => {
        try {
          if (file.size > MAX_ATTACHMENT_BYTES) {
            throw new Error(`${sizeLimitMessage(file.name, file.size)}。${tx.notUploaded}`);
          }
          const link = await mutate('attachments.upload', {
            ...owner,
            kind: chosenKind,
            file: await toUploadedFile(file),
          });
          message.success(tx.uploaded(link.name));
        } catch (error) {
          const text = messageOf(error);
          setUploadErrors((list) => [...list, text]);
          message.error(text);
        } finally {
          pendingCount.current -= 1;
          setPending(pendingCount.current);
        }
      });
    },
    [message, owner],
  );

  const withBusy = async (link: AttachmentLink, work: () => Promise<void>) => {
    setBusyId(link.id);
    try {
      await work();
    } catch (error) {
      message.error(`${t.common.requestFailed}：${messageOf(error)}`);
    } finally {
      setBusyId(null);
    }
  };

  const onPreview = (link: AttachmentLink) =>
    withBusy(link, async () => {
      const content = await invoke('attachments.read', { linkId: link.id });
      setPreview({ url: URL.createObjectURL(contentToBlob(content)), name: link.name });
    });

  const onDownload = (link: AttachmentLink) =>
    withBusy(link, async () =>
      saveOffer(await invoke('attachments.download', { linkId: link.id })),
    );

  const onRemove = (link: AttachmentLink) =>
    withBusy(link, async () => {
      const removal = await mutate('attachments.remove', { linkId: link.id });
      message.success(removal.fileDeleted ? tx.removedFile(link.name) : tx.removedLink(link.name));
    });

  const kindFilters = kinds.map((k) => ({ text: attachmentKindLabels[k], value: k }));
  const columns: ColumnsType<AttachmentLink> = [
    {
      title: tx.columns.kind,
      dataIndex: 'kind',
      width: 150,
      filters: kindFilters,
      onFilter: (value, link) => link.kind === value,
      render: (value: AttachmentKind) => (
        <Tag color={kindColors[value]}>{attachmentKindLabels[value]}</Tag>
      ),
    },
    {
      title: tx.columns.name,
      dataIndex: 'name',
      // Narrow panels (a project page's column) scroll sideways rather than squeeze the name.
      width: 260,
      sorter: (a, b) => byText(a.name, b.name),
      render: (_value, link) => (
        <Space size={6}>
          {typeIcons[link.ext]}
          <Typography.Link
            onClick={() => void (isImageExtension(link.ext) ? onPreview(link) : onDownload(link))}
          >
            {link.name}
          </Typography.Link>
          {link.linkCount > 1 && (
            <Tooltip title={tx.removeShared(link.linkCount - 1)}>
              <Tag bordered={false}>{tx.sharedTag(link.linkCount)}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    numberColumn('size', tx.columns.size, 100, formatBytes),
    {
      title: tx.columns.type,
      dataIndex: 'ext',
      width: 90,
      filters: [...new Set(items.map((i) => i.ext))].map((ext) => ({
        text: ext.toUpperCase(),
        value: ext,
      })),
      onFilter: (value, link) => link.ext === value,
      render: (value: AttachmentExtension) => value.toUpperCase(),
    },
    {
      title: tx.columns.createdAt,
      dataIndex: 'createdAt',
      width: 140,
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      render: (value: string) => formatDate(value),
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 300,
      render: (_value, link) => (
        <Space size={0} wrap>
          {isImageExtension(link.ext) && (
            <ActionLink icon={<EyeOutlined />} onClick={() => void onPreview(link)}>
              {tx.preview}
            </ActionLink>
          )}
          <ActionLink
            icon={<DownloadOutlined />}
            loading={busyId === link.id}
            onClick={() => void onDownload(link)}
          >
            {tx.download}
          </ActionLink>
          <ActionLink icon={<EditOutlined />} onClick={() => setRenaming(link)}>
            {tx.rename}
          </ActionLink>
          <ConfirmLink
            title={tx.removeTitle(link.name)}
            description={
              link.linkCount > 1 ? tx.removeShared(link.linkCount - 1) : tx.removeLastUse
            }
            icon={<DeleteOutlined />}
            dangerOk
            onConfirm={() => onRemove(link)}
          >
            {t.common.delete}
          </ConfirmLink>
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={title}
      data-testid={idBase}
      extra={
        <Space>
          <Select<AttachmentKind>
            id={`${idBase}-kind`}
            aria-label={tx.kindLabel}
            style={{ width: 170 }}
            value={kind}
            onChange={setKind}
            placeholder={tx.kindPlaceholder}
            options={kinds.map((k) => ({ value: k, label: attachmentKindLabels[k] }))}
          />
          <Upload
            multiple
            accept={acceptHint}
            showUploadList={false}
            beforeUpload={(file) => {
              enqueue(file, kind);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={pending > 0}>
              {pending > 0 ? tx.uploading(pending) : tx.upload}
            </Button>
          </Upload>
        </Space>
      }
    >
      {description && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {description}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {tx.hint(allowedTypesText, maxAttachmentSizeText)}
      </Typography.Paragraph>
      {uploadErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setUploadErrors([])}
          style={{ marginBottom: 12 }}
          data-testid={`${idBase}-errors`}
          message={tx.uploadFailedTitle}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {uploadErrors.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      <LoadState state={list.state} error={list.error} onRetry={list.retry}>
        <DataTable<AttachmentLink>
          rowKey="id"
          columns={columns}
          dataSource={items}
          emptyHint={tx.empty}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 10 }}
        />
      </LoadState>
      {preview && (
        <Image
          style={{ display: 'none' }}
          alt={preview.name}
          preview={{
            visible: true,
            src: preview.url,
            onVisibleChange: (visible) => {
              if (!visible) setPreview(null);
            },
          }}
        />
      )}
      {renaming && (
        <RenameModal
          link={renaming}
          onClose={() => setRenaming(null)}
          onSave={async (name) => {
            await mutate('attachments.rename', { linkId: renaming.id, name });
            message.success(tx.renamed);
            setRenaming(null);
          }}
        />
      )}
    </Card>
  );
}

function RenameModal({
  link,
  onClose,
  onSave,
}: {
  link: AttachmentLink;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const submit = async () => {
    let values: { name: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await onSave(values.name);
    } catch (error) {
      const fields = error instanceof PilotError ? error.shape.details?.fields : undefined;
      const text = fields?.find((f) => f.path === 'name')?.message ?? messageOf(error);
      form.setFields([{ name: 'name', errors: [text] }]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={tx.renameTitle}
      okText={t.common.save}
      cancelText={t.common.cancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => guard(onClose)}
      destroyOnHidden
      afterOpenChange={focusFirstField('attachment-rename')}
    >
      <Form
        form={form}
        name="attachment-rename"
        layout="vertical"
        initialValues={{ name: link.name }}
        onValuesChange={() => setDirty(true)}
      >
        <Form.Item
          name="name"
          label={tx.renameLabel}
          extra={tx.renameHelp}
          rules={[zodRule(attachmentNameSchema)]}
        >
          <Input maxLength={255} onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
