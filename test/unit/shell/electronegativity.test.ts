import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  runElectronegativity,
  type ElectronegativityReport,
} from '../../harness/electronegativity';

interface AllowedFinding {
  id: string;
  file: string;
  justification: string;
}

const allowList = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8'),
) as AllowedFinding[];
const key = (f: { id: string; file: string }) => `${f.id} @ ${f.file}`;

/**
 * @doyensec/electronegativity over the app's sources (shell, preload, core, web host, renderer,
 * contract): every finding must be justified in electronegativity-allowlist.json, and every
 * entry there must still match a finding, so the list cannot rot.
 */
describe('electronegativity', () => {
  let report: ElectronegativityReport;
  beforeAll(async () => {
    report = await runElectronegativity(['electron', 'renderer', 'shared']);
  }, 120_000);

  it('scanned the sources with its checks, parsing every file', () => {
    expect(report.filesScanned).toBeGreaterThan(80);
    expect(report.checksLoaded).toBeGreaterThanOrEqual(40);
    expect(report.electronVersion).toMatch(/^\d+\./);
    expect(report.parseErrors).toEqual([]);
  });

  it('has no finding that the allow-list does not justify', () => {
    const allowed = new Set(allowList.map(key));
    const unjustified = report.findings
      .filter((f) => !allowed.has(key(f)))
      .map((f) => `${key(f)}:${f.line} ${f.severity}/${f.confidence} — ${f.description}`);
    expect(unjustified).toEqual([]);
  });

  it('lists only findings that still occur, each with a real justification', () => {
    const found = new Set(report.findings.map(key));
    expect(allowList.filter((entry) => !found.has(key(entry))).map(key)).toEqual([]);
    for (const entry of allowList) expect(entry.justification.length).toBeGreaterThan(60);
  });
});
