import { Col, Form, type FormItemProps, type InputNumberProps } from 'antd';
import { isValidElement, type ReactNode } from 'react';
import type { z } from 'zod';
import { dateField } from './DateInput';
import { NumberBox } from './NumberBox';
import { zodRule } from './zodRule';

interface FieldProps extends FormItemProps {
  /** The contract's schema for this field, run first so the form shows the core's message. */
  schema?: z.ZodType;
  /** The grid column the field fills, when it sits in a `<Row>`. */
  span?: number;
  /** The share of a `<Flex>` row the field takes, when it sits in one. */
  flex?: number;
}

/** The id an input was given in place of the form's own, which its label must then point to. */
function inputId(children: FormItemProps['children']): string | undefined {
  if (!isValidElement<{ id?: unknown }>(children)) return undefined;
  return typeof children.props.id === 'string' ? children.props.id : undefined;
}

/** One form field (label, input and the contract's rule), optionally in its grid column. */
export function Field({ schema, span, flex, rules, ...item }: FieldProps) {
  const id = inputId(item.children);
  const field = (
    <Form.Item
      {...(id === undefined ? {} : { htmlFor: id })}
      {...(flex === undefined ? {} : { style: { flex } })}
      {...item}
      rules={schema ? [zodRule(schema), ...(rules ?? [])] : rules}
    />
  );
  return span === undefined ? field : <Col span={span}>{field}</Col>;
}

type Labels<N extends string> = Readonly<Record<N, ReactNode>>;
type Schemas<N extends string> = { readonly [K in N]?: z.ZodType };

/** A field's name with its label and the contract's schema, looked up in its form's. */
export function namedField<N extends string>(
  labels: Labels<N>,
  schemas: Schemas<NoInfer<N>>,
  name: N,
): Pick<FieldProps, 'label' | 'schema'> & { name: N } {
  return { name, label: labels[name], schema: schemas[name] };
}

/** A check of the domain on the value the field's schema parsed: its problem, or null. */
type Check<S> = S extends z.ZodType ? (value: z.output<S>) => string | null : never;

/** A field named `K`, with an optional `check` typed by its schema's output. */
type NamedFieldProps<N extends string, S extends Schemas<N>> = {
  [K in N]: Omit<FieldProps, 'name'> & { name: K; check?: Check<S[K]> };
}[N];

/**
 * One form's Field and DateField, each taking its label and the contract's schema by the field's
 * name (either can still be given, to override), so a field is written as its name, place and
 * input; `check` runs after the schema, on what it parsed (a bound that depends on today, say).
 * Call it once at module level: the components it returns must keep their identity.
 */
export function fieldsOf<N extends string, S extends Schemas<N>>(labels: Labels<N>, schemas: S) {
  const props = ({ name, check, ...item }: NamedFieldProps<N, S>): FieldProps => {
    const named = namedField(labels, schemas, name);
    if (!check || !named.schema) return { ...named, ...item };
    // `check` is typed by this name's schema, which is the one it is paired with here.
    const checked = zodRule(named.schema, '', check as (value: unknown) => string | null);
    return { ...named, ...item, schema: undefined, rules: [checked, ...(item.rules ?? [])] };
  };
  return {
    Field: function NamedField(item: NamedFieldProps<N, S>) {
      return <Field {...props(item)} />;
    },
    DateField: function NamedDateField(item: NamedFieldProps<N, S>) {
      return <DateField {...props(item)} />;
    },
  };
}

/** Select/radio options for a domain's values and their Chinese labels. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

/** A DateInput's field: its typed-date check, then the schema and `rules`, on leaving the field. */
export function DateField({ schema, rules = [], ...item }: FieldProps) {
  return <Field {...item} {...dateField(...(schema ? [zodRule(schema)] : []), ...rules)} />;
}

/** A number box as wide as its field. */
export function NumberInput(props: InputNumberProps<number>) {
  return <NumberBox style={{ width: '100%' }} {...props} />;
}

/**
 * An amount as the box shows it once left: two decimals (480 → 480.00), but an amount with more
 * (499.999) as typed. While typing, the text as typed.
 */
const moneyText = (
  value: number | string | undefined,
  info: { userTyping: boolean; input: string },
) => {
  if (info.userTyping) return info.input;
  const text = value === undefined ? '' : String(value);
  return /^-?\d+(\.\d{0,2})?$/.test(text) ? Number(text).toFixed(2) : text;
};

/**
 * An amount in yuan (¥, two decimals). No min: the box would report an amount below it (-5) as
 * empty, so the field said 请填写, and on leaving silently change it to the min; without one the
 * contract's rule says what is wrong with what was typed. No precision either: it rounded on
 * leaving, so 499.999 became 500.00 unasked; the field's rule refuses a third decimal instead.
 */
export function MoneyInput(props: InputNumberProps<number>) {
  return <NumberInput formatter={moneyText} prefix="¥" {...props} />;
}
