// The web host as one CommonJS bundle (as the Electron main is) and its core worker as ES module
// chunks, rebuilt when their sources change, so `npm run web` starts plain JavaScript instead of
// compiling TypeScript at every start.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { copyMainAssets, coreWorkerEntry, mainBundleOptions } from './electron-bundle.mjs';
import { newestMtime } from './newest-mtime.mjs';

/** Where the bundle goes under the project root. */
export const webBundleDir = (root) => path.join(root, 'dist', 'web');

/** The web host's core worker entry, beside its chunks (`coreWorker-*.mjs`). */
const webCoreWorkerFileName = 'coreWorker.mjs';
const CHUNK_PREFIX = 'coreWorker-';

/**
 * Bundles the core's worker entry into `outDir`/coreWorker.mjs, as ES modules split into chunks:
 * what only an export or import needs (ExcelJS, pdfkit and its fonts code, docx…) sits in chunks
 * loaded with its first use, so the worker reads and compiles ~3 MB at start instead of ~8 MB.
 * Each file is written whole, then renamed; the entry last, so it never lacks a chunk. Chunks of
 * earlier builds are removed.
 */
export async function buildCoreWorker(root, outDir) {
  const { build } = await import('esbuild');
  const result = await build({
    ...mainBundleOptions,
    define: {}, // ES modules have their own `import.meta.url`
    absWorkingDir: root,
    entryPoints: { coreWorker: path.join(root, coreWorkerEntry) },
    outdir: outDir,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: `${CHUNK_PREFIX}[name]-[hash]`,
    sourcemap: false,
    write: false,
    // The bundled CommonJS libraries call `require` (Node's built-ins, better-sqlite3) and some
    // read `__dirname`, as they would in a CommonJS bundle.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { dirname as __pathDirname } from 'node:path';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
        'const __dirname = __pathDirname(__filename);',
      ].join(' '),
    },
  });
  mkdirSync(outDir, { recursive: true });
  const entry = path.join(outDir, webCoreWorkerFileName);
  const written = new Set();
  const outputs = result.outputFiles;
  const inOrder = [
    ...outputs.filter((file) => file.path !== entry),
    ...outputs.filter((file) => file.path === entry),
  ];
  for (const file of inOrder) {
    const partial = `${file.path}.${process.pid}.partial`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
    written.add(path.basename(file.path));
  }
  for (const name of readdirSync(outDir)) {
    if (name.startsWith(CHUNK_PREFIX) && name.endsWith('.mjs') && !written.has(name)) {
      rmSync(path.join(outDir, name), { force: true });
    }
  }
  return entry;
}

/**
 * Bundles electron/web/cli.ts into dist/web/cli.cjs and the core's worker beside it (each written
 * whole, then renamed into place; the host last, so a host bundle never lacks its worker).
 */
export async function buildWebHost(root) {
  const { build } = await import('esbuild');
  const outDir = webBundleDir(root);
  const outfile = path.join(outDir, 'cli.cjs');
  const partial = `${outfile}.${process.pid}.partial`;
  await buildCoreWorker(root, outDir);
  await build({
    ...mainBundleOptions,
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron', 'web', 'cli.ts')],
    outfile: partial,
    sourcemap: false,
  });
  copyMainAssets(outDir);
  renameSync(partial, outfile);
  return outfile;
}

/** The bundle's path, built first when it is missing or older than the core, host or contract. */
export async function ensureWebHostBuilt(root) {
  const outfile = path.join(webBundleDir(root), 'cli.cjs');
  if (existsSync(outfile) && existsSync(path.join(webBundleDir(root), webCoreWorkerFileName))) {
    const built = statSync(outfile).mtimeMs;
    const sources = ['electron', 'shared'].map((dir) => path.join(root, dir));
    if (sources.every((dir) => newestMtime(dir) <= built)) return outfile;
  }
  return buildWebHost(root);
}
