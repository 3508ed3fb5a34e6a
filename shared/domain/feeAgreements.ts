import type { CertificateLevel } from './certificate';
import type { ExamForm } from './costCaps';

/** A fee agreement (费用协商) as a batch is held to it. */
export interface AgreedFee {
  level: CertificateLevel;
  /** Null: the agreement covers every exam form. */
  examForm: ExamForm | null;
  feeFen: number;
  agreedOn: string;
}

/**
 * The agreement a batch of one certificate is held to: for its level and exam form (an
 * agreement without a form covers every form), agreed on or before the exam date; the latest
 * such. Null when none applies. `agreements` are the certificate's.
 */
export function agreementInForce<T extends AgreedFee>(
  agreements: readonly T[],
  batch: { level: CertificateLevel; examForm: ExamForm | null; examDate: string },
): T | null {
  let found: T | null = null;
  for (const a of agreements) {
    if (a.level !== batch.level || a.agreedOn > batch.examDate) continue;
    if (a.examForm !== null && a.examForm !== batch.examForm) continue;
    if (found === null || a.agreedOn >= found.agreedOn) found = a;
  }
  return found;
}
