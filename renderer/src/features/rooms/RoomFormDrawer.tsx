import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Drawer, Empty, Flex, Form, Input, Row, Typography } from 'antd';
import { NumberBox } from '../../components/NumberBox';
import { useState } from 'react';
import {
  equipmentFields,
  roomFields,
  type RoomSaveInput,
  type TrainingRoom,
} from '../../../../shared/contract/rooms';
import { fenToYuan, yuanToFen } from '../../../../shared/domain/money';
import { focusFirstField } from '../../components/focusFirstField';
import { formatFen } from '../../components/format';
import { reportSaveError, validatedValues } from '../../components/formErrors';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { useSaveShortcut } from '../../components/useSaveShortcut';
import { t } from '../../i18n';
import { DrawerSaveButtons } from '../../components/DrawerSaveButtons';
import { Field, fieldsOf, MoneyInput, NumberInput } from '../../components/formFields';

interface EquipmentValues {
  id?: number;
  name?: string;
  model?: string;
  quantity?: number | null;
  unitValue?: number | null;
}

interface RoomValues {
  name?: string;
  areaM2?: number | null;
  workstations?: number | null;
  equipment?: EquipmentValues[];
}

interface Props {
  room: TrainingRoom | null;
  saving: boolean;
  onSave: (input: RoomSaveInput) => Promise<TrainingRoom>;
  onClose: () => void;
}

function toFormValues(room: TrainingRoom | null): RoomValues {
  if (!room) return { workstations: 0, equipment: [] };
  return {
    name: room.name,
    areaM2: room.areaM2,
    workstations: room.workstations,
    equipment: room.equipment.map((e) => ({
      id: e.id,
      name: e.name,
      model: e.model,
      quantity: e.quantity,
      unitValue: fenToYuan(e.unitValueFen),
    })),
  };
}

/** Fen of one form line, or 0 while it is incomplete. */
function lineFen(line: EquipmentValues | undefined): number {
  const unit = line?.unitValue == null ? undefined : yuanToFen(line.unitValue);
  const quantity = line?.quantity ?? 0;
  return unit === undefined || !Number.isInteger(quantity) ? 0 : unit * quantity;
}

const { Field: RoomField } = fieldsOf(t.rooms.fields, roomFields);

const col = { name: 6, model: 5, quantity: 3, unitValue: 4, total: 4, remove: 2 };

/**
 * Create or edit a room with its equipment list edited inline (add and remove rows); the whole
 * room is saved in one call, which the core writes in one transaction.
 */
export function RoomFormDrawer({ room, saving, onSave, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RoomValues>();
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedGuard(dirty);
  const cancel = () => guard(onClose);
  const equipment = Form.useWatch('equipment', form);
  const r = t.rooms;
  const eq = r.equipment;
  const totalFen = (equipment ?? []).reduce((sum, line) => sum + lineFen(line), 0);

  const submit = async () => {
    const values = await validatedValues<RoomValues>(form, message);
    if (!values) return;
    const input = {
      name: values.name,
      areaM2: values.areaM2,
      workstations: values.workstations,
      equipment: (values.equipment ?? []).map((line) => ({
        ...(line.id ? { id: line.id } : {}),
        name: line.name,
        model: line.model ?? '',
        quantity: line.quantity,
        unitValue: line.unitValue,
      })),
    } as RoomSaveInput;
    try {
      await onSave(room ? { ...input, id: room.id } : input);
      message.success(r.saved);
      setDirty(false);
      onClose();
    } catch (error) {
      reportSaveError(form, message, error);
    }
  };

  useSaveShortcut(submit);

  return (
    <Drawer
      open
      width={960}
      title={room ? r.editTitle : r.addTitle}
      onClose={cancel}
      maskClosable={false}
      afterOpenChange={focusFirstField('room')}
      extra={<DrawerSaveButtons saving={saving} onCancel={cancel} onSave={submit} />}
    >
      <Form
        form={form}
        name="room"
        layout="vertical"
        initialValues={toFormValues(room)}
        onValuesChange={() => setDirty(true)}
      >
        <Row gutter={16}>
          <RoomField span={12} name="name" required>
            <Input placeholder={r.placeholders.name} />
          </RoomField>
          <RoomField span={6} name="areaM2" required>
            <NumberInput min={0} precision={2} />
          </RoomField>
          <RoomField span={6} name="workstations" required>
            <NumberInput min={0} precision={0} />
          </RoomField>
        </Row>
        <Typography.Title level={5}>{r.fields.equipment}</Typography.Title>
        <Form.List name="equipment">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Row gutter={8} style={{ marginBottom: 4 }}>
                  <Col span={col.name}>
                    <Typography.Text strong>{eq.name}</Typography.Text>
                  </Col>
                  <Col span={col.model}>
                    <Typography.Text strong>{eq.model}</Typography.Text>
                  </Col>
                  <Col span={col.quantity}>
                    <Typography.Text strong>{eq.quantity}</Typography.Text>
                  </Col>
                  <Col span={col.unitValue}>
                    <Typography.Text strong>{eq.unitValue}</Typography.Text>
                  </Col>
                  <Col span={col.total} style={{ textAlign: 'right' }}>
                    <Typography.Text strong>{eq.lineTotal}</Typography.Text>
                  </Col>
                </Row>
              )}
              {fields.length === 0 && (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={eq.empty} />
              )}
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} data-testid={`equipment-row-${index}`}>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <NumberBox />
                  </Form.Item>
                  <Col span={col.name}>
                    <Field name={[field.name, 'name']} schema={equipmentFields.name}>
                      <Input placeholder={eq.name} />
                    </Field>
                  </Col>
                  <Col span={col.model}>
                    <Field name={[field.name, 'model']} schema={equipmentFields.model}>
                      <Input placeholder={eq.model} />
                    </Field>
                  </Col>
                  <Col span={col.quantity}>
                    <Field name={[field.name, 'quantity']} schema={equipmentFields.quantity}>
                      <NumberInput min={1} precision={0} />
                    </Field>
                  </Col>
                  <Col span={col.unitValue}>
                    <Field name={[field.name, 'unitValue']} schema={equipmentFields.unitValue}>
                      <MoneyInput />
                    </Field>
                  </Col>
                  <Col span={col.total} style={{ textAlign: 'right', paddingTop: 5 }}>
                    <Typography.Text data-testid={`equipment-total-${index}`}>
                      {formatFen(lineFen(equipment?.[index]))}
                    </Typography.Text>
                  </Col>
                  <Col span={col.remove}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={eq.remove}
                      title={eq.remove}
                      onClick={() => {
                        remove(field.name);
                        setDirty(true);
                      }}
                    />
                  </Col>
                </Row>
              ))}
              <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ model: '', quantity: 1 })}
                >
                  {eq.add}
                </Button>
                <Typography.Text strong data-testid="equipment-grand-total">
                  {eq.total(formatFen(totalFen))}
                </Typography.Text>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
