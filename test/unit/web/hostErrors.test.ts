import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostError } from '../../../renderer/src/api/hostErrors';

/** A tiny server that answers `/<status>` with that status and a Chinese text, as the host does. */
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const status = Number(req.url?.slice(1));
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(status === 599 ? '' : `主机说明 ${status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answer = async (status: number) => hostError(await fetch(`${base}/${status}`));

describe('the web bridge reads a non-2xx answer by its status', () => {
  it('401 and 403 are refusals, told in the host’s own words', async () => {
    expect(await answer(401)).toEqual({ code: 'FORBIDDEN', message: '主机说明 401' });
    expect(await answer(403)).toEqual({ code: 'FORBIDDEN', message: '主机说明 403' });
  });

  it('413 is too large: the host’s words (its limit), then that nothing changed', async () => {
    expect(await answer(413)).toEqual({
      code: 'TOO_LARGE',
      message: '主机说明 413未做任何改动。请换用较小的文件，或分批操作。',
    });
  });

  it('404 and 405 are program faults, not refusals, naming the status and the host’s text', async () => {
    for (const status of [404, 405]) {
      const error = await answer(status);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(`主机说明 ${status}`);
    }
  });

  it('5xx is the host failing, even without a text', async () => {
    const failed = await answer(500);
    expect(failed).toMatchObject({ code: 'INTERNAL' });
    expect(failed.message).toContain('本机服务出错（HTTP 500）：主机说明 500');
    expect((await answer(599)).message).toContain('本机服务出错（HTTP 599）：没有说明');
  });
});
