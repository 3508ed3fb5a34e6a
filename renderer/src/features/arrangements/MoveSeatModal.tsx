import { App, Form, Modal, Select } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import { useState } from 'react';
import type { ArrangedCandidate, ArrangementPlan } from '../../../../shared/contract/arrangements';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { formatDate } from '../../components/format';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useConfirmedRun } from '../../components/useConfirmedRun';
import { printedConfirm } from './printedConfirm';

const text = t.arrangements.move;

/** Moves one candidate to a seat; someone already there takes the candidate's old seat. */
export function MoveSeatModal({
  plan,
  candidate,
  onClose,
}: {
  plan: ArrangementPlan;
  candidate: ArrangedCandidate;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const [roomId, setRoomId] = useState(candidate.examRoomId ?? plan.rooms[0]?.id);
  const [sessionId, setSessionId] = useState(candidate.sessionId ?? plan.sessions[0]?.id);
  const [seat, setSeat] = useState<number | null>(candidate.seat ?? 1);
  const [busy, setBusy] = useState(false);

  const askPrinted = useConfirmedRun(printedConfirm);
  // A seat chosen and not yet moved to: Esc, the X and 取消 ask first.
  const changed =
    roomId !== (candidate.examRoomId ?? plan.rooms[0]?.id) ||
    sessionId !== (candidate.sessionId ?? plan.sessions[0]?.id) ||
    seat !== (candidate.seat ?? 1);
  const guard = useUnsavedGuard(changed);
  const close = () => {
    if (!busy) guard(onClose);
  };

  const move = async (): Promise<void> => {
    if (seat === null || roomId === undefined || sessionId === undefined) {
      message.error(text.incomplete);
      return;
    }
    setBusy(true);
    try {
      const moved = await askPrinted((confirmPrinted) =>
        mutate('arrangements.move', {
          signupId: candidate.signupId,
          examRoomId: roomId,
          sessionId,
          seat,
          confirmPrinted,
        }),
      );
      if (moved === null) return;
      message.success(text.moved);
      onClose();
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`, 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={text.title(candidate.name)}
      okText={text.ok}
      cancelText={t.common.cancel}
      confirmLoading={busy}
      onOk={() => void move()}
      onCancel={close}
    >
      <Form layout="vertical">
        <Form.Item label={text.room}>
          <Select
            id="move-room"
            value={roomId}
            onChange={setRoomId}
            options={plan.rooms.map((r) => ({
              value: r.id,
              label: `${r.no}. ${r.name}（${r.capacity}）`,
            }))}
          />
        </Form.Item>
        <Form.Item label={text.session}>
          <Select
            id="move-session"
            value={sessionId}
            onChange={setSessionId}
            options={plan.sessions.map((s) => ({
              value: s.id,
              label: `第${s.no}场 ${formatDate(s.date)} ${s.start}–${s.end}`,
            }))}
          />
        </Form.Item>
        <Form.Item label={text.seat}>
          <NumberBox id="move-seat" min={1} max={1000} value={seat} onChange={setSeat} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
