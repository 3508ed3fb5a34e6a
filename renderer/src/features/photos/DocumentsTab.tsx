import { DeleteOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { ActionLink } from '../../components/RowActions';
import type { ColumnsType } from 'antd/es/table/interface';
import { useState } from 'react';
import type { DocumentChecklistRow } from '../../../../shared/contract/photos';
import {
  candidateDocumentKinds,
  candidateDocumentLabels,
  type CandidateDocumentKind,
} from '../../../../shared/domain/photos';
import { invoke, messageOf } from '../../api/client';
import { saveContent, toUploadedFile } from '../../api/files';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { t } from '../../i18n';

/** Picks one file and hands it on (a hidden input per click, so the same file can be re-picked). */
function pickFile(accept: string, onPicked: (file: File) => void) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) onPicked(file);
  };
  input.click();
}

/**
 * 其他材料: each candidate's 申请表, ID scan and 在读证明 (PDF or a scan), uploaded, opened or
 * removed per cell; the header counts who is still missing each.
 */
export function DocumentsTab({ batchId }: { batchId: number }) {
  const { message } = App.useApp();
  const list = useQuery('photos.documents', { batchId });
  const [busy, setBusy] = useState<string | null>(null);
  const text = t.photos.documents;
  const c = t.exams.detail.columns;

  const run = async (key: string, work: () => Promise<string>) => {
    setBusy(key);
    try {
      message.success(await work());
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const upload = (row: DocumentChecklistRow, kind: CandidateDocumentKind) =>
    pickFile(
      '.pdf,.jpg,.jpeg,.png',
      (file) =>
        void run(`${row.signupId}:${kind}`, async () => {
          await mutate('photos.saveDocument', {
            signupId: row.signupId,
            kind,
            file: await toUploadedFile(file),
          });
          return text.saved(row.name, candidateDocumentLabels[kind]);
        }),
    );

  const cell = (kind: CandidateDocumentKind) => (_: unknown, row: DocumentChecklistRow) => {
    const doc = row.documents[kind];
    const key = `${row.signupId}:${kind}`;
    if (!doc) {
      return (
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={busy === key}
          onClick={() => upload(row, kind)}
          data-testid={`doc-upload-${row.studentNo}-${kind}`}
        >
          {text.upload}
        </Button>
      );
    }
    return (
      <Space size={4} wrap>
        <Tag color="green" title={doc.name}>
          {text.present}
        </Tag>
        <ActionLink
          icon={<EyeOutlined />}
          onClick={() =>
            void run(key, async () => {
              const file = await invoke('photos.getDocument', { signupId: row.signupId, kind });
              saveContent(file);
              return text.downloaded(file.fileName);
            })
          }
        >
          {text.open}
        </ActionLink>
        <Popconfirm
          title={text.removeTitle(row.name, candidateDocumentLabels[kind])}
          okText={t.common.confirm}
          cancelText={t.common.cancel}
          onConfirm={() =>
            run(key, async () => {
              await mutate('photos.removeDocument', { signupId: row.signupId, kind });
              return text.removed;
            })
          }
        >
          <Button size="small" type="link" danger icon={<DeleteOutlined />} />
        </Popconfirm>
      </Space>
    );
  };

  const columns: ColumnsType<DocumentChecklistRow> = [
    { title: c.studentNo, dataIndex: 'studentNo', width: 120 },
    { title: c.name, dataIndex: 'name', width: 90 },
    ...candidateDocumentKinds.map((kind) => ({
      title: candidateDocumentLabels[kind],
      key: kind,
      filters: [{ text: text.missingOnly, value: 'missing' }],
      onFilter: (_: unknown, row: DocumentChecklistRow) => !row.documents[kind],
      render: cell(kind),
    })),
  ];

  return (
    <LoadState state={list.state} error={list.error} onRetry={list.retry}>
      {list.data && (
        <Flex vertical gap={12}>
          <Typography.Text data-testid="documents-missing">
            {text.missing(
              candidateDocumentKinds.map(
                (k) => `${candidateDocumentLabels[k]} ${list.data!.missing[k]} 人`,
              ),
            )}
          </Typography.Text>
          <DataTable<DocumentChecklistRow>
            rowKey="signupId"
            size="small"
            columns={columns}
            dataSource={list.data.rows}
            pagination={{ pageSize: 20 }}
            emptyHint={t.exams.detail.emptyHint}
            data-testid="documents-table"
          />
        </Flex>
      )}
    </LoadState>
  );
}
