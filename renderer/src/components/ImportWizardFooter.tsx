import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ImportPreview } from '../../../shared/contract/imports';
import { t } from '../i18n';
import type { ImportPhase } from './useImportWizard';

interface Props {
  phase: ImportPhase;
  result: ImportPreview | null;
  downloading: boolean;
  onClose(): void;
  onDownloadProblems(): void;
  onSkipInvalid(valid: number, invalid: number): void;
  onCommit(): void;
}

/**
 * The import dialog's buttons: import all rows only when every row is valid; otherwise download
 * the problem rows, or import only the valid ones after a confirmation. 关闭 once it is done.
 */
export function ImportWizardFooter({
  phase,
  result,
  downloading,
  onClose,
  onDownloadProblems,
  onSkipInvalid,
  onCommit,
}: Props) {
  const checked =
    phase === 'ready' &&
    result !== null &&
    result.missingFields.length === 0 &&
    result.summary.total > 0;
  const canCommit = checked && result.summary.invalid === 0;
  const canSkip = checked && result.summary.invalid > 0 && result.summary.valid > 0;

  return phase === 'done' ? (
    <Button type="primary" onClick={onClose}>
      {t.importer.close}
    </Button>
  ) : (
    <Space wrap>
      <Button onClick={onClose} disabled={phase === 'committing'}>
        {t.common.cancel}
      </Button>
      {checked && result.summary.invalid > 0 && (
        <Button
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={onDownloadProblems}
          data-testid="import-download-problems"
        >
          {t.importer.downloadProblems}
        </Button>
      )}
      {canSkip && (
        <Button
          onClick={() => onSkipInvalid(result.summary.valid, result.summary.invalid)}
          data-testid="import-skip-invalid"
        >
          {t.importer.skipInvalid(result.summary.valid)}
        </Button>
      )}
      <Tooltip
        title={
          checked && result.summary.invalid > 0
            ? t.importer.fixFirst(result.summary.valid)
            : undefined
        }
      >
        <Button
          type="primary"
          disabled={!canCommit}
          loading={phase === 'committing'}
          onClick={onCommit}
          data-testid="import-commit"
        >
          {phase === 'committing'
            ? t.importer.committing
            : result && result.summary.invalid > 0
              ? t.importer.commitBlocked(result.summary.invalid)
              : t.importer.commit(result?.summary.valid ?? 0)}
        </Button>
      </Tooltip>
    </Space>
  );
}
