import { t } from '../i18n';

/** What the content area shows while the core starts or a page's code loads. */
export const opening = (
  <div role="status" aria-label={t.app.openingPage} className="frame-opening">
    <span className="frame-spinner" />
  </div>
);
