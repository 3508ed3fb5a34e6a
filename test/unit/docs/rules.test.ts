import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHandlerName } from '../../../shared/contract';

/**
 * docs/rules.md is the one place the notice's rules are written down: every rule number the code,
 * the tests or the README cite must be there, its quotations must be the notice's own words and
 * the files and handlers it points to must exist.
 */
const root = path.resolve(__dirname, '../../..');
const rulesDoc = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
const notice = readFileSync(path.join(root, 'docs/hubei-1x-pilot-notice-2020.txt'), 'utf8');

const compact = (text: string) => text.replace(/\s+/g, '');

/** The doc's rules, by number, each with its section's text. */
const sections = new Map(
  rulesDoc
    .split(/^(?=### Rule )/m)
    .slice(1)
    .map((section) => [Number(/^### Rule (\d+) — /.exec(section)?.[1]), section]),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Numbers a text cites: “rule 13”, “rules 1–8”, “Rules 11 and 13”, “rule-13”, “规则 1–8”. */
function citedRules(text: string): number[] {
  const cited: number[] = [];
  const citation =
    /\brules?[- ](\d+)((?:\s*(?:–|-|,|and)\s*\d+)*)|规则\s*(\d+)((?:\s*(?:–|-|、|和)\s*\d+)*)/gi;
  for (const match of text.matchAll(citation)) {
    const first = Number(match[1] ?? match[3]);
    cited.push(first);
    let previous = first;
    for (const part of (match[2] ?? match[4] ?? '').matchAll(/(–|-)?\s*\d+/g)) {
      const n = Number(/\d+/.exec(part[0])?.[0]);
      if (part[1]) for (let k = previous + 1; k < n; k += 1) cited.push(k);
      cited.push(n);
      previous = n;
    }
  }
  return cited;
}

describe('docs/rules.md', () => {
  it('numbers the notice’s rules 1–16, once each', () => {
    expect([...sections.keys()]).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('reads the citations the code uses', () => {
    expect(citedRules('rule 13, rules 1–8; Rules 11 and 13 (rule-12), 规则 9–10')).toEqual([
      13, 1, 2, 3, 4, 5, 6, 7, 8, 11, 13, 12, 9, 10,
    ]);
  });

  it('has every rule that code, tests and README cite', () => {
    const files = [
      ...['electron', 'shared', 'renderer/src', 'test'].flatMap(sourceFiles),
      path.join(root, 'README.md'),
    ];
    const missing = files.flatMap((file) =>
      citedRules(readFileSync(file, 'utf8'))
        .filter((n) => !sections.has(n))
        .map((n) => `${path.relative(root, file)}: rule ${n}`),
    );
    expect(files.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('quotes the notice’s own words for every rule', () => {
    for (const [n, section] of sections) {
      const quotes = section.split('\n').filter((line) => line.startsWith('> '));
      expect(quotes.length, `rule ${n} quotes the notice`).toBeGreaterThan(0);
      for (const fragment of quotes.flatMap((q) => q.slice(2).split('……'))) {
        if (compact(fragment) !== '') {
          expect(compact(notice), `rule ${n}: “${fragment}”`).toContain(compact(fragment));
        }
      }
    }
  });

  it('points only to files that exist', () => {
    const paths = [...rulesDoc.matchAll(/`((?:electron|shared|renderer|test)\/[^`\s]+)`/g)].map(
      (m) => m[1],
    );
    expect(paths.length).toBeGreaterThan(20);
    expect(paths.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('names only handlers the contract has', () => {
    const names = [...rulesDoc.matchAll(/`([a-z]+(?:\.[a-zA-Z]+)+)`/g)]
      .map((m) => m[1])
      .filter((name) => !/\.(ts|tsx|md|txt|mjs)$/.test(name));
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((name) => !isHandlerName(name))).toEqual([]);
  });
});
