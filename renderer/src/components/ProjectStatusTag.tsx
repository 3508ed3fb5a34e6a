import { Tag } from 'antd';
import type { ProjectStatus } from '../../../shared/domain/projectStatus';
import { projectStatusLabels } from '../../../shared/domain/projectStatus';

const colors: Record<ProjectStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  confirmed: 'success',
  rejected: 'warning',
  revoked: 'error',
};

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  return (
    <Tag color={colors[status]} data-testid="project-status" data-status={status}>
      {projectStatusLabels[status]}
    </Tag>
  );
}
