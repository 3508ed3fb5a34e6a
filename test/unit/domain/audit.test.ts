import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntities, auditEntityLabel, auditEntityLabels } from '../../../shared/domain/audit';
import { repoRoot } from '../../harness/webHost';

/** Every entity name the core hands to its audited write (`auditLog` / `auditedRows`). */
function entitiesWritten(): Set<string> {
  const dir = path.join(repoRoot, 'electron/core');
  const names = new Set<string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(
      /audit(?:Log|edRows|Import)(?:<[^>]*>)?\(\s*[\w.]+,\s*'(\w+)'/g,
    )) {
      names.add(m[1]);
    }
  }
  return names;
}

describe('audited entities', () => {
  it('names every entity in Chinese, each differently, and nothing else', () => {
    expect(Object.keys(auditEntityLabels).sort()).toEqual([...auditEntities].sort());
    for (const entity of auditEntities) {
      expect(auditEntityLabel(entity), entity).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    const labels = Object.values(auditEntityLabels);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('shows a name it does not know as written', () => {
    expect(auditEntityLabel('filler')).toBe('filler');
    expect(auditEntityLabel('constructor')).toBe('constructor');
  });

  it('lists exactly the entities the core writes', () => {
    expect([...entitiesWritten()].sort()).toEqual([...auditEntities].sort());
  });
});
