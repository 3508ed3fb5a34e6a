import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';

export type BackupHandlerName =
  | 'backup.list'
  | 'backup.create'
  | 'backup.delete'
  | 'backup.download'
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
    'backup.exportDatabase': () => backups.exportDatabase(),
    'backup.restore': ({ id }) => backups.restore({ id }),
    'backup.restoreFile': ({ file }) =>
      backups.restore({
        fileName: file.fileName,
        bytes: Buffer.from(file.contentBase64, 'base64'),
      }),
    'backup.newestGood': () => backups.newestGood(),
  };
}
