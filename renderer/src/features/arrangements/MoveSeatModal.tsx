import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ArrangedCandidate, ArrangementPlan } from '../../../../shared/contract/arrangements';
import { messageOf, PilotError } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { formatDate } from '../../components/format';
import { t } from '../../i18n';

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
  const { message, modal } = App.useApp();
  const [roomId, setRoomId] = useState(candidate.examRoomId ?? plan.rooms[0]?.id);
  const [sessionId, setSessionId] = useState(candidate.sessionId ?? plan.sessions[0]?.id);
  const [seat, setSeat] = useState<number | null>(candidate.seat ?? 1);
  const [busy, setBusy] = useState(false);

  const move = async (confirmPrinted: boolean): Promise<void> => {
    if (seat === null || roomId === undefined || sessionId === undefined) {
      message.error(text.incomplete);
      return;
    }
    setBusy(true);
    try {
      await mutate('arrangements.move', {
        signupId: candidate.signupId,
        examRoomId: roomId,
        sessionId,
        seat,
        confirmPrinted,
      });
      message.success(text.moved);
      onClose();
    } catch (e) {
      if (e instanceof PilotError && e.shape.code === 'NEEDS_CONFIRMATION') {
        modal.confirm({
          title: t.arrangements.run.printedTitle,
          content: e.shape.message,
          okText: t.arrangements.run.printedOk,
          cancelText: t.common.cancel,
          onOk: () => move(true),
        });
      } else {
        message.error(`${t.common.requestFailed}：${messageOf(e)}`, 8);
      }
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
      onOk={() => void move(false)}
      onCancel={onClose}
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
          <InputNumber id="move-seat" min={1} max={1000} value={seat} onChange={setSeat} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
