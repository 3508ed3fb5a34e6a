import { Card, Typography } from 'antd';
import { checkSchoolEligibility } from '../../../../shared/domain/schoolEligibility';
import type { DemonstrationLevel, SchoolKind } from '../../../../shared/domain/school';
import { VerdictList } from '../../components/VerdictList';
import { t } from '../../i18n';

interface Props {
  kind: SchoolKind | undefined;
  demonstrationLevel: DemonstrationLevel | undefined;
  onFieldClick: (field: string) => void;
}

/** The live school-kind verdict (notice rules 1–2), from the same pure function the core uses. */
export function EligibilityCard({ kind, demonstrationLevel, onFieldClick }: Props) {
  return (
    <Card title={t.school.eligibility.title} size="small" data-testid="eligibility-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t.school.eligibility.hint}
      </Typography.Paragraph>
      {kind && demonstrationLevel ? (
        <VerdictList
          verdicts={checkSchoolEligibility({ kind, demonstrationLevel })}
          onFieldClick={onFieldClick}
        />
      ) : (
        <Typography.Text type="secondary">{t.school.eligibility.incomplete}</Typography.Text>
      )}
    </Card>
  );
}
