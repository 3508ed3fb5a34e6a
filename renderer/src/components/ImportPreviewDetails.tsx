import { Alert } from 'antd';
import type { ReactNode } from 'react';
import type { ImportPreview, ImportProblemGroup } from '../../../shared/contract/imports';
import { t } from '../i18n';
import { ImportColumnMapping } from './ImportColumnMapping';
import { ImportProblemGroups } from './ImportProblemGroups';
import { ImportPreviewRows, type ImportWords } from './ImportPreviewRows';

/** What the preview found: the count of rows by outcome, the problems by reason, the columns. */
export function ImportPreviewDetails({
  result,
  words,
  onMappingChange,
  pageLoading,
  onRowsPage,
  groupAction,
}: {
  result: ImportPreview;
  groupAction?: (group: ImportProblemGroup) => ReactNode;
  words: ImportWords;
  onMappingChange(field: string, column: number | null): void;
  pageLoading: boolean;
  onRowsPage(rowsFrom: number): void;
}) {
  const { summary } = result;
  return (
    <>
      {result.missingFields.length > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t.importer.missing(result.missingFields.map((f) => `“${f.label}”`).join('、'))}
        />
      ) : (
        <Alert
          type={summary.invalid > 0 || summary.total === 0 ? 'warning' : 'success'}
          showIcon
          data-testid="import-summary"
          message={summary.total === 0 ? t.importer.noRows : t.importer.summary(summary, words)}
          description={summary.invalid > 0 ? t.importer.fixFirst(summary.valid) : undefined}
        />
      )}
      {t.importer.skipped(result.skipped) && (
        <Alert
          type="info"
          showIcon
          data-testid="import-skipped"
          message={t.importer.skipped(result.skipped)}
        />
      )}
      {result.headline && (
        <Alert type="info" showIcon data-testid="import-headline" message={result.headline} />
      )}
      <ImportProblemGroups result={result} groupAction={groupAction} />
      <ImportColumnMapping result={result} onMappingChange={onMappingChange} />
      {result.rows.length > 0 && (
        <ImportPreviewRows
          result={result}
          words={words}
          pageLoading={pageLoading}
          onRowsPage={onRowsPage}
        />
      )}
    </>
  );
}
