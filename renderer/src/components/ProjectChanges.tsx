import { Table, Tag, Typography } from 'antd';
import type { ProjectFieldChange } from '../../../shared/domain/projectRevisions';
import { t } from '../i18n';

const text = t.projects.revisions;

/** What a list lost (in the submitted column) or gained (in the current one). */
function Values({ values, label, color }: { values: string[]; label: string; color: string }) {
  if (values.length === 0) return null;
  return (
    <>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      {values.map((v) => (
        <Tag key={v} color={color} style={{ whiteSpace: 'normal', marginBottom: 4 }}>
          {v}
        </Tag>
      ))}
    </>
  );
}

/** Long text (a plan section) keeps its lines, folded after a few. */
const Long = ({ value, strike }: { value: string; strike?: boolean }) =>
  value === '' ? (
    <Typography.Text type="secondary">{text.empty}</Typography.Text>
  ) : (
    <Typography.Paragraph
      delete={strike}
      ellipsis={{ rows: 4, expandable: 'collapsible' }}
      style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
    >
      {value}
    </Typography.Paragraph>
  );

/**
 * A project's changed fields against the submitted version: plain fields as 已申报版本 → 当前版本,
 * lists as what was added and removed.
 */
export function ProjectChanges({ changes }: { changes: ProjectFieldChange[] }) {
  return (
    <Table<ProjectFieldChange>
      data-testid="project-changes"
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={changes}
      columns={[
        { title: text.field, dataIndex: 'label', width: 170 },
        {
          title: text.before,
          render: (_, c) =>
            c.kind === 'text' ? (
              <Long value={c.before} strike />
            ) : (
              <Values values={c.removed} label={text.removed} color="red" />
            ),
        },
        {
          title: text.after,
          render: (_, c) =>
            c.kind === 'text' ? (
              <Long value={c.after} />
            ) : (
              <Values values={c.added} label={text.added} color="green" />
            ),
        },
      ]}
    />
  );
}
