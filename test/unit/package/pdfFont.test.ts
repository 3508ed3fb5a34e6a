import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyMainAssets, mainBundleOptions } from '../../../electron/cli/electron-bundle.mjs';
import { renderPdf } from '../../../electron/core/modules/package/pdf';
import {
  BUNDLED_FONT_DIR,
  PDF_FONT_MODULES,
  pdfFontPath,
} from '../../../electron/core/modules/package/pdfFonts';
import { repoRoot } from '../../harness/webHost';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pilotdesk-font-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const pdfText = (file: string) =>
  spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');

const faces = ['serif', 'sans'] as const;
const fileOf = (face: (typeof faces)[number]) => path.basename(PDF_FONT_MODULES[face]);

describe('the PDF fonts are found from the code, not the working directory', () => {
  it('in a source checkout (dev, tests, web host), whatever the cwd', async () => {
    const cwd = process.cwd();
    const elsewhere = tempDir();
    process.chdir(elsewhere);
    try {
      for (const face of faces) {
        // The checkout's own node_modules (a symlink in worktrees), not one found from the cwd.
        expect(realpathSync(pdfFontPath(face))).toBe(
          realpathSync(path.join(repoRoot, 'node_modules', PDF_FONT_MODULES[face])),
        );
      }
      const file = path.join(elsewhere, 'probe.pdf');
      writeFileSync(file, await renderPdf('字体', [{ type: 'paragraph', text: '申报表中文' }]));
      expect(pdfText(file)).toContain('申报表中文');
    } finally {
      process.chdir(cwd);
    }
  });

  it('in the bundled Electron main, with no node_modules around and a foreign cwd', async () => {
    const app = tempDir();
    const outDir = path.join(app, 'electron');
    await build({
      ...mainBundleOptions,
      entryPoints: [path.join(import.meta.dirname, 'pdfProbe.ts')],
      outfile: path.join(outDir, 'probe.cjs'),
      sourcemap: false,
      logLevel: 'error',
    });
    copyMainAssets(outDir);
    const bundled = faces.map((face) => path.join(outDir, BUNDLED_FONT_DIR, fileOf(face)));
    for (const file of bundled) expect(existsSync(file)).toBe(true);

    const elsewhere = tempDir();
    const pdf = path.join(elsewhere, 'out.pdf');
    const run = spawnSync(process.execPath, [path.join(outDir, 'probe.cjs'), pdf], {
      cwd: elsewhere,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(bundled);
    expect(pdfText(pdf)).toContain('湖北示例职业技术学院申报表');
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/NotoSerifSC/);
    expect(fonts).toMatch(/NotoSansSC/);
  });
});
