import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../harness/webHost';

const eslint = new ESLint({ cwd: repoRoot });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}/${file}` });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('layer boundaries: core, renderer, preload and shared', () => {
  it.each([
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/core/x.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['renderer/src/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'renderer/src/x.ts',
      "import { createCore } from '../../electron/core';\nexport const x = createCore;\n",
    ],
    ['electron/preload/x.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['shared/domain/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
  ])('%s may not import this', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(1);
  });

  it.each([
    ['electron/core/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    [
      'renderer/src/x.ts',
      "import { contract } from '../../shared/contract';\nexport const x = contract;\n",
    ],
    [
      'electron/preload/x.ts',
      "import { ipcRenderer } from 'electron';\nimport { INVOKE_CHANNEL } from '../../shared/contract/bridge';\nexport const x = [ipcRenderer, INVOKE_CHANNEL];\n",
    ],
  ])('%s may import this', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
