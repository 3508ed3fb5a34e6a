import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PilotBridge } from '../../shared/contract/bridge';
import type { SchoolProfileInput } from '../../shared/contract/school';
import type * as QueryCache from '../../renderer/src/api/queryCache';
import { createTestCore, type TestCore } from '../harness/core';
import { call, schoolProfile } from '../harness/seed';
import { computerMajor, softwareMajor } from '../harness/majors';

/**
 * The renderer's data layer against a real core: the page's bridge is the core's dispatcher and
 * event source, as the hosts wire them.
 */
describe('renderer data layer (queryCache) on a real core', () => {
  let t: TestCore;
  let cache: typeof QueryCache;

  beforeEach(async () => {
    t = createTestCore();
    const bridge: PilotBridge = {
      invoke: (name, input) => t.core.dispatch(name, input),
      on: (listener) => t.core.events.on(listener),
    };
    vi.stubGlobal('window', { pilot: bridge });
    // The browser API the cache schedules its handler-topic map with; Node has none.
    vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
    vi.resetModules(); // a fresh cache per test, following this test's core
    cache = await import('../../renderer/src/api/queryCache');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    t.dispose();
  });

  const shown = <T>(name: Parameters<typeof cache.queryEntry>[0], input: unknown) => {
    const entry = cache.queryEntry<T>(name, input);
    const stop = cache.watch(entry, () => undefined);
    return { entry, stop };
  };

  it('a write through mutate answers once every view of what it changed shows it', async () => {
    const { entry } = shown<{ name: string } | null>('school.get', {});
    await vi.waitFor(() => expect(entry.snapshot.state).toBe('ready'));
    expect(entry.snapshot.data).toBeNull();

    await cache.mutate('school.save', schoolProfile as SchoolProfileInput);
    expect(entry.snapshot.data?.name).toBe(schoolProfile.name);
    expect(entry.snapshot.fetching).toBe(false);
  });

  it('a change made elsewhere (another window, a dispatch) reloads the views that read it', async () => {
    await call(t.core, 'school.save', schoolProfile);
    const { entry: projects } = shown<{ selfCheck: unknown }[]>('projects.list', {});
    const { entry: majors } = shown<{ code: string }[]>('majors.list', {});
    await vi.waitFor(() => expect(majors.snapshot.state).toBe('ready'));
    expect(majors.snapshot.data).toEqual([]);

    await call(t.core, 'majors.save', softwareMajor);
    await vi.waitFor(() => expect(majors.snapshot.data?.map((m) => m.code)).toEqual(['510203']));
    // Self-checks read the majors: the project list fetched again too.
    await vi.waitFor(() => expect(projects.snapshot.fetching).toBe(false));
  });

  it('until the topic table has loaded every change counts as touching every answer', async () => {
    // The table loads after the first paint; meanwhile refetching is the safe side.
    const topics = await import('../../renderer/src/api/handlerTopics');
    expect(topics.readsAny('majors.list', ['photos'])).toBe(true);
    await topics.loadHandlerTopics();
    expect(topics.readsAny('majors.list', ['photos'])).toBe(false);
    expect(topics.readsAny('majors.list', ['majors'])).toBe(true);
    expect(topics.readsAny('projects.list', ['majors'])).toBe(true);
  });

  it('a query no view shows is dropped when its data changes, never shown stale', async () => {
    const { entry, stop } = shown<{ code: string }[]>('majors.list', {});
    await vi.waitFor(() => expect(entry.snapshot.state).toBe('ready'));
    stop();
    expect(cache.queryEntry('majors.list', {})).toBe(entry); // kept for an instant answer
    await call(t.core, 'majors.save', computerMajor);
    expect(cache.queryEntry('majors.list', {})).not.toBe(entry);
  });

  it('equal inputs share one query whatever the key order', () => {
    expect(cache.queryKey('catalogue.list', { search: 'a', includeArchived: true })).toBe(
      cache.queryKey('catalogue.list', { includeArchived: true, search: 'a' }),
    );
  });
});
