/** Error codes that cross the host boundary. The message is always Chinese and fit to show a user. */
export const errorCodes = [
  'VALIDATION',
  'UNKNOWN_HANDLER',
  'FORBIDDEN',
  'NOT_FOUND',
  'DB_NEWER_VERSION',
  'DB_OPEN_FAILED',
  'INTERNAL',
  'CONFLICT',
  'BAD_FILE',
  'DB_CORRUPT',
  'IN_USE',
  /** The action needs the user's explicit confirmation; repeat it with the flag the message names. */
  'NEEDS_CONFIRMATION',
  /** Long work stopped because the user cancelled it; nothing was saved. */
  'CANCELLED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One field-level problem: `path` is the field's dotted path in the input, e.g. `contactPhone`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface PilotErrorShape {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldIssue[] } & Record<string, unknown>;
}

/** What every host returns for one call: never a thrown error across the boundary. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: PilotErrorShape };
