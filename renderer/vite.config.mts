import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { FIRST_PAINT_TARGET_BYTES, firstPaintBytes } from './firstPaint.mts';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..', 'dist', 'renderer');

/** Prints how much JavaScript loads before the frame paints, against its target. */
const reportFirstPaint: Plugin = {
  name: 'pilotdesk-first-paint',
  closeBundle() {
    const kb = (bytes: number) => `${Math.round(bytes / 1000)} KB`;
    const bytes = firstPaintBytes(outDir);
    const verdict = bytes <= FIRST_PAINT_TARGET_BYTES ? '' : '（超出目标！）';
    process.stdout.write(
      `首屏前加载的 JavaScript：${kb(bytes)}，目标 ≤ ${kb(FIRST_PAINT_TARGET_BYTES)}${verdict}\n`,
    );
  },
};

export default defineConfig({
  root: here,
  // Relative asset URLs work under both app://pilotdesk/ and http://127.0.0.1:port/.
  base: './',
  plugins: [react(), reportFirstPaint],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the frame imports is one chunk; everything else (tables, forms, ECharts, each
          // page) loads with the first page that needs it, after the frame has painted.
          // The contract (zod schemas and the handler-topic map) is one chunk, not one per
          // feature file: the first page and the idle topic-map load fetch it in one request.
          groups: [
            { name: 'frame', tags: ['$initial'] },
            { name: 'contract', test: /[\\/]shared[\\/]contract[\\/]/ },
          ],
        },
      },
    },
  },
});
