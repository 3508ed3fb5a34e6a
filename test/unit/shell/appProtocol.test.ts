import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

describe('app:// protocol handler', () => {
  it('serves the renderer with the CSP header and the right type', async () => {
    const index = await serveAppRequest('app://pilotdesk/index.html', root);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(index.headers.get('content-type')).toContain('text/html');
    const script = await serveAppRequest('app://pilotdesk/assets/app.js', root);
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
      const response = await serveAppRequest(url, root);
      expect(response.status, url).toBe(404);
    }
  });
});
