import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { PRINT_DIR } from '../../electron/core/modules/system/service';
import type { OpenFolderResult, AppInfo } from '../../shared/contract/system';
import { call } from '../harness/seed';
import { makeTempDir } from '../harness/webHost';

/*
 * Printing: the page asks for a document's PDF; the desktop app opens it with the system viewer
 * (through the host's openPath), the web host leaves it to the browser.
 */

const temps: { remove(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((t) => t.remove());
});

function coreWith(openPath?: (file: string) => Promise<string>) {
  const temp = makeTempDir('pilotdesk-print-');
  temps.push(temp);
  const core = createCore({
    dataDir: temp.dir,
    clock: () => new Date('2026-03-02T08:00:00Z'),
    log: () => undefined,
    appVersion: '0.0.0-test',
    host: openPath ? { openPath } : {},
  });
  cores.push(core);
  return { core, dataDir: temp.dir };
}

const pdf = {
  fileName: '周报_2026年第10周.pdf',
  contentBase64: Buffer.from('%PDF-1.4 x').toString('base64'),
};

describe('system.openFile', () => {
  it('in the desktop app: saves the PDF privately under exports/打印 and opens that file', async () => {
    const opened: string[] = [];
    const { core, dataDir } = coreWith(async (file) => {
      opened.push(file);
      return '';
    });
    expect((await call<AppInfo>(core, 'system.info', {})).canOpenFiles).toBe(true);
    const result = await call<OpenFolderResult>(core, 'system.openFile', pdf);
    const file = path.join(dataDir, 'exports', PRINT_DIR, pdf.fileName);
    expect(result).toMatchObject({ opened: true, path: file });
    expect(result.message).toContain('可在其中打印');
    expect(opened).toEqual([file]);
    expect(readFileSync(file, 'latin1')).toBe('%PDF-1.4 x');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
  });

  it('says where the file is when the system cannot open it, and keeps a hostile name inside', async () => {
    const { core, dataDir } = coreWith(async () => '没有关联的程序');
    const result = await call<OpenFolderResult>(core, 'system.openFile', {
      ...pdf,
      fileName: '../../evil\u202Efdp.exe',
    });
    expect(result.opened).toBe(false);
    expect(result.message).toContain('没有关联的程序');
    expect(path.dirname(result.path)).toBe(path.join(dataDir, 'exports', PRINT_DIR));
    expect(path.basename(result.path)).not.toContain('\u202E');
  });

  it('in the web host: nothing is written, the page opens the PDF in the browser', async () => {
    const { core, dataDir } = coreWith();
    expect((await call<AppInfo>(core, 'system.info', {})).canOpenFiles).toBe(false);
    const result = await call<OpenFolderResult>(core, 'system.openFile', pdf);
    expect(result.opened).toBe(false);
    expect(() => statSync(path.join(dataDir, 'exports', PRINT_DIR))).toThrow();
  });
});
