import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';

export function systemHandlers(
  services: CoreServices,
): HandlersFor<'system.info' | 'system.openDataFolder'> {
  return {
    'system.info': () => {
      const db = services.currentDb();
      const status = services.status();
      return {
        version: services.appVersion,
        dataDir: services.dataDir,
        databasePath: services.databasePath,
        schemaVersion: db ? (db.pragma('user_version', { simple: true }) as number) : null,
        mode: status.mode,
        problem: status.problem,
      };
    },
    'system.openDataFolder': async () => {
      const folder = services.dataDir;
      const { openPath } = services.host;
      if (!openPath) {
        return {
          opened: false,
          path: folder,
          message: `网页版不能直接打开本机文件夹。请复制路径，在文件管理器的地址栏中粘贴打开：${folder}`,
        };
      }
      const failure = await openPath(folder);
      return failure
        ? { opened: false, path: folder, message: `无法打开数据文件夹（${failure}）：${folder}` }
        : { opened: true, path: folder, message: `已在文件管理器中打开：${folder}` };
    },
  };
}
