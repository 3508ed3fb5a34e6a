import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SubmittedPackage } from '../../../../shared/contract/package';
import { formatBytes } from '../../../../shared/domain/attachments';
import { invoke, messageOf } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { ProjectChanges } from '../../components/ProjectChanges';
import { t } from '../../i18n';
import { saveOffer } from '../../api/files';

const text = t.package;

const fileTag: Record<SubmittedPackage['file'], { color: string; label: string }> = {
  ok: { color: 'green', label: text.fileOk },
  missing: { color: 'red', label: text.fileMissing },
  altered: { color: 'red', label: text.fileAltered },
};

/** One project of a package: unchanged since, or its changes (in a drawer). */
function ProjectSince({ project }: { project: SubmittedPackage['projects'][number] }) {
  const [open, setOpen] = useState(false);
  const name = `${project.certificateName} · ${project.year}`;
  if (project.changes === null) {
    return (
      <div>
        {name} <Tag>{text.projectDeleted}</Tag>
      </div>
    );
  }
  if (project.changes.length === 0) {
    return (
      <div>
        {name} <Typography.Text type="secondary">{text.unchangedSince}</Typography.Text>
      </div>
    );
  }
  return (
    <div>
      {name}{' '}
      <Button
        size="small"
        type="link"
        onClick={() => setOpen(true)}
        data-testid="submitted-changes"
      >
        {text.changedSince(project.changes.length)}
      </Button>
      {open && (
        <Drawer open width={880} title={text.changesTitle(name)} onClose={() => setOpen(false)}>
          <ProjectChanges changes={project.changes} />
        </Drawer>
      )}
    </div>
  );
}

/**
 * 已提交的材料包: each package marked as submitted, kept read-only exactly as sent, with its
 * SHA-256, whether the kept copy is intact, and what each project changed since.
 */
export function SubmittedPackages() {
  const { message } = App.useApp();
  const { data, state, error, retry } = useQuery('package.submittedList', {});

  const download = async (row: SubmittedPackage) => {
    try {
      saveOffer(await invoke('package.readSubmitted', { id: row.id }));
    } catch (e) {
      message.error(messageOf(e));
    }
  };

  return (
    <Card title={text.submittedTitle} data-testid="submitted-packages">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{text.submittedIntro}</Typography.Text>
        <LoadState state={state} error={error} onRetry={retry}>
          <DataTable<SubmittedPackage>
            rowKey="id"
            dataSource={data ?? []}
            emptyHint={text.submittedEmpty}
            pagination={{ defaultPageSize: 10 }}
            columns={[
              {
                title: text.submittedColumns.file,
                render: (_, row) => (
                  <>
                    <div>
                      {row.fileName} {row.draft && <Tag color="orange">{text.draftTag}</Tag>}
                    </div>
                    <Typography.Text type="secondary">
                      {row.storedAs} · {formatBytes(row.size)}
                    </Typography.Text>{' '}
                    <Tag color={fileTag[row.file].color} data-testid="submitted-file-state">
                      {fileTag[row.file].label}
                    </Tag>
                  </>
                ),
              },
              {
                title: text.submittedColumns.submittedAt,
                dataIndex: 'submittedAt',
                width: 150,
                render: (at: string) => formatDateTime(at),
              },
              {
                title: text.submittedColumns.projects,
                width: 280,
                render: (_, row) =>
                  row.kind === 'batch' ? (
                    <Tag>{text.batchKind}</Tag>
                  ) : (
                    row.projects.map((p, i) => <ProjectSince key={i} project={p} />)
                  ),
              },
              {
                title: text.submittedColumns.sha256,
                dataIndex: 'sha256',
                width: 200,
                render: (sha: string) => (
                  <Typography.Text
                    code
                    copyable
                    style={{ wordBreak: 'break-all', fontSize: 12 }}
                    data-testid="submitted-sha256"
                  >
                    {sha}
                  </Typography.Text>
                ),
              },
              {
                title: text.submittedColumns.actions,
                width: 90,
                render: (_, row) => (
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    disabled={row.file !== 'ok'}
                    onClick={() => void download(row)}
                    data-testid="submitted-download"
                  >
                    {text.download}
                  </Button>
                ),
              },
            ]}
          />
        </LoadState>
      </Flex>
    </Card>
  );
}
