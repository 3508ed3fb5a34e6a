import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_ENV, developmentSwitches } from '../../../electron/main/developmentSwitches';
import { repoRoot } from '../../harness/webHost';

const binding = '/home/dev/pilotdesk/.cache/electron-native/45.5.0/better_sqlite3.node';

describe('development-only switches', () => {
  it('a checkout (npm start) loads the better-sqlite3 build it is given', () => {
    expect(developmentSwitches(false, { PILOTDESK_SQLITE_BINDING: binding })).toEqual({
      sqliteBinding: binding,
      ignored: [],
    });
    expect(developmentSwitches(false, { PILOTDESK_SQLITE_BINDING: '' }).sqliteBinding).toBe(
      undefined,
    );
    expect(developmentSwitches(false, {}).sqliteBinding).toBe(undefined);
  });

  it('a packaged app ignores every one of them and names them for the log', () => {
    const env = Object.fromEntries(DEVELOPMENT_ENV.map((name) => [name, binding]));
    expect(developmentSwitches(true, env)).toEqual({
      sqliteBinding: undefined,
      ignored: [...DEVELOPMENT_ENV],
    });
    expect(developmentSwitches(true, {})).toEqual({ sqliteBinding: undefined, ignored: [] });
  });

  it('the shell reads the environment only through developmentSwitches', () => {
    const shellFiles = ['electron/main', 'electron/preload'].flatMap((dir) =>
      readdirSync(path.join(repoRoot, dir))
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(dir, f)),
    );
    const lines = shellFiles.flatMap((file) =>
      readFileSync(path.join(repoRoot, file), 'utf8')
        .split('\n')
        .map((line) => ({ file, line })),
    );
    const where = (pattern: RegExp) =>
      lines.filter(({ line }) => pattern.test(line)).map(({ file }) => file);
    expect(where(/process\.env/)).toEqual(['electron/main/index.ts']);
    expect(where(/developmentSwitches\(app\.isPackaged, process\.env\)/)).toEqual([
      'electron/main/index.ts',
    ]);
    expect(new Set(where(/PILOTDESK_/))).toEqual(new Set(['electron/main/developmentSwitches.ts']));
  });
});
