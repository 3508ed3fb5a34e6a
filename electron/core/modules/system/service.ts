import type { CoreContext } from '../../context';
import type { HandlersFor } from '../../handlers';

export function systemHandlers(ctx: CoreContext): HandlersFor<'system.info'> {
  return {
    'system.info': () => ({
      version: ctx.appVersion,
      dataDir: ctx.dataDir,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    }),
  };
}
