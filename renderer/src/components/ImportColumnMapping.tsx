import { Flex, Select, Space, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/contract/imports';
import { t } from '../i18n';

/** Which column of the file each field is read from; required fields not found show in red. */
export function ImportColumnMapping({
  result,
  onMappingChange,
}: {
  result: ImportPreview;
  onMappingChange(field: string, column: number | null): void;
}) {
  const columnOptions = [
    { value: -1, label: t.importer.notImported },
    ...result.columns.map((c) => ({
      value: c.index,
      label: t.importer.columnOption(c.letter, c.header),
    })),
  ];
  return (
    <div>
      <Typography.Text strong>{t.importer.mappingTitle}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
        {t.importer.mappingHint}
      </Typography.Text>
      <Flex wrap gap={12} style={{ marginTop: 8 }}>
        {result.fields.map((field) => (
          <Space key={field.key} size={4}>
            <Typography.Text type={field.required ? undefined : 'secondary'}>
              {field.required ? '* ' : ''}
              {field.label}
            </Typography.Text>
            <Select
              size="small"
              style={{ width: 180 }}
              aria-label={field.label}
              status={field.required && result.mapping[field.key] === null ? 'error' : undefined}
              value={result.mapping[field.key] ?? -1}
              options={columnOptions}
              onChange={(value: number) => onMappingChange(field.key, value < 0 ? null : value)}
            />
          </Space>
        ))}
      </Flex>
    </div>
  );
}
