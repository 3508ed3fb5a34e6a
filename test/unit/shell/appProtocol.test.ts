import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDownloadStore } from '../../../electron/core/io/downloads';
import { serveAppRequest } from '../../../electron/main/appProtocol';
import { contentSecurityPolicy } from '../../../shared/contract/csp';
import { makeTempDir } from '../../harness/webHost';

const temp = makeTempDir('pilotdesk-protocol-');
const root = path.join(temp.dir, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(path.join(temp.dir, 'secret.txt'), 'secret');
afterAll(() => temp.remove());
const downloads = createDownloadStore(() => Date.now());

describe('app:// protocol handler', () => {
  it('serves the renderer with the CSP header and the right type', async () => {
    const index = await serveAppRequest('app://pilotdesk/index.html', root, downloads);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(index.headers.get('content-type')).toContain('text/html');
    const script = await serveAppRequest('app://pilotdesk/assets/app.js', root, downloads);
    expect(await script.text()).toBe('console.log(1)');
    expect(script.headers.get('content-type')).toContain('javascript');
  });

  it('refuses paths outside the renderer folder and other hosts', async () => {
    for (const url of [
      'app://pilotdesk/%2e%2e/secret.txt',
      'app://pilotdesk/..%2fsecret.txt',
      'app://pilotdesk/assets/..%5c..%5csecret.txt',
      'app://other/index.html',
      'app://pilotdesk/missing.js',
    ]) {
      const response = await serveAppRequest(url, root, downloads);
      expect(response.status, url).toBe(404);
    }
  });

  it('streams an offered file once, named for the save dialog, and refuses the spent token', async () => {
    const file = path.join(temp.dir, 'package.zip');
    writeFileSync(file, 'zip bytes');
    const offer = downloads.offer(file, {
      fileName: '申报材料包.zip',
      mime: 'application/zip',
      size: 9,
    });
    const url = `app://pilotdesk/api/download/${offer.token}`;
    const first = await serveAppRequest(url, root, downloads);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('申报材料包.zip')}`,
    );
    expect(await first.text()).toBe('zip bytes');
    const again = await serveAppRequest(url, root, downloads);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('下载链接已失效');
    const elsewhere = downloads.offer(file, {
      fileName: 'a.zip',
      mime: 'application/zip',
      size: 9,
    });
    expect(
      (await serveAppRequest(`app://other/api/download/${elsewhere.token}`, root, downloads))
        .status,
    ).toBe(404);
  });
});
