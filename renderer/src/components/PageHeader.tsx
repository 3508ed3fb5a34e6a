import { Flex, Typography } from 'antd';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { TOAST_TOP_VAR } from './toastTop';

interface Props {
  title: string;
  description?: ReactNode;
  /** The page's primary action, shown on the right. */
  extra?: ReactNode;
}

/**
 * Keeps toasts below the page title: records where the title ends (before any scrolling) in
 * TOAST_TOP_VAR, again whenever the page above it changes height (the weekly-report banner).
 */
function useToastsBelow(title: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const update = () => {
      const box = title.current?.getBoundingClientRect();
      if (!box) return;
      const top = `${Math.round(box.bottom + window.scrollY + 8)}px`;
      // A new value restyles the whole page: set it only when it moved.
      const root = document.documentElement.style;
      if (root.getPropertyValue(TOAST_TOP_VAR) !== top) root.setProperty(TOAST_TOP_VAR, top);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [title]);
}

export function PageHeader({ title, description, extra }: Props) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useToastsBelow(titleRef);
  return (
    // When the actions do not fit beside the title, they wrap onto their own line (right-aligned)
    // instead of squeezing the title into a narrow column or running off the screen. The title
    // keeps 480 px, about 34 characters a line: at 320 费用台账's and 试点经费's descriptions ran
    // to four and seven lines beside their four buttons at 1280 and 1366 px.
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div style={{ flex: '1 1 480px', minWidth: 0 }}>
        <Typography.Title ref={titleRef} level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && (
          <Typography.Text
            type="secondary"
            data-testid="page-description"
            style={{ display: 'block', marginTop: 4 }}
          >
            {description}
          </Typography.Text>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap justify="flex-end" style={{ marginLeft: 'auto' }}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
