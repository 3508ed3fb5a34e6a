import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Certificate } from '../../../../shared/contract/catalogue';
import { yuanToFen } from '../../../../shared/domain/money';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import { feeOverCapMessage } from '../../../../shared/domain/exams';
import { t } from '../../i18n';

/** The form keeps dates as ISO strings (what the contract takes); the picker shows a dayjs. */
export const dateProps = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

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
export function capRule(
  what: string,
  capOf: () => { capFen: number | null; capDocument: string | null },
): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === null || value === undefined || value === '') return;
      const fen = yuanToFen(value as number | string);
      if (fen === undefined) return;
      const { capFen, capDocument } = capOf();
      const problem = feeOverCapMessage(what, fen, capFen, capDocument);
      if (problem) throw new Error(problem);
    },
  };
}
