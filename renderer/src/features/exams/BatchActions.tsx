import {
  CheckSquareOutlined,
  FileExcelOutlined,
  LayoutOutlined,
  PictureOutlined,
  TableOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import type { ExamBatch } from '../../../../shared/contract/exams';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { chinaDate } from '../../../../shared/domain/dates';
import { examAhead } from '../../../../shared/domain/examDay';
import { formatDate } from '../../components/format';
import { useNavigation } from '../../app/navigationStore';
import { AuditHistoryButton } from '../../components/AuditHistory';
import { t } from '../../i18n';
import { BatchPackageButton } from './BatchPackageButton';

const text = t.exams.detail;

interface Props {
  id: number;
  /** Null while the batch loads: the buttons show, disabled. */
  batch: ExamBatch | null;
  /** 考勤登记 or 批量录入成绩 is open in place of the list: neither opens over the other. */
  attendance: boolean;
  bulkResults: boolean;
  onPhotos(): void;
  onAttendance(): void;
  onBulkResults(): void;
  onImport(): void;
  onSignUp(): void;
}

/** The batch page's header buttons: history, package, 考场编排, photos, results and 报名. */
export function BatchActions({
  id,
  batch,
  attendance,
  bulkResults,
  onPhotos,
  onAttendance,
  onBulkResults,
  onImport,
  onSignUp,
}: Props) {
  const go = useNavigation((s) => s.go);
  // Before the exam day the core refuses attendance and results; say why up front.
  const ahead =
    batch !== null && examAhead({ examDate: batch.examDate, today: chinaDate(new Date()) });
  const aheadHint = ahead ? text.examAhead(formatDate(batch.examDate)) : undefined;
  return (
    <>
      {batch && <AuditHistoryButton source={{ kind: 'batch', id }} title={batchLabel(batch)} />}
      {batch && <BatchPackageButton batch={batch} />}
      <Button
        icon={<LayoutOutlined />}
        disabled={!batch}
        onClick={() => go(`exams/${id}/arrangement`)}
        data-testid="open-arrangement"
      >
        {t.arrangements.open}
      </Button>
      <Button
        icon={<PictureOutlined />}
        disabled={!batch || batch.activeCount === 0}
        onClick={onPhotos}
        data-testid="open-photos"
      >
        {t.photos.open}
      </Button>
      <Tooltip title={aheadHint}>
        <Button
          icon={<CheckSquareOutlined />}
          disabled={!batch || batch.activeCount === 0 || attendance || bulkResults || ahead}
          onClick={onAttendance}
          data-testid="open-attendance"
        >
          {text.attendance.open}
        </Button>
      </Tooltip>
      <Tooltip title={aheadHint}>
        <Button
          icon={<TableOutlined />}
          disabled={!batch || batch.signupCount === 0 || bulkResults || attendance || ahead}
          onClick={onBulkResults}
          data-testid="bulk-results"
        >
          {text.bulkResults.open}
        </Button>
      </Tooltip>
      <Tooltip title={aheadHint}>
        <Button
          icon={<FileExcelOutlined />}
          disabled={!batch || batch.signupCount === 0 || ahead}
          onClick={onImport}
          data-testid="import-results"
        >
          {text.importResults}
        </Button>
      </Tooltip>
      <Button type="primary" icon={<UserAddOutlined />} disabled={!batch} onClick={onSignUp}>
        {text.signUp}
      </Button>
    </>
  );
}
