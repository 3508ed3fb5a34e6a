import type { HandlerInput, HandlerName, HandlerOutput, Topic } from '../../../shared/contract';
import { loadHandlerTopics, readsAny } from './handlerTopics';
import { invoke, messageOf, onPilotEvent } from './client';

export type QueryStatus = 'loading' | 'ready' | 'error';

/** What a view of one query shows. */
export interface QuerySnapshot<T> {
  /** The newest answer; kept on screen while a newer one is fetched. */
  data: T | null;
  state: QueryStatus;
  error: string | null;
  /** A newer answer is on its way. */
  fetching: boolean;
}

/** One query: a handler and its input, the answer, and the views showing it. */
export class QueryEntry<T = unknown> {
  snapshot: QuerySnapshot<T> = { data: null, state: 'loading', error: null, fetching: false };
  readonly listeners = new Set<() => void>();
  /** The fetch on its way (one at a time), and the one asked for while it was. */
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** The newest fetch: when it started (on the call clock) and when it settles. */
  private latest: { started: number; settled: Promise<void> } | null = null;

  constructor(
    readonly key: string,
    readonly name: HandlerName,
    readonly input: unknown,
  ) {}

  /**
   * Fetches again. One fetch at a time: asked while one is on its way, it follows that one (whose
   * answer may predate the change that asked), so answers arrive in order and none is dropped.
   */
  fetch(): Promise<void> {
    if (this.inFlight) {
      this.queued ??= this.inFlight.then(() => {
        this.queued = null;
        return this.fetch();
      });
      return this.queued;
    }
    this.set({
      state: this.snapshot.data === null ? 'loading' : 'ready',
      error: null,
      fetching: true,
    });
    const settled = invoke(this.name, this.input as HandlerInput<HandlerName>)
      .then(
        (data) => this.set({ data: data as T, state: 'ready', fetching: this.queued !== null }),
        (error: unknown) =>
          this.set({ state: 'error', error: messageOf(error), fetching: this.queued !== null }),
      )
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = settled;
    this.latest = { started: ++callClock, settled };
    return settled;
  }

  /** Settles once an answer fetched after the call numbered `call` is on screen. */
  freshSince(call: number): Promise<void> {
    return this.latest && this.latest.started > call ? this.latest.settled : this.fetch();
  }

  private set(patch: Partial<QuerySnapshot<T>>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

/** Orders calls and fetches, so a write can tell which fetches started after it. */
let callClock = 0;

/** Queries no view shows any more, kept for an instant answer when a page opens again. */
const IDLE_KEPT = 40;
const entries = new Map<string, QueryEntry>();
const idle: string[] = [];
let following: (() => void) | null = null;

/** Input as JSON with sorted keys, so equal inputs share one entry. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function queryKey(name: HandlerName, input: unknown): string {
  return `${name} ${stableJson(input ?? {})}`;
}

export function queryEntry<T>(name: HandlerName, input: unknown): QueryEntry<T> {
  followChanges();
  const key = queryKey(name, input);
  let entry = entries.get(key);
  if (!entry) {
    entry = new QueryEntry(key, name, input);
    entries.set(key, entry);
  }
  return entry as QueryEntry<T>;
}

/**
 * A view starts showing the query: the first view fetches it (a page that opens again shows
 * the kept answer at once and refreshes it, e.g. for figures that depend on today's date).
 */
export function watch(entry: QueryEntry, listener: () => void): () => void {
  const { key } = entry;
  const index = idle.indexOf(key);
  if (index >= 0) idle.splice(index, 1);
  entries.set(key, entry); // dropped as stale between the view's render and now: back in
  entry.listeners.add(listener);
  if (entry.listeners.size === 1) entry.fetch();
  return () => {
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    idle.push(key);
    while (idle.length > IDLE_KEPT) entries.delete(idle.shift()!);
  };
}

/**
 * Data of these topics changed: queries on screen that read them fetch again; kept answers
 * of the others are dropped (they would be stale).
 */
export function invalidate(topics: readonly Topic[]): void {
  for (const [key, entry] of entries) {
    if (!readsAny(entry.name, topics)) continue;
    if (entry.listeners.size > 0) {
      entry.fetch();
    } else {
      entries.delete(key);
      const index = idle.indexOf(key);
      if (index >= 0) idle.splice(index, 1);
    }
  }
}

/**
 * The core says what every call changed (in this window or any other): follow it once. The
 * handler-topic map loads when the page is idle: evaluating the contract's schemas before the
 * frame has painted would delay the first paint, and until it arrives every change refetches.
 */
function followChanges() {
  if (following) return;
  requestIdleCallback(() => void loadHandlerTopics(), { timeout: 2000 });
  following = onPilotEvent((event) => {
    if (event.type === 'changed') invalidate(event.topics);
  });
}

/**
 * A write, answered once every view that reads what it changed shows fresh data (the change
 * event usually started those fetches already; otherwise they start now). A page that stays
 * busy until then never offers rows older than the write it just made.
 */
export async function mutate<N extends HandlerName>(
  name: N,
  input: HandlerInput<N>,
): Promise<HandlerOutput<N>> {
  const call = ++callClock;
  const result = await invoke(name, input);
  const writes = (await loadHandlerTopics())[name].writes ?? [];
  const shown = [...entries.values()].filter(
    (entry) => entry.listeners.size > 0 && readsAny(entry.name, writes),
  );
  await Promise.all(shown.map((entry) => entry.freshSince(call)));
  return result;
}
