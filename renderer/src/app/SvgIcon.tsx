import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import { createElement, type ReactElement } from 'react';

/** An SVG attribute as React names it (`fill-rule` → `fillRule`). */
const reactName = (attr: string) =>
  attr.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

function draw(node: AbstractNode, key: number): ReactElement {
  const props: Record<string, string | number> = { key };
  for (const [attr, value] of Object.entries(node.attrs)) props[reactName(attr)] = value;
  return createElement(node.tag, props, ...(node.children ?? []).map(draw));
}

/**
 * An Ant Design icon drawn from its SVG data (`@ant-design/icons-svg/es/asn/…`) as antd draws it
 * (1em, the text's colour), without antd's icon component, its colour code and its style
 * injection: the frame's sidebar and notices paint before antd has loaded.
 */
export function SvgIcon({ icon }: { icon: IconDefinition }) {
  // Two-tone icons are functions of their colours; the frame's are outlined or filled.
  const svg =
    typeof icon.icon === 'function' ? icon.icon('currentColor', 'currentColor') : icon.icon;
  const attrs = Object.fromEntries(Object.entries(svg.attrs).map(([a, v]) => [reactName(a), v]));
  return createElement(
    'svg',
    { ...attrs, width: '1em', height: '1em', fill: 'currentColor', 'aria-hidden': true },
    ...(svg.children ?? []).map(draw),
  );
}
