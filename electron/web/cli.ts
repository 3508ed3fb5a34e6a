import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stderrLogger } from '../core/log';
import { launchCoreWorker } from '../core/worker/client';
import { parseWebOptions } from './options';
import { ensureRendererBuilt } from './rendererBuild';
import { startWebHost } from './server';

const BACKUP_TICK_MS = 60_000;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(root, 'dist', 'renderer');
/** The core's worker, bundled beside this host's bundle (electron/cli/web-bundle.mjs). */
const coreWorkerFile = path.join(root, 'dist', 'web', 'coreWorker.mjs');

function openBrowser(url: string): void {
  const command =
    process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () =>
    process.stdout.write('未找到可自动打开的浏览器，请手动打开上面的地址。\n'),
  );
  child.unref();
}

async function main(): Promise<void> {
  const options = parseWebOptions(process.argv.slice(2), process.env);
  ensureRendererBuilt(root, rendererDir);
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  if (options.clockFile) {
    process.stdout.write(`测试时钟：当前时间读自 ${options.clockFile}（仅供测试）\n`);
  }
  // The core runs in a worker thread: a long import or export never holds up the server. It
  // opens the data file while the server starts and the browser loads the page; calls wait for it.
  const core = launchCoreWorker({
    workerFile: coreWorkerFile,
    dataDir: options.dataDir,
    clock: options.clockFile ? { kind: 'file', file: options.clockFile } : { kind: 'system' },
    log: stderrLogger,
    appVersion: version,
  });
  const host = await startWebHost({
    core,
    rendererDir,
    port: options.port,
    token: randomBytes(24).toString('base64url'),
  });
  // Automatic backups: the core decides when one is due (after changes, at most every 15 min).
  const backupTimer = setInterval(() => void core.backups.tick(), BACKUP_TICK_MS);
  backupTimer.unref();
  process.stdout.write(`数据文件夹：${core.dataDir}\n`);
  process.stdout.write(`1+X试点工作台已启动，请在浏览器打开：${host.url}\n`);
  if (options.open) openBrowser(host.url);
  core.ready.catch((error: unknown) => {
    process.stderr.write(`无法启动：${(error as Error).message ?? String(error)}\n`);
    process.exit(1);
  });

  const stop = () => {
    clearInterval(backupTimer);
    void host
      .close()
      .then(() => core.backups.idle())
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`无法启动：${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
