import type { HandlerName, HandlerTopics, Topic } from '../../../shared/contract';
import { topicsTouched } from '../../../shared/contract/topics';

type TopicMap = { readonly [N in HandlerName]: HandlerTopics };

let loading: Promise<TopicMap> | undefined;
let loaded: TopicMap | undefined;

/**
 * What each handler reads and writes. The map sits beside the zod schemas in the contract, so
 * importing it statically would put every schema in the first-paint JavaScript (capped by renderer/firstPaint.mts); it
 * loads when the first query starts, after the frame has painted.
 */
export function loadHandlerTopics(): Promise<TopicMap> {
  loading ??= import('../../../shared/contract').then((contract) => {
    loaded = contract.handlerTopics;
    return loaded;
  });
  return loading;
}

/**
 * Whether a change of `topics` can make `name`'s answer stale. Until the map has loaded every
 * answer counts as touched: refetching too much is safe, showing stale data is not.
 */
export function readsAny(name: HandlerName, topics: readonly Topic[]): boolean {
  return loaded === undefined || topicsTouched(loaded[name], topics);
}
