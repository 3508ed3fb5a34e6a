import type { HandlerName, HandlerOutput, ParsedInput } from '../../shared/contract';

export type Handler<N extends HandlerName> = (
  input: ParsedInput<N>,
) => HandlerOutput<N> | Promise<HandlerOutput<N>>;

/** The core's handler table: exactly one function per contract entry. */
export type Handlers = { [N in HandlerName]: Handler<N> };

/** A feature's share of the table. */
export type HandlersFor<K extends HandlerName> = { [N in K]: Handler<N> };
