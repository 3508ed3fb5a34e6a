import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageOf, PilotError } from '../../../renderer/src/api/client';
import { t } from '../../../renderer/src/i18n';
import { errorHints } from '../../../shared/contract/errors';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('error hints: the core names the step, the page names the button', () => {
  it('words every hint after the message, quoting a label the renderer shows', () => {
    for (const hint of errorHints) {
      const text = messageOf(
        new PilotError({ code: 'CONFLICT', message: '已拒绝。', details: { hint } }),
      );
      expect(text, hint).toMatch(/^已拒绝。.+“[^”]+”/);
    }
    const correction = new PilotError({
      code: 'CONFLICT',
      message: '本周周报已报送并锁定。',
      details: { hint: 'weeklyCorrection' },
    });
    expect(messageOf(correction)).toContain(`“${t.weekly.editor.revise}”`);
  });

  it('leaves a message without a hint as it is', () => {
    expect(messageOf(new PilotError({ code: 'INTERNAL', message: '出错了。' }))).toBe('出错了。');
    expect(messageOf('文字')).toBe('文字');
  });

  it('core and shared messages tell no one to click or press a button', () => {
    const dirs = ['electron/core', 'shared'].map((dir) => path.join(root, dir));
    const offending = dirs.flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${path.relative(root, file)}:${index + 1}` }))
        .filter(({ line }) => /点击|点“|按“|按钮/.test(line))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(offending).toEqual([]);
  });
});
