// `npm start`: the desktop app. Fetches Electron's binary on first use through electron's own
// install step, plus a better-sqlite3 build for Electron; where either cannot be had (no access
// to the download), says so in one line and starts the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const electronDir = path.dirname(require.resolve('electron/package.json'));
const electronVersion = require('electron/package.json').version;

function buildApp() {
  const windows = process.platform === 'win32';
  const npm = windows ? 'npm.cmd' : 'npm';
  return (
    spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: windows }).status === 0
  );
}

function quiet(args, cwd, env) {
  return spawnSync(process.execPath, args, { cwd, stdio: 'ignore', env }).status === 0;
}

function ensureElectronBinary() {
  if (existsSync(path.join(electronDir, 'path.txt'))) return true;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return quiet([path.join(electronDir, 'install.js')], electronDir, env);
}

/** better-sqlite3 as installed is built for Node; Electron needs its own build (ABI). */
function ensureSqliteForElectron() {
  const target = path.join(
    root,
    '.cache',
    'electron-native',
    electronVersion,
    'better_sqlite3.node',
  );
  if (existsSync(target)) return target;
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const prebuild = createRequire(path.join(sqliteDir, 'package.json')).resolve(
    'prebuild-install/bin.js',
  );
  const work = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-native-'));
  try {
    copyFileSync(path.join(sqliteDir, 'package.json'), path.join(work, 'package.json'));
    const ok = quiet(
      [prebuild, '--runtime', 'electron', '--target', electronVersion],
      work,
      process.env,
    );
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!ok || !existsSync(built)) return undefined;
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(built, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function startWebInstead(reason) {
  process.stdout.write(`${reason}，改为启动网页版（npm run web）。\n`);
  const child = spawn(
    process.execPath,
    [path.join(root, 'electron', 'cli', 'web.mjs'), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!ensureElectronBinary()) {
  startWebInstead('无法下载 Electron 程序文件（本机无法访问其下载地址）');
} else {
  const binding = ensureSqliteForElectron();
  if (!binding) {
    startWebInstead('无法获取适用于 Electron 的 better-sqlite3 组件');
  } else if (buildApp()) {
    const electronBinary = require('electron');
    const child = spawn(electronBinary, [root], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PILOTDESK_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    process.exit(1);
  }
}
