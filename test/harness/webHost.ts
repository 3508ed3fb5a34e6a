import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  LAUNCH_HEADER,
  LAUNCH_PARAM,
  SESSION_HEADER,
  webPaths,
  type SessionAnswer,
  type TicketAnswer,
} from '../../shared/contract/webAccess';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface RunningWebHost {
  origin: string;
  /** The test's own session, from exchanging the printed launch token (which is then spent). */
  secret: string;
  /** What authorises a direct API call: the session header and this page's Origin. */
  headers: Record<string, string>;
  /** A fresh single-use launch URL for one browser tab, as the printed one was. */
  launchUrl(): Promise<string>;
  port: number;
  /** The host process (its memory is read by the bench). */
  pid: number;
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
  const origin = parsed.origin;
  const { secret } = (await postJson(origin, webPaths.session, {
    [LAUNCH_HEADER]: parsed.searchParams.get(LAUNCH_PARAM) ?? '',
  })) as SessionAnswer;
  const headers = { [SESSION_HEADER]: secret, origin };
  return {
    origin,
    secret,
    headers,
    launchUrl: async () => {
      const { ticket } = (await postJson(origin, webPaths.ticket, headers, {
        path: webPaths.session,
      })) as TicketAnswer;
      return `${origin}/?${LAUNCH_PARAM}=${ticket}`;
    },
    port: Number(parsed.port),
    pid: child.pid ?? 0,
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

/** A POST to the host with its Origin (which fetch would not let a test set), answered as JSON. */
function postJson(
  origin: string,
  urlPath: string,
  headers: Record<string, string>,
  body: unknown = {},
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}${urlPath}`,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, origin, 'content-type': 'application/json' },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(data))
            : reject(new Error(`${urlPath}: ${res.statusCode} ${data}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
