import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { safeFileName } from '../../../../shared/domain/fileNames';
import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';
import { makePrivateDir, PRIVATE_FILE_MODE, setFileMode } from '../../io/privateFiles';
import { EXPORTS_DIR } from '../package/exportFile';

/** Where files opened for printing are kept (each name overwritten by the next print). */
export const PRINT_DIR = '打印';

export function systemHandlers(
  services: CoreServices,
): HandlersFor<'system.info' | 'system.openDataFolder' | 'system.openFile'> {
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
        canOpenFiles: services.host.openPath !== undefined,
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
    'system.openFile': async ({ fileName, contentBase64 }) => {
      const { openPath } = services.host;
      const dir = path.join(services.dataDir, EXPORTS_DIR, PRINT_DIR);
      const file = path.join(dir, safeFileName(fileName));
      if (!openPath) {
        return {
          opened: false,
          path: file,
          message: '网页版不能用本机程序打开文件，请在浏览器中打开。',
        };
      }
      makePrivateDir(dir);
      writeFileSync(file, Buffer.from(contentBase64, 'base64'), { mode: PRIVATE_FILE_MODE });
      // A file left from an earlier print keeps its mode on rewrite: tighten it too.
      setFileMode(file);
      const failure = await openPath(file);
      return failure
        ? {
            opened: false,
            path: file,
            message: `无法打开“${path.basename(file)}”（${failure}），文件已保存在：${file}`,
          }
        : {
            opened: true,
            path: file,
            message: `已用本机程序打开“${path.basename(file)}”，可在其中打印。`,
          };
    },
  };
}
