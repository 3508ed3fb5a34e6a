import { Col, Form, InputNumber, Select, type FormInstance, type FormRule } from 'antd';
import type { ReactNode } from 'react';
import type { ZodType } from 'zod';
import type { Certificate } from '../../../../shared/contract/catalogue';
import { yuanToFen } from '../../../../shared/domain/money';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { feeOverCapMessage } from '../../../../shared/domain/exams';
import { formatFen } from '../../components/format';
import { zodRule } from '../../components/zodRule';
import { t } from '../../i18n';

/** The catalogue's entry for a certificate level (its cap), if the certificate offers it. */
export function levelEntry(
  certificates: readonly Certificate[],
  certificateId: number | undefined,
  level: CertificateLevel | undefined,
) {
  const certificate = certificates.find((c) => c.id === certificateId);
  return { certificate, entry: certificate?.levels.find((l) => l.level === level) };
}

/** Level options of one certificate, each with its cap when recorded. */
export function levelOptions(
  certificate: Certificate | undefined,
  capText: (fen: number) => string,
) {
  return (certificate?.levels ?? []).map((l) => ({
    value: l.level,
    label:
      l.costCapFen === null
        ? certificateLevelLabels[l.level]
        : t.exams.levelWithCap(certificateLevelLabels[l.level], capText(l.costCapFen)),
  }));
}

/**
 * The same cap check the core runs (shared/domain/exams.ts), on the form's values, so the
 * inline error says exactly what the core would.
 */
/** A level's catalogue entry as levelEntry finds it (undefined until a level is picked). */
type LevelEntry = ReturnType<typeof levelEntry>['entry'];

/**
 * 每人考核费 in yuan, checked with the contract's schema and against the picked level's cap (the
 * same message the core gives); re-checked when the certificate or level changes.
 */
export function FeeField({
  label,
  what,
  schema,
  entry,
  extra,
}: {
  label: string;
  /** What the fee is called in the over-cap message, e.g. 考核费. */
  what: string;
  schema: ZodType;
  entry: LevelEntry;
  extra?: ReactNode;
}) {
  const overCap: FormRule = {
    validator: async (_rule, value: unknown) => {
      if (value === null || value === undefined || value === '') return;
      const fen = yuanToFen(value as number | string);
      if (fen === undefined) return;
      const problem = feeOverCapMessage(
        what,
        fen,
        entry?.costCapFen ?? null,
        entry?.capDocument ?? null,
      );
      if (problem) throw new Error(problem);
    },
  };
  return (
    <Form.Item
      name="fee"
      label={label}
      required
      dependencies={['level', 'certificateId']}
      extra={extra}
      rules={[zodRule(schema), overCap]}
    >
      <InputNumber style={{ width: '100%' }} min={0} precision={2} prefix="¥" />
    </Form.Item>
  );
}

interface CertificateLevelProps {
  form: FormInstance;
  certificates: readonly Certificate[];
  certificate: Certificate | undefined;
  labels: { certificateId: string; level: string };
  schemas: { certificateId: ZodType; level: ZodType };
  /** More checks on the level, e.g. that it has a cap recorded. */
  levelRules?: FormRule[];
}

/**
 * The certificate and level pair of the batch and agreement forms: picking another certificate
 * clears the level; picking a level re-checks the fee against its cap.
 */
export function CertificateLevelFields({
  form,
  certificates,
  certificate,
  labels,
  schemas,
  levelRules = [],
}: CertificateLevelProps) {
  return (
    <>
      <Col span={14}>
        <Form.Item
          name="certificateId"
          label={labels.certificateId}
          required
          rules={[zodRule(schemas.certificateId)]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t.exams.placeholders.certificateId}
            options={certificates.map((c) => ({ value: c.id, label: c.name }))}
            onChange={() => form.setFieldValue('level', undefined)}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item
          name="level"
          label={labels.level}
          required
          rules={[zodRule(schemas.level), ...levelRules]}
        >
          <Select
            placeholder={t.exams.placeholders.level}
            options={levelOptions(certificate, formatFen)}
            onChange={() => void form.validateFields(['fee']).catch(() => undefined)}
          />
        </Form.Item>
      </Col>
    </>
  );
}
