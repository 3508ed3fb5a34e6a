import type {
  ErrorCode,
  ErrorDetails,
  FieldIssue,
  PilotErrorShape,
} from '../../shared/contract/errors';

/**
 * An error the core raises on purpose: its message is Chinese and shown to the user as is; its
 * details are typed by its code.
 */
export class CoreError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C> | undefined;

  constructor(code: C, message: string, details?: ErrorDetails<C>) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.details = details;
  }

  toShape(): PilotErrorShape {
    // TypeScript cannot follow `C` into the union member; the constructor tied code to details.
    return (
      this.details === undefined
        ? { code: this.code, message: this.message }
        : { code: this.code, message: this.message, details: this.details }
    ) as PilotErrorShape;
  }
}

export function validationError(fields: FieldIssue[]): CoreError<'VALIDATION'> {
  // Field messages name the field in Chinese already; paths stay in details for the form.
  const summary = fields.map((f) => f.message).join('；');
  return new CoreError('VALIDATION', `输入有误，未保存。${summary}`, { fields });
}

/** Refuses the input on one field when a check of the domain found a problem there (null: none). */
export function refuseField(path: string, problem: string | null): void {
  if (problem !== null) throw validationError([{ path, message: problem }]);
}

/** What a NOT_FOUND message tells the user after naming the missing record. */
export type NotFoundAdvice =
  '可能已被删除，请刷新列表' | '可能已被删除，请刷新' | '请刷新列表' | '请刷新';

/** Record `id` of `what` is gone: “学生不存在（编号 7），可能已被删除，请刷新列表。” */
export function notFoundError(
  what: string,
  id: number,
  advice: NotFoundAdvice = '可能已被删除，请刷新列表',
): CoreError<'NOT_FOUND'> {
  return new CoreError('NOT_FOUND', `${what}不存在（编号 ${id}），${advice}。`);
}

/** `value` when the record was found, else the NOT_FOUND of `notFoundError`. */
export function mustExist<T>(
  value: T | null | undefined,
  what: string,
  id: number,
  advice?: NotFoundAdvice,
): T {
  if (value === null || value === undefined) throw notFoundError(what, id, advice);
  return value;
}
