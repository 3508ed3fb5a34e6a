import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contract,
  handlerTopics,
  topics,
  type ChangedEvent,
  type HandlerName,
} from '../../shared/contract';
import { createTestCore, type TestCore } from '../harness/core';
import { call, schoolProfile } from '../harness/seed';
import { softwareMajor } from '../harness/majors';

describe('what each handler reads and writes', () => {
  it('every handler of the contract declares topics it reads or writes, all of them known', () => {
    const names = Object.keys(contract) as HandlerName[];
    expect(Object.keys(handlerTopics).sort()).toEqual([...names].sort());
    for (const name of names) {
      const { reads = [], writes = [] } = handlerTopics[name];
      expect(reads.length + writes.length, name).toBeGreaterThan(0);
      for (const topic of [...reads, ...writes]) expect(topics, name).toContain(topic);
    }
  });

  it('every topic a handler writes is read by some handler, so some view can follow it', () => {
    const read = new Set(Object.values(handlerTopics).flatMap((h) => h.reads ?? []));
    const written = new Set(Object.values(handlerTopics).flatMap((h) => h.writes ?? []));
    expect([...written].filter((topic) => !read.has(topic))).toEqual([]);
  });
});

describe('the dispatcher emits what a call changed', () => {
  let t: TestCore;
  let changed: ChangedEvent[];
  beforeEach(() => {
    t = createTestCore();
    changed = [];
    t.core.events.on((event) => {
      if (event.type === 'changed') changed.push(event);
    });
  });
  afterEach(() => t.dispose());

  it('after a successful write, with the handler’s topics; never after a read or a failure', async () => {
    await call(t.core, 'school.save', schoolProfile);
    expect(changed).toEqual([{ type: 'changed', topics: ['school'] }]);

    changed.length = 0;
    await call(t.core, 'school.get', {});
    await call(t.core, 'projects.list', {});
    expect(changed).toEqual([]);

    const refused = await t.core.dispatch('majors.save', { code: '12' });
    expect(refused.ok).toBe(false);
    const failed = await t.core.dispatch('majors.delete', { id: 999, force: false });
    expect(failed.ok).toBe(false);
    expect(changed).toEqual([]);

    await call(t.core, 'majors.save', softwareMajor);
    expect(changed).toEqual([{ type: 'changed', topics: handlerTopics['majors.save'].writes }]);
    // A project's self-check reads the majors: its list reloads after this change.
    expect(handlerTopics['projects.list'].reads).toContain('majors');
  });

  it('a restore changes everything: every topic is emitted', async () => {
    await call(t.core, 'school.save', schoolProfile);
    const backup = await call<{ id: string }>(t.core, 'backup.create', {});
    changed.length = 0;
    await call(t.core, 'backup.restore', { id: backup.id });
    expect(changed).toHaveLength(1);
    expect([...changed[0].topics].sort()).toEqual([...topics].sort());
  });
});
