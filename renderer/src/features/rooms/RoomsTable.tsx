import { Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useListSearch } from '../../components/useListSearch';
import type { Equipment, TrainingRoom } from '../../../../shared/contract/rooms';
import { DataTable } from '../../components/DataTable';
import { byText, formatFen } from '../../components/format';
import { t } from '../../i18n';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useRooms } from './roomsStore';
import { editDeleteColumn } from '../../components/editDeleteColumn';

function EquipmentList({ room }: { room: TrainingRoom }) {
  const eq = t.rooms.equipment;
  const columns: ColumnsType<Equipment> = [
    { title: eq.name, dataIndex: 'name' },
    { title: eq.model, dataIndex: 'model' },
    { title: eq.quantity, dataIndex: 'quantity', align: 'right' },
    {
      title: eq.unitValue,
      dataIndex: 'unitValueFen',
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
    {
      title: eq.lineTotal,
      dataIndex: 'totalValueFen',
      align: 'right',
      render: (fen: number) => formatFen(fen),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Table<Equipment>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={room.equipment}
        pagination={false}
        locale={{ emptyText: eq.empty }}
        data-testid={`room-equipment-${room.id}`}
      />
      <AttachmentsPanel
        ownerType="room"
        ownerId={room.id}
        kinds={['room_photo', 'other']}
        title={t.rooms.attachmentsTitle}
        description={t.rooms.attachmentsDescription}
      />
    </Flex>
  );
}

interface Props {
  onEdit: (room: TrainingRoom) => void;
}

/** A room is found by its name or an item of its equipment. */
const roomTexts = (room: TrainingRoom) => [room.name, ...room.equipment.map((e) => e.name)];

export function RoomsTable({ onEdit }: Props) {
  const { items, usage, remove } = useRooms();
  const r = t.rooms;
  const { rows, box } = useListSearch(items, roomTexts, r.searchPlaceholder);
  const grandTotal = rows.reduce((sum, room) => sum + room.totalValueFen, 0);

  const columns: ColumnsType<TrainingRoom> = [
    {
      title: r.fields.name,
      dataIndex: 'name',
      defaultSortOrder: 'ascend',
      sorter: (a, b) => byText(a.name, b.name),
    },
    {
      title: r.fields.areaM2,
      dataIndex: 'areaM2',
      align: 'right',
      sorter: (a, b) => a.areaM2 - b.areaM2,
    },
    {
      title: r.fields.workstations,
      dataIndex: 'workstations',
      align: 'right',
      sorter: (a, b) => a.workstations - b.workstations,
    },
    {
      title: r.fields.equipmentKinds,
      key: 'equipment',
      render: (_, room) => r.equipmentSummary(room.equipmentCount, room.equipmentQuantity),
      sorter: (a, b) => a.equipmentQuantity - b.equipmentQuantity,
    },
    {
      title: r.fields.totalValue,
      dataIndex: 'totalValueFen',
      align: 'right',
      render: (fen: number) => formatFen(fen),
      sorter: (a, b) => a.totalValueFen - b.totalValueFen,
    },
    editDeleteColumn<TrainingRoom>({
      kind: 'room',
      testKey: (room) => room.id,
      what: (room) => `实训室“${room.name}”`,
      deleted: (room) => r.deleted(room.name),
      onEdit,
      usage,
      remove,
    }),
  ];

  return (
    <>
      <Flex gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
        {box}
        <Typography.Text type="secondary" data-testid="rooms-grand-total">
          {r.grandTotal(rows.length, formatFen(grandTotal))}
        </Typography.Text>
      </Flex>
      <DataTable<TrainingRoom>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        expandable={{ expandedRowRender: (room) => <EquipmentList room={room} /> }}
        emptyHint={items.length ? r.noMatch : r.emptyHint}
        data-testid="rooms-table"
      />
    </>
  );
}
