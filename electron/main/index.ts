import {
  BrowserWindow,
  Notification,
  app,
  dialog,
  ipcMain,
  protocol,
  session,
  shell,
} from 'electron';
import path from 'node:path';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type Envelope } from '../../shared/contract';
import type { WeeklyReminders, WeeklySettings } from '../../shared/contract/weekly';
import { stderrLogger } from '../core/log';
import { startCoreWorker, type CoreClient } from '../core/worker/client';
import { DATA_FOLDER_NAME } from '../core/paths';
import { serveAppRequest } from './appProtocol';
import { developmentSwitches } from './developmentSwitches';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenWebContents,
  isTrustedSender,
  secureWebPreferences,
} from './security';
import {
  loginItemSettingsFor,
  notificationText,
  startsMinimised,
  startWeeklyReminders,
} from './weeklyReminders';
import { confirmUnload } from './unsavedEdits';

// Bundled to dist/electron/main.cjs; the renderer build sits beside it in dist/renderer.
const rendererDir = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
/** The core runs in this worker thread, so long work never freezes the windows. */
const coreWorkerFile = path.join(__dirname, 'coreWorker.cjs');

app.enableSandbox();
app.setPath('userData', path.join(app.getPath('appData'), DATA_FOLDER_NAME));
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: CoreClient | undefined;

/** A report sent, the schedule changed or a backup restored: the reminders may differ. */
const changesReminders = new Set([
  'weekly.saveSettings',
  'weekly.submit',
  'backup.restore',
  'backup.restoreFile',
]);
let mainWindow: BrowserWindow | undefined;

function createWindow(minimised: boolean): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '1+X试点工作台',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => {
    // Started with the system (开机启动): in the taskbar, not in front of the desktop.
    if (minimised) {
      win.showInactive();
      win.minimize();
    } else win.show();
  });
  win.webContents.on('will-prevent-unload', (event) =>
    confirmUnload(event, (options) => dialog.showMessageBoxSync(win, options)),
  );
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  session.defaultSession.setPermissionCheckHandler(denyPermissionCheck);

  const development = developmentSwitches(app.isPackaged, process.env);
  if (development.ignored.length > 0) {
    stderrLogger('warn', 'development-only settings ignored in the packaged app', {
      settings: development.ignored,
    });
  }
  core = await startCoreWorker({
    workerFile: coreWorkerFile,
    dataDir: app.getPath('userData'),
    clock: { kind: 'system' },
    log: stderrLogger,
    appVersion: app.getVersion(),
    nativeBinding: development.sqliteBinding,
    host: { openPath: (folder) => shell.openPath(folder) },
  });
  const { downloads } = core;
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request.url, rendererDir, downloads));
  // Automatic backups: the core decides when one is due (after changes, at most every 15 min).
  const backupTimer = setInterval(() => void core?.backups.tick(), 60_000);
  app.on('will-quit', () => clearInterval(backupTimer));
  const dispatch = core.dispatch;
  // Weekly reminders: notifications before each due time, and 开机启动 as set in 周报设置.
  const dataOf = async <T>(name: string): Promise<T> => {
    const result = await dispatch(name, {});
    if (!result.ok) throw new Error(result.error.message);
    return result.data as T;
  };
  const applyLoginItem = () =>
    dataOf<WeeklySettings | null>('weekly.getSettings').then(
      (settings) =>
        app.setLoginItemSettings(loginItemSettingsFor(settings?.startWithSystem ?? false)),
      () => undefined,
    );
  const reminders = startWeeklyReminders({
    now: () => new Date(),
    read: () => dataOf<WeeklyReminders>('weekly.reminders'),
    notify: (reminder) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification(notificationText(reminder));
      notification.on('click', () => {
        if (mainWindow?.isMinimized()) mainWindow.restore();
        mainWindow?.show();
        mainWindow?.focus();
      });
      notification.show();
    },
    setTimer: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  });
  app.on('will-quit', () => reminders.stop());
  void applyLoginItem();
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      const refused: Envelope<never> = {
        ok: false,
        error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用页面。' },
      };
      return refused;
    }
    const result = await dispatch(name, input);
    if (result.ok && changesReminders.has(String(name))) {
      void reminders.refresh();
      void applyLoginItem();
    }
    return result;
  });
  core.events.on((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));

  mainWindow = createWindow(
    startsMinimised(process.argv, app.getLoginItemSettings().wasOpenedAtLogin),
  );
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, (url) => shell.openExternal(url)),
  );
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.close());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      stderrLogger('error', 'startup failed', { error: String(error) });
      // A refused or damaged data file must be explained, not just make the window vanish.
      dialog.showErrorBox('1+X试点工作台无法启动', (error as Error).message ?? String(error));
      app.quit();
    });
}
