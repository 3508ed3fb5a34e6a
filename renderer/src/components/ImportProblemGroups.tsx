import { Collapse, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type {
  ImportPreview,
  ImportProblemGroup,
  ImportRowError,
} from '../../../shared/contract/imports';
import { t } from '../i18n';
import { noWrap } from './noWrap';

const text = t.importer;

/**
 * The preview's problems by reason (“身份证号码校验位错误 15 行”), errors then warnings; each group
 * opens to its rows: 行号, the cells that say who the row is, the cell at fault, and the problem.
 */
export function ImportProblemGroups({
  result,
  groupAction,
}: {
  result: ImportPreview;
  /** A button on a group's line that mends its rows (e.g. 按名称新建这些专业), if the import has one. */
  groupAction?: (group: ImportProblemGroup) => ReactNode;
}) {
  const errors = result.groups.filter((g) => g.severity === 'error');
  const warnings = result.groups.filter((g) => g.severity === 'warning');
  const label = (key: string) => result.fields.find((f) => f.key === key)?.label ?? key;

  const cellOf = (key: string, p: ImportRowError) => result.listedValues[p.rowNumber]?.[key] ?? '';

  /** A group's rows as a table: 行号 first, ten rows a page, and a note when the list was cut. */
  const groupTable = (
    group: ImportProblemGroup,
    rows: ImportRowError[],
    columns: ColumnsType<ImportRowError>,
    extra: Pick<TableProps<ImportRowError>, 'scroll' | 'title'> & { testId?: string } = {},
  ) => (
    <Table<ImportRowError>
      size="small"
      data-testid={extra.testId}
      rowKey={(p) => `${p.rowNumber}-${p.field}`}
      dataSource={rows}
      scroll={extra.scroll}
      title={extra.title}
      pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
      footer={
        group.count > group.problems.length ? () => text.groupCut(group.problems.length) : undefined
      }
      columns={[{ title: text.rowNumber, dataIndex: 'rowNumber', width: 70 }, ...columns]}
    />
  );

  /**
   * Rows that clash on one value, side by side: every column of the file, the rows sharing the
   * value one under the other, and the cells in which they differ marked.
   */
  const comparison = (group: ImportProblemGroup) => {
    const field = group.field ?? '';
    const sameOf = (p: ImportRowError) => cellOf(field, p).replace(/\s+/g, '').toUpperCase();
    const rows = [...group.problems].sort(
      (a, b) => sameOf(a).localeCompare(sameOf(b)) || a.rowNumber - b.rowNumber,
    );
    const differs = (key: string, p: ImportRowError) =>
      rows.some((o) => o !== p && sameOf(o) === sameOf(p) && cellOf(key, o) !== cellOf(key, p));
    const shown = result.fields.filter((f) => result.mapping[f.key] !== null);
    return groupTable(
      group,
      rows,
      shown.map((f) => ({
        title: f.label,
        key: f.key,
        render: (_: unknown, p: ImportRowError) => {
          const value = cellOf(f.key, p);
          return differs(f.key, p) ? (
            <Typography.Text type="danger" strong data-diff style={{ whiteSpace: 'nowrap' }}>
              {value || text.emptyCell}
            </Typography.Text>
          ) : (
            noWrap(value)
          );
        },
      })),
      {
        testId: 'import-comparison',
        scroll: { x: 'max-content' },
        title: () => <Typography.Text type="secondary">{text.compareNote}</Typography.Text>,
      },
    );
  };

  const table = (group: ImportProblemGroup) => {
    if (group.compare) return comparison(group);
    const identity = result.identityFields.filter((key) => result.mapping[key] !== null);
    const faulty = group.field && !identity.includes(group.field) ? [group.field] : [];
    return groupTable(group, group.problems, [
      ...[...identity, ...faulty].map((key) => ({
        title: key === group.field ? (group.column ?? label(key)) : label(key),
        key,
        render: (_: unknown, p: ImportRowError) => {
          const value = cellOf(key, p);
          // Values stay on one line (学号, ID numbers); the reason column takes the wrapping.
          return key === group.field && group.severity === 'error' ? (
            <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>
              {value || text.emptyCell}
            </Typography.Text>
          ) : (
            noWrap(value)
          );
        },
      })),
      { title: text.problem, dataIndex: 'reason' },
    ]);
  };

  const panels = (groups: ImportProblemGroup[]) =>
    groups.map((group, i) => ({
      key: `${group.severity}-${i}`,
      label: (
        <Flex gap={8} align="center" wrap data-testid="import-group">
          <Tag color={group.severity === 'error' ? 'error' : 'warning'}>
            {text.severity[group.severity]}
          </Tag>
          <Typography.Text strong>{group.title}</Typography.Text>
          <Typography.Text>{text.groupCount(group.count)}</Typography.Text>
          {group.column && (
            <Typography.Text type="secondary">{text.groupColumn(group.column)}</Typography.Text>
          )}
          {groupAction && (
            // A click on the button is not a click on the panel's header: it does not fold it.
            <span onClick={(e) => e.stopPropagation()}>{groupAction(group)}</span>
          )}
        </Flex>
      ),
      children: table(group),
    }));

  if (result.groups.length === 0) return null;
  return (
    <div>
      <Typography.Text strong>{text.groupsTitle}</Typography.Text>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {errors.length > 0 && (
          <Collapse
            size="small"
            data-testid="import-errors"
            // The largest error group opens at once; the others on a click.
            defaultActiveKey={['error-0']}
            items={panels(errors)}
          />
        )}
        {warnings.length > 0 && (
          <Collapse size="small" data-testid="import-warnings" items={panels(warnings)} />
        )}
      </Flex>
    </div>
  );
}
