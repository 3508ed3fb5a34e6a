import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { makeTempDir, repoRoot } from '../harness/webHost';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const binaryPresent = existsSync(path.join(electronDir, 'path.txt'));
const builtApp = path.join(repoRoot, 'dist', 'electron', 'main.cjs');

/** The built app launched on a new, empty data folder; closed and the folder removed after `use`. */
async function withApp(use: (app: ElectronApplication, window: Page) => Promise<void>) {
  expect(existsSync(builtApp), 'run npm run build first').toBe(true);
  const temp = makeTempDir('pilotdesk-electron-');
  const app = await electron.launch({
    args: [repoRoot, `--user-data-dir=${temp.dir}`],
    env: { ...process.env, PILOTDESK_SQLITE_BINDING: process.env.PILOTDESK_SQLITE_BINDING ?? '' },
  });
  try {
    await use(app, await app.firstWindow());
  } finally {
    await app.close();
    temp.remove();
  }
}

test.describe('desktop shell', () => {
  test.skip(
    !binaryPresent,
    'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1: its download is unreachable on this machine)',
  );

  test('launches one hardened window showing the app', async () => {
    await withApp(async (app, window) => {
      await expect(window.getByRole('menuitem', { name: '学校信息' })).toBeVisible();
      // Web preferences, seen from the page: no Node, only the two bridge functions.
      const seen = await window.evaluate(() => {
        const g = globalThis as { require?: unknown; process?: unknown; pilot?: object };
        return {
          require: typeof g.require,
          process: typeof g.process,
          pilot: Object.keys(g.pilot ?? {}).sort(),
          url: location.href,
        };
      });
      expect(seen).toEqual({
        require: 'undefined',
        process: 'undefined',
        pilot: ['invoke', 'on'],
        url: 'app://pilotdesk/index.html',
      });
      const openedWindows = await window.evaluate(
        () => globalThis.open('https://evil.example.com/') === null,
      );
      expect(openedWindows).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });
  });
  test('stays on its page and is denied every permission', async () => {
    await withApp(async (app, window) => {
      await expect(window.getByRole('menuitem', { name: '设置' })).toBeVisible();
      // will-navigate is prevented: the page stays on app://pilotdesk.
      await window.evaluate(() => {
        globalThis.location.href = 'https://evil.example.com/';
      });
      await expect(window.getByRole('menuitem', { name: '设置' })).toBeVisible();
      expect(window.url()).toMatch(/^app:\/\/pilotdesk\//);
      // The permission check handler answers no to everything.
      const geolocation = await window.evaluate(() =>
        navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state),
      );
      expect(geolocation).toBe('denied');
      expect(app.windows()).toHaveLength(1);
    });
  });
});
