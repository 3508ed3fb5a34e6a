import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';

/* What other modules read of a certificate to check their own data against it. */

/** A certificate as a batch or fee agreement is checked against it. */
export interface CertificateFacts {
  name: string;
  organization: string;
  archived: number;
}

/** The certificate's name, organization and archived flag; undefined when there is none. */
export function certificateFacts(db: Db, certificateId: number): CertificateFacts | undefined {
  return db
    .prepare<[number], CertificateFacts>(
      'SELECT name, organization, archived FROM certificates WHERE id = ?',
    )
    .get(certificateId);
}

/** The levels the certificate offers, in the table's order. */
export function offeredLevels(db: Db, certificateId: number): CertificateLevel[] {
  return db
    .prepare<[number], { level: CertificateLevel }>(
      'SELECT level FROM certificate_levels WHERE certificate_id = ?',
    )
    .all(certificateId)
    .map((r) => r.level);
}
