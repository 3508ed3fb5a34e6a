import { createCache } from '@ant-design/cssinjs';

/**
 * antd's style cache, changed to keep a component's generated styles after its last instance
 * unmounts. By default the entry goes with it, so every page visit generated and parsed the same
 * styles again (about a third of the script time of opening 首页 with its tables and charts).
 * The style elements stay in the document either way; one theme, so the cache stays small.
 */
export function keepingStyleCache(): ReturnType<typeof createCache> {
  const cache = createCache();
  const update = cache.opUpdate.bind(cache);
  cache.opUpdate = (key, valueFn) =>
    update(key, (previous) => {
      const next = valueFn(previous);
      return next === null && previous ? [0, previous[1]] : next;
    });
  return cache;
}
