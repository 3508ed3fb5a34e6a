import { photoRulesProblems } from '../../../../shared/domain/photos';
import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';
import { auditLog, auditStamp } from '../../db/audit';
import { validationError } from '../../errors';
import { getBatch } from '../exams/batches';
import { candidateDocuments } from './documents';
import { rulesInForce, saveRules } from './repository';
import { photoStore } from './store';

type PhotoHandlerName =
  | 'photos.rules'
  | 'photos.saveRules'
  | 'photos.status'
  | 'photos.import'
  | 'photos.get'
  | 'photos.export'
  | 'photos.documents'
  | 'photos.saveDocument'
  | 'photos.removeDocument'
  | 'photos.getDocument';

/**
 * 考生照片: import, check, show and export candidates' photos. The 准考证 and
 * 签到表 read a photo through `photoForStudent` (store.ts).
 */
export function photosHandlers(ctx: CoreContext): HandlersFor<PhotoHandlerName> {
  const { db } = ctx;
  const store = photoStore(ctx);
  const documents = candidateDocuments(ctx);
  return {
    'photos.rules': ({ batchId }) => rulesInForce(db, getBatch(db, batchId).organization),
    'photos.saveRules': ({ organization, ...rules }) => {
      const problems = photoRulesProblems(rules);
      if (problems.length > 0) {
        throw validationError(problems.map((p) => ({ path: p.field, message: p.message })));
      }
      const at = ctx.now();
      return db.transaction(() => {
        const before = rulesInForce(db, organization);
        saveRules(db, organization, rules, at);
        const after = rulesInForce(db, organization);
        auditLog(db, 'photo_rules')(
          auditStamp(ctx, at),
          organization || '（默认）',
          before.own || organization === '' ? 'update' : 'create',
          before,
          after,
        );
        return after;
      })();
    },
    'photos.status': ({ batchId }) => store.status(batchId),
    'photos.import': (input) => store.importPhotos(input),
    'photos.get': ({ studentId }) => store.get(studentId),
    'photos.export': ({ batchId }) => store.exportPhotos(batchId),
    'photos.documents': ({ batchId }) => documents.checklist(batchId),
    'photos.saveDocument': (input) => documents.save(input),
    'photos.removeDocument': ({ signupId, kind }) => documents.remove(signupId, kind),
    'photos.getDocument': ({ signupId, kind }) => documents.get(signupId, kind),
  };
}
