import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import type { TrainingRoom } from '../../../../shared/contract/rooms';
import type { TrainingSite } from '../../../../shared/contract/sites';
import { LoadState } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { t } from '../../i18n';
import { SiteFormModal } from '../sites/SiteFormModal';
import { SitesTable } from '../sites/SitesTable';
import { useSites } from '../sites/sitesStore';
import { useRooms } from './roomsStore';
import { RoomFormDrawer } from './RoomFormDrawer';
import { RoomsTable } from './RoomsTable';

type TabKey = 'rooms' | 'sites';

/** 实训条件: training rooms and internship/training sites, one tab each. */
export function FacilitiesPage() {
  const rooms = useRooms();
  const sites = useSites();
  const [tab, setTab] = useState<TabKey>('rooms');
  const [editingRoom, setEditingRoom] = useState<TrainingRoom | 'new' | null>(null);
  const [editingSite, setEditingSite] = useState<TrainingSite | 'new' | null>(null);
  const f = t.facilities;

  const addButton =
    tab === 'rooms' ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingRoom('new')}>
        {t.rooms.add}
      </Button>
    ) : (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingSite('new')}>
        {t.sites.add}
      </Button>
    );

  return (
    <>
      <PageHeader title={f.title} description={f.intro} extra={addButton} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        items={[
          {
            key: 'rooms',
            label: f.tabs.rooms(rooms.items.length),
            children: (
              <LoadState
                state={rooms.load.state}
                error={rooms.load.error}
                onRetry={rooms.load.retry}
              >
                <RoomsTable onEdit={setEditingRoom} />
              </LoadState>
            ),
          },
          {
            key: 'sites',
            label: f.tabs.sites(sites.items.length),
            children: (
              <LoadState
                state={sites.load.state}
                error={sites.load.error}
                onRetry={sites.load.retry}
              >
                <SitesTable onEdit={setEditingSite} />
              </LoadState>
            ),
          },
        ]}
      />
      {editingRoom && (
        <RoomFormDrawer
          room={editingRoom === 'new' ? null : editingRoom}
          saving={rooms.saving}
          onSave={rooms.save}
          onClose={() => setEditingRoom(null)}
        />
      )}
      {editingSite && (
        <SiteFormModal
          site={editingSite === 'new' ? null : editingSite}
          saving={sites.saving}
          onSave={sites.save}
          onClose={() => setEditingSite(null)}
        />
      )}
    </>
  );
}
