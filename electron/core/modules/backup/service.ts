import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';

export type BackupHandlerName =
  | 'backup.list'
  | 'backup.create'
  | 'backup.delete'
  | 'backup.download'
  | 'backup.downloadArchive'
  | 'backup.exportDatabase'
  | 'backup.restore'
  | 'backup.restoreFile'
  | 'backup.newestGood';

/** Backups, restore and the database export. They need no open database of their own. */
export function backupHandlers(services: CoreServices): HandlersFor<BackupHandlerName> {
  const { backups } = services;
  return {
    'backup.list': () => backups.list(),
    'backup.create': () => backups.create('manual'),
    'backup.delete': async ({ id }) => {
      await backups.remove(id);
      return { id };
    },
    'backup.download': ({ id }) => backups.download(id),
    'backup.downloadArchive': ({ id }) => backups.downloadArchive(id),
    'backup.exportDatabase': () => backups.exportDatabase(),
    'backup.restore': ({ id }) => backups.restore({ id }),
    'backup.restoreFile': ({ uploadId }) =>
      services.uploads.consume(uploadId, (staged) =>
        backups.restore({ fileName: staged.fileName, file: staged.path }),
      ),
    'backup.newestGood': () => backups.newestGood(),
  };
}
