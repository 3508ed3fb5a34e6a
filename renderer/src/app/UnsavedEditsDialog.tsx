import { Modal } from 'antd';
import { t } from '../i18n';
import { useUnsavedEdits } from './unsavedEdits';

/**
 * The question every way out of unsaved edits asks. An element, not antd's static
 * Modal.confirm (which antd 5 does not render under React 19); above any dialog or drawer.
 */
export function UnsavedEditsDialog() {
  const question = useUnsavedEdits((s) => s.question);
  return (
    <Modal
      open={question !== null}
      title={t.common.discardTitle}
      okText={t.common.discard}
      cancelText={t.common.keepEditing}
      okButtonProps={{ danger: true }}
      onOk={() => question?.(true)}
      onCancel={() => question?.(false)}
      zIndex={2000}
      // Shown and gone at once: the answer is what matters, and the page behind may be busy.
      transitionName=""
      maskTransitionName=""
      width={400}
      destroyOnHidden
    >
      {t.common.discardContent}
    </Modal>
  );
}
