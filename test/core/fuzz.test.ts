import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type HandlerName } from '../../shared/contract';
import { createTestCore, type TestCore } from '../harness/core';
import { dumpDatabase, type DatabaseDump } from '../harness/dumpDatabase';
import { chinese, expectRefusedUnchanged, handlersEndingWith } from '../harness/hostile';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { upload, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';

/**
 * Hostile input: property-based fuzzing of every handler in the contract, read at run time so
 * handlers added later are covered without touching this file. Each gets inputs its schema
 * rejects — arbitrary JSON, and objects with the schema's own keys holding wrong-typed values —
 * and must answer VALIDATION with a Chinese message for every field, changing nothing.
 * Rerun a failure with FUZZ_SEED=<the printed seed>.
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = 30;

const names = Object.keys(contract) as HandlerName[];
const schemaOf = (name: HandlerName) => contract[name].input as z.ZodType;
/** What the dispatcher validates: a missing input is `{}`. */
const rejected = (name: HandlerName, input: unknown) =>
  !schemaOf(name).safeParse(input ?? {}).success;

/** The object keys a schema expects, when it is an object schema (else none). */
function keysOf(schema: z.ZodType): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Values of every JSON type and a few hostile texts, most of them wrong for any one field. */
const wrongValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e21,
    -0,
    '',
    '   ',
    'x'.repeat(5000),
    '<img src=x onerror=alert(1)>',
    "'; DROP TABLE students; --",
    '../../etc/passwd',
    '\u0000',
    [],
    [null],
    {},
    { id: -1 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** `{ key: wrongValue }` for the schema's own keys (some left out), maybe with a stranger. */
function mutatedObject(keys: string[]) {
  return fc
    .record(Object.fromEntries(keys.map((k) => [k, wrongValue])), { requiredKeys: [] })
    .chain((object) => {
      // JSON.parse makes "__proto__" an own key, as a host receiving JSON would.
      const rest = JSON.stringify(object).slice(1, -1);
      const polluting = JSON.parse(`{"__proto__":{"polluted":true}${rest ? `,${rest}` : ''}}`);
      return fc.constantFrom(object, { ...object, 不存在的字段: 1 }, polluting);
    });
}

let t: TestCore;
let baseline: DatabaseDump;

beforeAll(async () => {
  console.log(`fuzz seed ${seed} (rerun with FUZZ_SEED=${seed})`);
  t = createTestCore();
  // Rows every kind of handler could touch: a whole school, a project, students.
  await seedCompleteProject(t.core);
  await call(t.core, 'students.importCommit', {
    file: upload('在校生.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(5)] })),
  });
  baseline = dumpDatabase(t.dataDir);
}, 60_000);
afterAll(() => t.dispose());

async function expectValidationError(name: HandlerName, input: unknown): Promise<void> {
  const result = await t.core.dispatch(name, input);
  const shown = JSON.stringify(input)?.slice(0, 200);
  if (result.ok) expect.fail(`${name} accepted ${shown}`);
  const { error } = result;
  expect(error.code, `${name} ${shown}: ${error.message}`).toBe('VALIDATION');
  expect(error.message, `${name} ${shown}`).toMatch(chinese);
  const fields = error.details?.fields ?? [];
  expect(fields.length, `${name} ${shown}: no field named`).toBeGreaterThan(0);
  for (const field of fields) {
    expect(field.message, `${name} ${shown}: field ${field.path}`).toMatch(chinese);
  }
}

describe('fuzzing every handler with inputs its schema rejects', () => {
  it('covers the whole contract', () => {
    expect(names.length).toBeGreaterThan(50);
  });

  for (const name of names) {
    it(name, async () => {
      const keys = keysOf(schemaOf(name));
      const arbitrary = fc.oneof(
        { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
        { weight: keys.length > 0 ? 3 : 0, arbitrary: mutatedObject(keys) },
      );
      await fc.assert(
        fc.asyncProperty(
          arbitrary.filter((input) => rejected(name, input)),
          async (input) => {
            await expectValidationError(name, input);
          },
        ),
        { numRuns: RUNS, seed, endOnFailure: true },
      );
      // Nothing any of those calls did is in the data file, and no prototype was polluted.
      expect(dumpDatabase(t.dataDir)).toEqual(baseline);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('inputs the schema accepts but that name nothing', () => {
  /** Well-formed calls about records that do not exist, tried on every handler that takes them. */
  const phantoms: Record<string, unknown>[] = [
    { id: 999_999 },
    { id: 999_999, confirm: true },
    { id: 'auto-20200101T000000Z.sqlite' },
    { projectIds: [999_999] },
    { projectIds: [999_999], acceptDraft: true },
    { ownerType: 'project', ownerId: 999_999 },
    { id: 999_999, displayName: '新名称.pdf' },
    { id: 999_999, status: 'submitted' },
    { id: 999_999, year: 2031 },
  ];

  it('answers each with a Chinese error, never an internal one, and changes nothing', async () => {
    const before = dumpDatabase(t.dataDir);
    let tried = 0;
    for (const name of names) {
      for (const input of phantoms) {
        if (rejected(name, input)) continue;
        tried += 1;
        const result = await t.core.dispatch(name, input);
        if (result.ok) continue;
        const where = `${name} ${JSON.stringify(input)}: ${result.error.message}`;
        expect(result.error.code, where).not.toBe('INTERNAL');
        expect(result.error.message, where).toMatch(chinese);
      }
    }
    expect(tried).toBeGreaterThan(10);
    expect(dumpDatabase(t.dataDir)).toEqual(before);
  });

  it('refuses backup names that point outside the backup folder', async () => {
    for (const name of handlersEndingWith('.delete').filter((n) => n.startsWith('backup.'))) {
      for (const id of ['../pilotdesk.sqlite', '/etc/passwd', '..\\pilotdesk.sqlite']) {
        await expectRefusedUnchanged(t, name, { id });
      }
    }
    for (const name of ['backup.download', 'backup.downloadArchive', 'backup.restore'] as const) {
      await expectRefusedUnchanged(t, name, { id: '../pilotdesk.sqlite' });
    }
  });
});
