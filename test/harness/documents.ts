// Reads generated documents the way a person's tools do: poppler for PDFs (words with their
// positions, fonts, page images), unzip for Word's XML. Page images are kept as test artefacts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { repoRoot } from './webHost';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLine {
  /** The line's words run together (Chinese has no spaces between words). */
  text: string;
  words: PdfWord[];
  yMin: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  /** Top to bottom, as a reader sees them. */
  lines: PdfLine[];
}

function run(command: string, args: string[]): string {
  const out = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${out.stderr}`);
  return out.stdout;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Words on the same baseline (within 2 pt) make a line. */
function linesOf(words: PdfWord[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const w of [...words].sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.yMax - w.yMax) < 2);
    if (line) {
      line.words.push(w);
      line.yMin = Math.min(line.yMin, w.yMin);
    } else {
      lines.push({ text: '', words: [w], yMin: w.yMin, yMax: w.yMax });
    }
  }
  for (const l of lines) {
    l.words.sort((a, b) => a.xMin - b.xMin);
    l.text = l.words.map((w) => w.text).join('');
  }
  return lines.sort((a, b) => a.yMax - b.yMax);
}

/** Every page's words with their boxes (`pdftotext -bbox`), grouped into lines. */
export function pdfPages(file: string): PdfPage[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(
    ([, width, height, body]) => ({
      width: Number(width),
      height: Number(height),
      lines: linesOf(
        [
          ...body.matchAll(
            /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
          ),
        ].map(([, xMin, yMin, xMax, yMax, text]) => ({
          text: unescapeXml(text),
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
        })),
      ),
    }),
  );
}

/** The fonts `pdffonts` lists: name (subset prefix dropped), embedded, subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name … emb sub uni object ID: the yes/no columns are the 5th to 3rd from the end.
      const [emb, sub] = cols.slice(-5, -3);
      return {
        name: cols[0].replace(/^[A-Z]{6}\+/, ''),
        embedded: emb === 'yes',
        subset: sub === 'yes',
      };
    });
}

/** The pictures `pdfimages -list` finds (soft masks left out): page and pixel size of each. */
export function pdfImages(file: string): { page: number; width: number; height: number }[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map(([page, , , width, height]) => ({
      page: Number(page),
      width: Number(width),
      height: Number(height),
    }));
}

/** A folder under test-results/ for one test's files, emptied first. */
export function artefactDir(...parts: string[]): string {
  const dir = path.join(repoRoot, 'test-results', 'documents', ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Writes the PDF and its pages as PNGs (`pdftoppm -r 50`) into `dir` and attaches each page to
 * the test, for a person to look at.
 */
export async function keepPdfPages(
  context: Pick<TestContext, 'annotate'>,
  dir: string,
  name: string,
  bytes: Buffer,
): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  run('pdftoppm', ['-r', '50', '-png', file, path.join(dir, name)]);
  const pngs = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  for (const png of pngs) {
    await context.annotate(png, { path: path.join(dir, png), contentType: 'image/png' });
  }
  return file;
}

/**
 * What a reader sees on one page: the page rendered to a PNG (`pdftoppm -r 150`, kept beside the
 * PDF) and read back by OCR (`tesseract`, simplified Chinese), whitespace removed. It proves the
 * text is drawn where it can be seen, which the PDF's text layer alone does not.
 */
export function ocrPdfPage(file: string, page: number): string {
  const png = `${file.replace(/\.pdf$/, '')}-ocr-${page}`;
  run('pdftoppm', [
    '-r',
    '150',
    '-png',
    '-singlefile',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    file,
    png,
  ]);
  return run('tesseract', [`${png}.png`, '-', '-l', 'chi_sim']).replace(/\s+/g, '');
}

/** One XML part of an Office file, read with `unzip -p`. */
export function officePart(file: string, part: string): string {
  return run('unzip', ['-p', file, part]);
}
