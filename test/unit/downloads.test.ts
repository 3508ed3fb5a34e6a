import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDownloadStore,
  DOWNLOAD_TTL_MS,
  newDownloadToken,
} from '../../electron/core/io/downloads';
import { makeTempDir } from '../harness/webHost';

const temp = makeTempDir('pilotdesk-downloads-');
afterAll(() => temp.remove());

const meta = { fileName: '备份.sqlite', mime: 'application/vnd.sqlite3', size: 3 };
const makeFile = (name: string) => {
  const file = path.join(temp.dir, name);
  writeFileSync(file, 'abc');
  return file;
};

describe('offered downloads', () => {
  it('hands a file out once, by its token only', () => {
    const store = createDownloadStore(() => 0);
    const offer = store.offer(makeFile('once.sqlite'), meta);
    expect(offer).toMatchObject(meta);
    expect(offer.token.length).toBeGreaterThanOrEqual(32);
    expect(store.take('not-a-token')).toBeUndefined();
    expect(store.take(undefined)).toBeUndefined();
    const taken = store.take(offer.token);
    expect(taken?.file).toBe(path.join(temp.dir, 'once.sqlite'));
    taken?.done();
    expect(existsSync(path.join(temp.dir, 'once.sqlite'))).toBe(true); // not temporary: kept
    expect(store.take(offer.token)).toBeUndefined();
  });

  it('removes a temporary file once fetched, on expiry and when cleared', () => {
    let now = 0;
    const store = createDownloadStore(() => now);
    const fetched = makeFile('fetched.tmp');
    store.take(store.offer(fetched, meta, { temporary: true }).token)?.done();
    expect(existsSync(fetched)).toBe(false);

    const late = makeFile('late.tmp');
    const offer = store.offer(late, meta, { temporary: true });
    now = DOWNLOAD_TTL_MS;
    expect(store.take(offer.token)).toBeUndefined();
    expect(existsSync(late)).toBe(false);

    const forgotten = makeFile('forgotten.tmp');
    store.offer(forgotten, meta, { temporary: true });
    now += DOWNLOAD_TTL_MS;
    store.offer(makeFile('next.tmp'), meta, { temporary: true }); // expired offers are swept
    expect(existsSync(forgotten)).toBe(false);
    store.clear();
    expect(existsSync(path.join(temp.dir, 'next.tmp'))).toBe(false);
  });

  it('holds an offer made in the core worker under the worker token: once, until expiry', () => {
    let now = 0;
    const store = createDownloadStore(() => now);
    const token = newDownloadToken();
    const file = makeFile('worker.tmp');
    store.hold({ token, file, meta, temporary: true });
    expect(store.take('other')).toBeUndefined();
    const taken = store.take(token);
    expect(taken).toMatchObject({ file, ...meta });
    taken?.done();
    expect(existsSync(file)).toBe(false);
    expect(store.take(token)).toBeUndefined();

    const late = makeFile('worker-late.tmp');
    const lateToken = newDownloadToken();
    expect(lateToken).not.toBe(token);
    store.hold({ token: lateToken, file: late, meta, temporary: true });
    now = DOWNLOAD_TTL_MS;
    expect(store.take(lateToken)).toBeUndefined();
    expect(existsSync(late)).toBe(false);
  });
});
