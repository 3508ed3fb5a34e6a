// The one place antd's own number box is used; everything else takes NumberBox.
// eslint-disable-next-line no-restricted-imports
import { InputNumber, type InputNumberProps } from 'antd';
import { halfWidthNumber } from '../../../shared/domain/text';

/**
 * antd's own clean-up of the typed text (separators, ¥ and units dropped) after a Chinese
 * keyboard's full-width digits are made half-width: its default drops ３００ entirely, leaving the
 * box empty and the form saying 请填写. rc-input-number reads a parser's answer as text (its own
 * default returns a string), whatever the prop's type says.
 */
const parseTyped = ((text?: string) =>
  halfWidthNumber(text ?? '').replace(/[^\w.-]+/g, '')) as unknown as (text?: string) => number;

/**
 * antd's InputNumber that also reads full-width digits (３００) and 。 as a decimal point: every
 * number box of the app is one (formFields' NumberInput is one as wide as its field).
 */
export function NumberBox(props: InputNumberProps<number>) {
  return <InputNumber<number> parser={parseTyped} {...props} />;
}
