import { FolderOpenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import type { ProjectStatus } from '../../../../shared/domain/projectStatus';
import { useNavigation } from '../../app/navigationStore';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { ProjectStatusTag } from '../../components/ProjectStatusTag';
import { SelfCheckTag } from '../../components/SelfCheckTag';
import { useQuery } from '../../api/useQuery';
import { VerdictList } from '../../components/VerdictList';
import { t } from '../../i18n';
import { openProject } from '../projects/projectsStore';
import { byText } from '../../components/format';

const severity = { pass: 0, warn: 1, fail: 2 } as const;

/** 资格自查: rules 1–8 for every project at once; each problem links to where it is fixed. */
export function SelfCheckPage() {
  const { data, state, error, retry: reload } = useQuery('projects.selfCheckAll', {});
  const checks = data ?? [];
  const go = useNavigation((s) => s.go);

  const fix = (projectId: number, field?: string) => {
    if (field === 'school') {
      go('school');
      return;
    }
    openProject(projectId, field);
  };

  const columns: ColumnsType<ProjectCheck> = [
    {
      title: t.selfCheck.columns.project,
      key: 'project',
      sorter: (a, b) => byText(a.certificateName, b.certificateName) || a.year - b.year,
      render: (_: unknown, row) => `${row.certificateName} · ${row.year}`,
    },
    {
      title: t.selfCheck.columns.status,
      dataIndex: 'status',
      width: 110,
      render: (status: ProjectStatus) => <ProjectStatusTag status={status} />,
    },
    {
      title: t.selfCheck.columns.result,
      dataIndex: 'selfCheck',
      width: 170,
      defaultSortOrder: 'descend',
      sorter: (a, b) => severity[a.selfCheck.level] - severity[b.selfCheck.level],
      filters: (['fail', 'warn', 'pass'] as const).map((l) => ({ text: t.verdict[l], value: l })),
      onFilter: (value, row) => row.selfCheck.level === value,
      render: (summary: ProjectCheck['selfCheck']) => <SelfCheckTag summary={summary} />,
    },
    {
      title: t.selfCheck.columns.details,
      key: 'details',
      render: (_: unknown, row) => {
        const open = row.verdicts.filter((v) => v.level !== 'pass');
        return open.length === 0 ? (
          t.selfCheck.allPass
        ) : (
          <VerdictList verdicts={open} onFieldClick={(field) => fix(row.id, field)} />
        );
      },
    },
    {
      title: t.common.actions,
      key: 'open',
      width: 120,
      render: (_: unknown, row) => (
        <Button size="small" icon={<FolderOpenOutlined />} onClick={() => fix(row.id)}>
          {t.selfCheck.openProject}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t.selfCheck.title} description={t.selfCheck.intro} />
      <LoadState state={state} error={error} onRetry={reload}>
        <DataTable<ProjectCheck>
          rowKey="id"
          columns={columns}
          dataSource={checks}
          emptyHint={t.selfCheck.empty}
          expandable={{
            expandedRowRender: (row) => (
              <VerdictList verdicts={row.verdicts} onFieldClick={(field) => fix(row.id, field)} />
            ),
          }}
        />
      </LoadState>
    </>
  );
}
