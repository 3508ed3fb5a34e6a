import { CopyOutlined, DeleteOutlined, FolderOpenOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Space, Tooltip } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ProjectSummary } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import {
  projectStatusLabels,
  projectStatuses,
  type ProjectStatus,
} from '../../../../shared/domain/projectStatus';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DataTable } from '../../components/DataTable';
import { twoLines } from '../../components/twoLines';
import { byText, formatDateTime } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { DataCentreExportButton } from '../../components/DataCentreExportButton';
import { PageHeader } from '../../components/PageHeader';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { SelfCheckTag } from '../../components/SelfCheckTag';
import { t } from '../../i18n';
import { openProject } from './projectsStore';

const deletable: readonly ProjectStatus[] = ['draft', 'rejected'];
const severity = { pass: 0, warn: 1, fail: 2 } as const;

export function ProjectList() {
  const { message } = App.useApp();
  const projects = useQuery('projects.list', {});
  const list = projects.data ?? [];
  const [copying, setCopying] = useState<ProjectSummary | null>(null);
  const [copyYear, setCopyYear] = useState<number | null>(null);

  const onCopy = async () => {
    if (!copying || !copyYear) return;
    try {
      const project = await mutate('projects.copyToYear', { id: copying.id, year: copyYear });
      message.success(t.projects.copied(copyYear));
      setCopying(null);
      openProject(project.id);
    } catch (error) {
      message.error(messageOf(error));
    }
  };

  const columns: ColumnsType<ProjectSummary> = [
    {
      title: t.projects.columns.certificate,
      dataIndex: 'certificateName',
      sorter: (a, b) => byText(a.certificateName, b.certificateName),
      render: (name: string, row) =>
        twoLines(<a onClick={() => openProject(row.id)}>{name}</a>, row.organization),
    },
    {
      title: t.projects.columns.year,
      dataIndex: 'year',
      width: 80,
      sorter: (a, b) => a.year - b.year,
      filters: [...new Set(list.map((p) => p.year))].map((y) => ({ text: String(y), value: y })),
      onFilter: (value, row) => row.year === value,
    },
    {
      title: t.projects.columns.levels,
      dataIndex: 'levels',
      width: 110,
      render: (levels: ProjectSummary['levels']) =>
        levels.map((l) => certificateLevelLabels[l]).join('、'),
    },
    {
      title: t.projects.columns.status,
      dataIndex: 'status',
      width: 100,
      filters: projectStatuses.map((s) => ({ text: projectStatusLabels[s], value: s })),
      onFilter: (value, row) => row.status === value,
      render: (status: ProjectStatus) => <ProjectStatusTag status={status} />,
    },
    {
      title: t.projects.columns.selfCheck,
      dataIndex: 'selfCheck',
      width: 170,
      sorter: (a, b) => severity[a.selfCheck.level] - severity[b.selfCheck.level],
      render: (summary: ProjectSummary['selfCheck']) => <SelfCheckTag summary={summary} />,
    },
    {
      title: t.projects.columns.members,
      key: 'members',
      width: 100,
      render: (_: unknown, row) => `${row.majorCount} / ${row.teacherCount}`,
    },
    {
      title: t.projects.columns.updatedAt,
      dataIndex: 'updatedAt',
      width: 170,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: formatDateTime,
    },
    {
      title: t.common.actions,
      key: 'actions',
      width: 130,
      render: (_: unknown, row) => (
        <Space size={4}>
          <Button size="small" icon={<FolderOpenOutlined />} onClick={() => openProject(row.id)}>
            {t.projects.open}
          </Button>
          <Tooltip title={t.projects.copyTitle}>
            <Button
              size="small"
              icon={<CopyOutlined />}
              aria-label={t.projects.copy}
              onClick={() => {
                setCopying(row);
                setCopyYear(row.year + 1);
              }}
            />
          </Tooltip>
          {deletable.includes(row.status) ? (
            <Popconfirm
              title={t.projects.deleteConfirm}
              okText={t.common.confirm}
              cancelText={t.common.cancel}
              onConfirm={async () => {
                try {
                  await mutate('projects.delete', { id: row.id });
                  message.success(t.projects.deleted);
                } catch (error) {
                  message.error(messageOf(error));
                }
              }}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t.common.delete} />
            </Popconfirm>
          ) : (
            <Tooltip title={t.projects.notDeletable}>
              <Button
                size="small"
                disabled
                icon={<DeleteOutlined />}
                aria-label={t.common.delete}
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.projects.title}
        description={t.projects.intro}
        extra={
          <Space>
            <DataCentreExportButton
              handler="projects.coursesSheet"
              label={t.projects.coursesSheet}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openProject('new')}>
              {t.projects.add}
            </Button>
          </Space>
        }
      />
      <LoadState state={projects.state} error={projects.error} onRetry={projects.retry}>
        <DataTable<ProjectSummary>
          rowKey="id"
          columns={columns}
          dataSource={list}
          emptyHint={t.projects.empty}
          data-testid="projects-table"
        />
      </LoadState>
      <Modal
        open={copying !== null}
        title={t.projects.copyTitle}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        onOk={() => void onCopy()}
        onCancel={() => setCopying(null)}
      >
        <p>{t.projects.copyHint}</p>
        <Form layout="vertical">
          <Form.Item label={t.projects.fields.year}>
            <NumberBox
              id="copy-year"
              min={2019}
              max={2100}
              value={copyYear}
              onChange={(v) => setCopyYear(v)}
              style={{ width: 160 }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
