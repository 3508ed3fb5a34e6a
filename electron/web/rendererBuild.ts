import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { newestMtime } from '../cli/newest-mtime.mjs';

/** Builds the renderer with Vite when the build is missing or older than its sources. */
export function ensureRendererBuilt(root: string, outDir: string): void {
  const index = path.join(outDir, 'index.html');
  const sources = ['renderer', 'shared'].map((d) => path.join(root, d));
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (sources.every((dir) => newestMtime(dir) <= built)) return;
  }
  process.stdout.write('正在构建界面（vite build）…\n');
  const viteDir = path.dirname(
    createRequire(path.join(root, 'package.json')).resolve('vite/package.json'),
  );
  const vite = path.join(viteDir, 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      path.join(root, 'renderer', 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('界面构建失败（vite build），请查看上方输出。');
}
