import CloseCircleFilled from '@ant-design/icons-svg/es/asn/CloseCircleFilled';
import ExclamationCircleFilled from '@ant-design/icons-svg/es/asn/ExclamationCircleFilled';
import type { CSSProperties, ReactNode } from 'react';
import { SvgIcon } from './SvgIcon';

interface Props {
  type: 'error' | 'warning';
  title: ReactNode;
  description: ReactNode;
  action?: ReactNode;
  style?: CSSProperties;
}

/**
 * An error or warning shown where antd may not have loaded (frame.css draws it like antd's
 * Alert): the app's crash screen, and the web host's refused session.
 */
export function Notice({ type, title, description, action, style }: Props) {
  return (
    <div role="alert" className={`frame-notice frame-notice-${type}`} style={style}>
      <span className="frame-notice-icon" aria-hidden>
        <SvgIcon icon={type === 'error' ? CloseCircleFilled : ExclamationCircleFilled} />
      </span>
      <div className="frame-notice-text">
        <div className="frame-notice-title">{title}</div>
        <div>{description}</div>
      </div>
      {action}
    </div>
  );
}
