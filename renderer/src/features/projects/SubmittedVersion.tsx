import { DiffOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectSubmission } from '../../../../shared/contract/projects';
import { formatDate } from '../../components/format';
import { ProjectChanges } from '../../components/ProjectChanges';
import { t } from '../../i18n';

const text = t.projects.revisions;

/**
 * The version the province holds beside the working copy: when it was submitted, how many
 * revisions were saved since, and 与已申报版本比较 listing the fields that differ.
 */
export function SubmittedVersion({ submission }: { submission: ProjectSubmission }) {
  const [open, setOpen] = useState(false);
  const date = formatDate(submission.submittedAt);
  const changed = submission.changes.length;
  return (
    <Card title={text.title(date)} size="small" data-testid="submitted-version">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {text.revisions(submission.revisions.length)}
      </Typography.Paragraph>
      <Typography.Paragraph type={changed > 0 ? 'warning' : 'secondary'}>
        {changed > 0 ? text.changed(changed) : text.unchanged}
      </Typography.Paragraph>
      <Button icon={<DiffOutlined />} disabled={changed === 0} onClick={() => setOpen(true)}>
        {text.compare}
      </Button>
      {open && (
        <Drawer open width={880} title={text.compareTitle(date)} onClose={() => setOpen(false)}>
          <ProjectChanges changes={submission.changes} />
        </Drawer>
      )}
    </Card>
  );
}
