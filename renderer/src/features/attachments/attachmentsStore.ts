import { create } from 'zustand';
import type {
  AttachmentContent,
  AttachmentLink,
  AttachmentRemoval,
} from '../../../../shared/contract/attachments';
import type { AttachmentKind, AttachmentOwnerType } from '../../../../shared/domain/attachments';
import { invoke } from '../../api/client';
import { toUploadedFile } from '../../api/files';

export interface Owner {
  ownerType: AttachmentOwnerType;
  ownerId: number;
}

export interface OwnerAttachments {
  items: AttachmentLink[];
  loadState: 'idle' | 'loading' | 'ready' | 'error';
  loadError: string | null;
}

const emptyOwner: OwnerAttachments = { items: [], loadState: 'idle', loadError: null };
export const ownerKey = ({ ownerType, ownerId }: Owner) => `${ownerType}:${ownerId}`;

interface AttachmentsState {
  /** Each mounted panel's list, by `ownerType:ownerId`. */
  byOwner: Record<string, OwnerAttachments>;
  load(owner: Owner): Promise<void>;
  /** Rejects with PilotError carrying the core's Chinese message. */
  upload(owner: Owner, kind: AttachmentKind, file: File): Promise<AttachmentLink>;
  rename(owner: Owner, linkId: number, name: string): Promise<AttachmentLink>;
  remove(owner: Owner, linkId: number): Promise<AttachmentRemoval>;
  read(linkId: number): Promise<AttachmentContent>;
}

export const useAttachmentsStore = create<AttachmentsState>((set, get) => {
  const patch = (key: string, change: Partial<OwnerAttachments>) =>
    set((state) => ({
      byOwner: { ...state.byOwner, [key]: { ...(state.byOwner[key] ?? emptyOwner), ...change } },
    }));

  /** Shared files change every owner's “used in N places”: refresh the lists on screen. */
  const refreshAll = async () => {
    await Promise.all(
      Object.keys(get().byOwner).map((key) => {
        const [ownerType, ownerId] = key.split(':');
        return get().load({
          ownerType: ownerType as AttachmentOwnerType,
          ownerId: Number(ownerId),
        });
      }),
    );
  };

  return {
    byOwner: {},
    async load(owner) {
      const key = ownerKey(owner);
      if (!get().byOwner[key]?.items.length) patch(key, { loadState: 'loading', loadError: null });
      try {
        const items = await invoke('attachments.list', owner);
        patch(key, { items, loadState: 'ready', loadError: null });
      } catch (error) {
        patch(key, { loadState: 'error', loadError: (error as Error).message });
      }
    },
    async upload(owner, kind, file) {
      const link = await invoke('attachments.upload', {
        ...owner,
        kind,
        file: await toUploadedFile(file),
      });
      await refreshAll();
      return link;
    },
    async rename(owner, linkId, name) {
      const link = await invoke('attachments.rename', { linkId, name });
      await get().load(owner);
      return link;
    },
    async remove(_owner, linkId) {
      const removal = await invoke('attachments.remove', { linkId });
      await refreshAll();
      return removal;
    },
    read: (linkId) => invoke('attachments.read', { linkId }),
  };
});

export const selectOwner = (owner: Owner) => (state: AttachmentsState) =>
  state.byOwner[ownerKey(owner)] ?? emptyOwner;
