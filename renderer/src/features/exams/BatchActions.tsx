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
  const inPlace = attendance || bulkResults;
  // 考勤登记, 批量录入成绩 and 导入成绩: from the exam day on, each once there is someone to record.
  const examDayButtons = [
    {
      testId: 'open-attendance',
      icon: <CheckSquareOutlined />,
      label: text.attendance.open,
      onClick: onAttendance,
      unavailable: batch?.activeCount === 0 || inPlace,
    },
    {
      testId: 'bulk-results',
      icon: <TableOutlined />,
      label: text.bulkResults.open,
      onClick: onBulkResults,
      unavailable: batch?.signupCount === 0 || inPlace,
    },
    {
      testId: 'import-results',
      icon: <FileExcelOutlined />,
      label: text.importResults,
      onClick: onImport,
      unavailable: batch?.signupCount === 0,
    },
  ];
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
      {examDayButtons.map((button) => (
        <Tooltip key={button.testId} title={aheadHint}>
          <Button
            icon={button.icon}
            disabled={!batch || button.unavailable || ahead}
            onClick={button.onClick}
            data-testid={button.testId}
          >
            {button.label}
          </Button>
        </Tooltip>
      ))}
      <Button type="primary" icon={<UserAddOutlined />} disabled={!batch} onClick={onSignUp}>
        {text.signUp}
      </Button>
    </>
  );
}
