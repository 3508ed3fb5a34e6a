import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The most JavaScript the browser may load before the app frame paints. */
export const FIRST_PAINT_TARGET_BYTES = 900 * 1000;

/**
 * What the built index.html makes the browser load before the frame can paint: its module
 * scripts and the chunks it preloads with them. Pages, tables, forms and ECharts load later.
 */
export function firstPaintScripts(distDir: string): { file: string; bytes: number }[] {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const urls = new Set(
    [
      ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g),
    ].map((match) => match[1]),
  );
  return [...urls].map((url) => ({
    file: url.replace(/^\.\//, ''),
    bytes: statSync(path.join(distDir, url)).size,
  }));
}

/** The bytes of JavaScript loaded before the frame paints. */
export function firstPaintBytes(distDir: string): number {
  return firstPaintScripts(distDir).reduce((sum, script) => sum + script.bytes, 0);
}
