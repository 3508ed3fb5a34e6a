import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { List, Tag, Typography } from 'antd';
import type { Verdict, VerdictLevel } from '../../../shared/domain/verdict';
import { t } from '../i18n';

const levelLook: Record<VerdictLevel, { color: string; icon: React.ReactNode }> = {
  pass: { color: 'success', icon: <CheckCircleFilled /> },
  warn: { color: 'warning', icon: <ExclamationCircleFilled /> },
  fail: { color: 'error', icon: <CloseCircleFilled /> },
};

interface Props {
  verdicts: readonly Verdict[];
  /** Focus the field that fixes a verdict. */
  onFieldClick?: (field: string) => void;
}

/** Rule verdicts from shared/domain, shown the same way wherever a check appears. */
export function VerdictList({ verdicts, onFieldClick }: Props) {
  return (
    <List
      size="small"
      dataSource={[...verdicts]}
      renderItem={(verdict) => (
        <List.Item data-testid={`verdict-${verdict.rule}`} data-level={verdict.level}>
          <Tag color={levelLook[verdict.level].color} icon={levelLook[verdict.level].icon}>
            {t.verdict[verdict.level]}
          </Tag>
          {verdict.field && onFieldClick ? (
            <Typography.Link onClick={() => onFieldClick(verdict.field!)}>
              {verdict.message}
            </Typography.Link>
          ) : (
            <Typography.Text>{verdict.message}</Typography.Text>
          )}
        </List.Item>
      )}
    />
  );
}
