import { useCallback, useState } from 'react';
import type { Usage } from '../../../shared/contract/usage';
import type { QueryResult } from '../api/useQuery';

/** The writes of one list the core owns; the list itself is a query and reloads on its own. */
export interface CrudApi<T extends { id: number }, SaveInput> {
  /** Create (no id) or update; rejects with PilotError (field details included). */
  save(input: SaveInput): Promise<T>;
  usage(id: number): Promise<Usage>;
  remove(id: number, force: boolean): Promise<unknown>;
}

/** A list page's data: the list query's rows and states, and the writes with a saving flag. */
export function useCrud<T extends { id: number }, SaveInput>(
  query: QueryResult<T[]>,
  api: CrudApi<T, SaveInput>,
) {
  const [saving, setSaving] = useState(false);
  const save = useCallback(
    async (input: SaveInput) => {
      setSaving(true);
      try {
        return await api.save(input);
      } finally {
        setSaving(false);
      }
    },
    [api],
  );
  const remove = useCallback(
    async (id: number, force: boolean) => {
      await api.remove(id, force);
    },
    [api],
  );
  return {
    items: query.data ?? [],
    /** The list's loading state and its retry, as RecordListPage takes them. */
    load: { state: query.state, error: query.error, retry: query.retry },
    saving,
    save,
    usage: api.usage,
    remove,
  };
}
