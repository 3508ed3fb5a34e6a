import type { AttachmentLink, AttachmentSummary } from '../../../../shared/contract/attachments';
import {
  attachmentKindLabels,
  attachmentOwnerLabels,
  downloadFileName,
} from '../../../../shared/domain/attachments';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { blobRootFor, sweepBlobStore } from './blobStore';
import { ownerProblem } from './owners';
import {
  attachmentSummary,
  deleteLink,
  findSameLink,
  insertLink,
  linkAuditView,
  listLinks,
  loadLink,
  renameLink,
  requireLink,
} from './repository';
import {
  deleteUnusedBlobFiles,
  prepareUpload,
  offerStoredContent,
  readStoredContent,
  releaseIfUnused,
  withStoredContent,
} from './storedContent';

export { ownerExists, ownerProblem } from './owners';

/** Leftovers of an interrupted upload are cleared at start-up once they are this old. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

type AttachmentHandlerName =
  | 'attachments.upload'
  | 'attachments.list'
  | 'attachments.read'
  | 'attachments.download'
  | 'attachments.rename'
  | 'attachments.remove'
  | 'attachments.summary';

export function attachmentHandlers(ctx: CoreContext): HandlersFor<AttachmentHandlerName> {
  const { db } = ctx;
  const root = blobRootFor(db);

  const swept = sweepBlobStore(db, root, Date.now(), SWEEP_GRACE_MS);
  if (swept.tempFiles + swept.orphanBlobs > 0) {
    ctx.log('info', 'attachment store swept', { ...swept });
  }

  const record = auditLog(db, 'attachment_link', linkAuditView);

  return {
    async 'attachments.upload'({ ownerType, ownerId, kind, file }) {
      const upload = await prepareUpload(file);
      const { name } = upload;

      // From here on everything is synchronous, so no other call of this core can interleave
      // between the checks, the file write and the commit.
      const problem = ownerProblem(db, ownerType, ownerId);
      if (problem) throw new CoreError('NOT_FOUND', `${problem}。未上传任何内容。`);
      const stamp = auditStamp(ctx);
      const createdAt = stamp.at;
      return withStoredContent(db, upload, createdAt, (attachmentId, existed) => {
        const same = existed && findSameLink(db, attachmentId, ownerType, ownerId, kind);
        if (same) {
          throw new CoreError(
            'CONFLICT',
            `文件“${name}”已作为“${attachmentKindLabels[kind]}”上传到这个${attachmentOwnerLabels[ownerType]}（名称“${same.display_name}”），无需重复上传。`,
            { existingLinkId: same.id },
          );
        }
        const linkId = insertLink(db, { attachmentId, ownerType, ownerId, kind, name, createdAt });
        const link = loadLink(db, linkId)!;
        record(stamp, linkId, 'create', null, link);
        return link;
      });
    },

    'attachments.list': ({ ownerType, ownerId }) => listLinks(db, ownerType, ownerId),

    'attachments.read': ({ linkId }) => {
      const link = requireLink(db, linkId);
      const bytes = readStoredContent(db, link.sha256, link.name);
      return {
        fileName: downloadFileName(link.name, link.ext),
        mime: link.mime,
        contentBase64: bytes.toString('base64'),
      };
    },

    'attachments.download': ({ linkId }) => {
      const link = requireLink(db, linkId);
      return offerStoredContent(ctx, link.sha256, link.name, {
        fileName: downloadFileName(link.name, link.ext),
        mime: link.mime,
      });
    },

    'attachments.rename': ({ linkId, name }) =>
      db.transaction((): AttachmentLink => {
        const before = requireLink(db, linkId);
        renameLink(db, linkId, name);
        const after = requireLink(db, linkId);
        record(auditStamp(ctx), linkId, 'update', before, after);
        return after;
      })(),

    'attachments.remove': ({ linkId }) => {
      const { sha256, released } = db.transaction(() => {
        const link = requireLink(db, linkId);
        deleteLink(db, linkId);
        record(auditStamp(ctx), linkId, 'delete', link, null);
        return { sha256: link.sha256, released: releaseIfUnused(db, link.attachmentId) };
      })();
      const fileDeleted = released && deleteUnusedBlobFiles(db, [sha256]) === 1;
      return { linkId, fileDeleted };
    },

    'attachments.summary': (): AttachmentSummary => attachmentSummary(db),
  };
}
