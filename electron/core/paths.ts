import os from 'node:os';
import path from 'node:path';

/** The folder name under the OS's per-user application-data folder; both hosts use it. */
export const DATA_FOLDER_NAME = 'PilotDesk';

/**
 * The same folder Electron's `app.getPath('userData')` gives once the shell names it
 * DATA_FOLDER_NAME, so the desktop app and the web host share one data file. Not Documents:
 * sync clients make conflict copies of a live SQLite file.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, DATA_FOLDER_NAME);
}
