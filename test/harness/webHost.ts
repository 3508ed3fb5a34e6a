import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface RunningWebHost {
  /** The launch URL with its token, exactly as printed. */
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface WebHostOptions {
  /** Test clock: the host's core reads "now" from this file on every call (`--clock-file`). */
  clockFile?: string;
}

/** Starts `npm run web` as a real child process on a free port and waits for its URL line. */
export async function startWebHostProcess(
  dataDir: string,
  port = 0,
  options: WebHostOptions = {},
): Promise<RunningWebHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'electron', 'cli', 'web.mjs'),
      '--no-open',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      ...(options.clockFile ? ['--clock-file', options.clockFile] : []),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 90_000);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    port: Number(parsed.port),
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
