import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import type { ReactNode } from 'react';
import { invoke, messageOf } from '../api/client';
import { saveOffer, toUploadedFile } from '../api/files';
import { mutate } from '../api/queryCache';
import { ConfirmLink } from './RowActions';
import { useAction } from './useAction';

/** The features whose records keep one document each (`X.attachDocument` … `X.readDocument`). */
export type DocumentOwner = 'agreements' | 'examSites' | 'funds';

/** The words of a feature's document cell. */
export interface RecordDocumentText {
  upload: string;
  download: string;
  removeDocument: string;
  removeDocumentTitle: string;
  uploaded: string;
  documentRemoved: string;
}

/**
 * A record's one document in a table cell: download it or remove it (after a confirmation), or
 * upload one when there is none; `flag` stands before the upload button.
 */
export function RecordDocumentCell({
  owner,
  id,
  hasDocument,
  text,
  flag = null,
}: {
  owner: DocumentOwner;
  id: number;
  hasDocument: boolean;
  text: RecordDocumentText;
  flag?: ReactNode;
}) {
  const { message } = App.useApp();
  const { busy, run } = useAction();
  if (hasDocument) {
    return (
      <Space size={0}>
        <Button
          type="link"
          size="small"
          onClick={() =>
            void invoke(`${owner}.readDocument`, { id }).then(saveOffer, (e: unknown) =>
              message.error(messageOf(e)),
            )
          }
        >
          {text.download}
        </Button>
        <ConfirmLink
          title={text.removeDocumentTitle}
          onConfirm={() =>
            run(true, () => mutate(`${owner}.removeDocument`, { id }), text.documentRemoved)
          }
        >
          {text.removeDocument}
        </ConfirmLink>
      </Space>
    );
  }
  const upload = (
    <Upload
      showUploadList={false}
      beforeUpload={(file) => {
        void run(
          true,
          async () => mutate(`${owner}.attachDocument`, { id, file: await toUploadedFile(file) }),
          text.uploaded,
        );
        return false;
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy !== null}>
        {text.upload}
      </Button>
    </Upload>
  );
  return flag === null ? (
    upload
  ) : (
    <Space size={4}>
      {flag}
      {upload}
    </Space>
  );
}
