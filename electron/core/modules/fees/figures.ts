import {
  addSignupGroup,
  addUpSignups,
  noSignupFigures,
  type SignupFigures,
} from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';
import { signupGroups } from './repository';

/** The figures of every batch that has sign-ups, by batch id. */
export function figuresByBatch(db: Db, batchId: number | null = null): Map<number, SignupFigures> {
  const out = new Map<number, SignupFigures>();
  for (const g of signupGroups(db, batchId)) {
    let f = out.get(g.batchId);
    if (!f) out.set(g.batchId, (f = noSignupFigures()));
    addSignupGroup(f, g);
  }
  return out;
}

/** The figures of every sign-up: 报名人次, 费用合计 by payer, results, withdrawn apart. */
export function allSignupFigures(db: Db): SignupFigures {
  return addUpSignups(signupGroups(db));
}
