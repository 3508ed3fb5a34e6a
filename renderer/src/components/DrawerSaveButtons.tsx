import { Button, Space } from 'antd';
import { t } from '../i18n';

/** An edit drawer's 取消 and 保存; 保存's tooltip names the shortcut useSaveShortcut binds. */
export function DrawerSaveButtons({
  saving,
  onCancel,
  onSave,
}: {
  saving?: boolean;
  onCancel: () => void;
  onSave: () => unknown;
}) {
  return (
    <Space>
      <Button onClick={onCancel}>{t.common.cancel}</Button>
      <Button
        type="primary"
        loading={saving}
        onClick={() => void onSave()}
        title={t.common.saveShortcut}
      >
        {t.common.save}
      </Button>
    </Space>
  );
}
