import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, Select, Typography } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import { useEffect, useState } from 'react';
import type {
  ArrangementPlan,
  ArrangementSetupInput,
} from '../../../../shared/contract/arrangements';
import {
  defaultRoomCapacity,
  normalizeTime,
  SESSION_TIME,
} from '../../../../shared/domain/arrangement';
import { parseTypedDate } from '../../../../shared/domain/dates';
import { messageOf } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { DateInput } from '../../components/DateInput';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { t } from '../../i18n';
import { useConfirmedRun } from '../../components/useConfirmedRun';
import { printedConfirm } from './printedConfirm';

const text = t.arrangements.setup;

type RoomRow = ArrangementSetupInput['rooms'][number];
type SessionRow = ArrangementSetupInput['sessions'][number];

/** Rooms (a 实训室 or a typed name, capacity from its 工位数), sessions and the ticket pattern. */
export function SetupCard({
  plan,
  onDirtyChange,
}: {
  plan: ArrangementPlan;
  /** Told whether rooms, sessions or the pattern are typed and not saved. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { message } = App.useApp();
  const askPrinted = useConfirmedRun(printedConfirm);
  const trainingRooms = useQuery('rooms.list', {}).data ?? [];
  const [rooms, setRooms] = useState<RoomRow[]>(() =>
    plan.rooms.map(({ id, roomId, name, capacity }) => ({ id, roomId, name, capacity })),
  );
  const [sessions, setSessions] = useState<SessionRow[]>(() =>
    plan.sessions.map(({ id, date, start, end }) => ({ id, date, start, end })),
  );
  const [pattern, setPattern] = useState(plan.ticketPattern);
  const [batchCode, setBatchCode] = useState(plan.batchCode);
  const [busy, setBusy] = useState(false);
  const snapshot = JSON.stringify({ rooms, sessions, pattern, batchCode });
  const [saved, setSaved] = useState(snapshot);
  // Leaving with rooms or sessions typed and not saved asks first.
  useUnsavedGuard(snapshot !== saved);
  useEffect(() => onDirtyChange?.(snapshot !== saved), [snapshot, saved, onDirtyChange]);

  const setRoom = (i: number, patch: Partial<RoomRow>) =>
    setRooms((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setSession = (i: number, patch: Partial<SessionRow>) =>
    setSessions((list) => list.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  /** What is wrong with the rows as typed, each naming its room or session; [] when none. */
  const problems = (): string[] => {
    const found: string[] = [];
    rooms.forEach((room, i) => {
      if (room.name.trim() === '') found.push(text.roomNameMissing(i + 1));
    });
    sessions.forEach((session, i) => {
      const date = parseTypedDate(session.date ?? '');
      if (!date.ok) found.push(text.sessionDate(i + 1, date.message));
      const start = normalizeTime(session.start);
      const end = normalizeTime(session.end);
      const bad = (typed: string) => !SESSION_TIME.test(normalizeTime(typed));
      if (bad(session.start)) found.push(text.sessionTime(i + 1, text.start, session.start));
      if (bad(session.end)) found.push(text.sessionTime(i + 1, text.end, session.end));
      if (!bad(session.start) && !bad(session.end) && start >= end) {
        found.push(text.sessionOrder(i + 1));
      }
    });
    return found;
  };

  const save = async () => {
    const wrong = problems();
    if (wrong.length > 0) {
      message.error(`${t.common.requestFailed}：${wrong.join('；')}`, 8);
      return;
    }
    setBusy(true);
    try {
      // A change the printed tickets show (room, time, number) asks first.
      const result = await askPrinted((confirmPrinted) =>
        mutate('arrangements.setup', {
          batchId: plan.batchId,
          rooms,
          sessions,
          ticketPattern: pattern,
          batchCode,
          confirmPrinted,
        }),
      );
      if (result === null) return;
      // The saved rows carry their ids: edits after this keep the seats.
      const next = {
        rooms: result.rooms.map(({ id, roomId, name, capacity }) => ({
          id,
          roomId,
          name,
          capacity,
        })),
        sessions: result.sessions.map(({ id, date, start, end }) => ({ id, date, start, end })),
        pattern: result.ticketPattern,
        batchCode: result.batchCode,
      };
      setRooms(next.rooms);
      setSessions(next.sessions);
      setPattern(next.pattern);
      setBatchCode(next.batchCode);
      setSaved(JSON.stringify(next));
      message.success(text.saved);
    } catch (e) {
      message.error(`${t.common.requestFailed}：${messageOf(e)}`, 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={text.title}
      size="small"
      extra={
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="setup-save">
          {text.save}
        </Button>
      }
    >
      <Flex gap={32} wrap>
        <Flex vertical gap={8} style={{ minWidth: 480 }}>
          <Typography.Text strong>{text.rooms}</Typography.Text>
          {rooms.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noRooms} />
          )}
          {rooms.map((room, i) => (
            <Flex key={room.id ?? `new-${i}`} gap={8} align="center" data-testid={`room-row-${i}`}>
              <Typography.Text type="secondary">{`${i + 1}.`}</Typography.Text>
              <Select
                id={`room-training-${i}`}
                allowClear
                style={{ width: 180 }}
                placeholder={text.trainingRoomPlaceholder}
                aria-label={text.trainingRoom}
                value={room.roomId ?? undefined}
                options={trainingRooms.map((r) => ({ value: r.id, label: r.name }))}
                onChange={(id?: number) => {
                  const picked = trainingRooms.find((r) => r.id === id);
                  setRoom(
                    i,
                    picked
                      ? {
                          roomId: picked.id,
                          name: picked.name,
                          capacity: defaultRoomCapacity(picked.workstations),
                        }
                      : { roomId: null },
                  );
                }}
              />
              <Input
                id={`room-name-${i}`}
                style={{ width: 160 }}
                placeholder={text.name}
                value={room.name}
                onChange={(e) => setRoom(i, { name: e.target.value })}
              />
              <NumberBox
                id={`room-capacity-${i}`}
                min={1}
                max={1000}
                style={{ width: 110 }}
                addonAfter="人"
                value={room.capacity}
                onChange={(v) => setRoom(i, { capacity: v ?? 1 })}
              />
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={text.remove}
                onClick={() => setRooms((list) => list.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              setRooms((list) => [
                ...list,
                {
                  roomId: null,
                  name: `第${list.length + 1}考场`,
                  capacity: defaultRoomCapacity(0),
                },
              ])
            }
          >
            {text.addRoom}
          </Button>
        </Flex>
        <Flex vertical gap={8} style={{ minWidth: 380 }}>
          <Typography.Text strong>{text.sessions}</Typography.Text>
          {sessions.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text.noSessions} />
          )}
          {sessions.map((session, i) => (
            <Flex key={session.id ?? `new-${i}`} gap={8} align="center">
              <Typography.Text type="secondary">{`第${i + 1}场`}</Typography.Text>
              <DateInput
                id={`session-date-${i}`}
                style={{ width: 160 }}
                value={session.date || null}
                onChange={(date) => setSession(i, { date: date ?? '' })}
              />
              <Input
                id={`session-start-${i}`}
                style={{ width: 80 }}
                aria-label={text.start}
                placeholder={text.timePlaceholder}
                value={session.start}
                onChange={(e) => setSession(i, { start: e.target.value })}
              />
              –
              <Input
                id={`session-end-${i}`}
                style={{ width: 80 }}
                aria-label={text.end}
                placeholder="11:00"
                value={session.end}
                onChange={(e) => setSession(i, { end: e.target.value })}
              />
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={text.remove}
                onClick={() => setSessions((list) => list.filter((_, j) => j !== i))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              setSessions((list) => [
                ...list,
                { date: list[list.length - 1]?.date ?? '', start: '09:00', end: '11:00' },
              ])
            }
          >
            {text.addSession}
          </Button>
          <Typography.Text strong style={{ marginTop: 8 }}>
            {text.pattern}
          </Typography.Text>
          <Flex gap={8}>
            <Input
              id="ticket-pattern"
              style={{ width: 220 }}
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
            />
            <Input
              id="batch-code"
              // The addon takes ~80 px: what is left holds “例如 2011” and a typed code whole.
              style={{ width: 190 }}
              addonBefore={text.batchCode}
              placeholder={text.batchCodePlaceholder}
              value={batchCode}
              onChange={(e) => setBatchCode(e.target.value)}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ maxWidth: 380 }}>
            {text.patternHelp}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
