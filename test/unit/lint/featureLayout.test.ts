import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { repoRoot } from '../../harness/webHost';

/*
 * A feature has one name in every layer: `shared/contract/X.ts` (its handlers, all named `X.…`),
 * `electron/core/modules/X/` and `renderer/src/features/X/`. The exceptions are listed here with
 * the reason, so a new one is a decision, not an accident.
 */

/** Contract features without a page of their own, and where their data is shown instead. */
const withoutPage: Record<string, string> = {
  system: 'app info and the data folder, shown on 设置 (features/backup)',
  uploads: 'files sent in pieces before an import or restore; used by every page that takes a file',
  imports:
    '取消 of a running import; the import dialog (components/ImportWizard) every importing page uses',
};

/** Pages that have no handlers of their own, and what they read. */
const pageOnly: Record<string, string> = {
  selfCheck: "自查: the projects' self-check facts (projects.*) judged by shared/domain/selfCheck",
};

const dirs = (relative: string) =>
  readdirSync(path.join(repoRoot, relative), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Contract files that export `<name>Contract`: the features. */
const contractFeatures = readdirSync(path.join(repoRoot, 'shared/contract'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .filter((name) =>
    readFileSync(path.join(repoRoot, 'shared/contract', `${name}.ts`), 'utf8').includes(
      `export const ${name}Contract =`,
    ),
  )
  .sort();

const coreModules = dirs('electron/core/modules');
const rendererFeatures = dirs('renderer/src/features');

describe('one name per feature in every layer', () => {
  it('every contract feature has a core module of the same name, and every module a contract', () => {
    expect(coreModules).toEqual(contractFeatures);
  });

  it('every contract feature has a page folder of the same name, unless listed with a reason', () => {
    const missing = contractFeatures.filter(
      (name) => !rendererFeatures.includes(name) && !(name in withoutPage),
    );
    expect(missing).toEqual([]);
    for (const name of Object.keys(withoutPage)) expect(contractFeatures).toContain(name);
  });

  it('every page folder is a contract feature, unless listed with a reason', () => {
    const unknown = rendererFeatures.filter(
      (name) => !contractFeatures.includes(name) && !(name in pageOnly),
    );
    expect(unknown).toEqual([]);
    for (const name of Object.keys(pageOnly)) expect(rendererFeatures).toContain(name);
  });

  it('every handler is named after the feature whose contract file declares it', async () => {
    const misnamed: string[] = [];
    let declared = 0;
    for (const name of contractFeatures) {
      const file = path.join(repoRoot, 'shared/contract', `${name}.ts`);
      const module = (await import(file)) as Record<string, Record<string, unknown>>;
      for (const handler of Object.keys(module[`${name}Contract`]!)) {
        declared += 1;
        if (handler.split('.')[0] !== name) misnamed.push(`${name}.ts: ${handler}`);
      }
    }
    expect(misnamed).toEqual([]);
    expect(declared).toBe(Object.keys(contract).length);
  });

  it('every core module has its handlers in service.ts', () => {
    const missing = coreModules.filter(
      (name) => !existsSync(path.join(repoRoot, 'electron/core/modules', name, 'service.ts')),
    );
    expect(missing).toEqual([]);
  });

  it('SQL is written only in repository.ts and *Repository.ts files', () => {
    // A statement prepared or run, or SQL text in a string (keywords in capitals, as the
    // repositories write them).
    const sql =
      /\.prepare\s*[<(]|\.exec\s*\(|['"`][^'"`]*\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|LEFT JOIN)\b/;
    const withSql: string[] = [];
    let repositories = 0;
    for (const name of coreModules) {
      const dir = path.join(repoRoot, 'electron/core/modules', name);
      for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
        if (file === 'repository.ts' || file.endsWith('Repository.ts')) {
          repositories += 1;
          continue;
        }
        if (sql.test(readFileSync(path.join(dir, file), 'utf8'))) withSql.push(`${name}/${file}`);
      }
    }
    expect(withSql).toEqual([]);
    expect(repositories).toBeGreaterThanOrEqual(coreModules.length / 2);
  });
});
