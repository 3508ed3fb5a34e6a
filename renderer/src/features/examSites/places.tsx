import type { PlaceKind, PlaceRef } from '../../../../shared/domain/examSites';
import { t } from '../../i18n';
import { usePlaces } from './examSitesStore';

/** A place as a select's value: 'room:3', 'site:5'. */
export type PlaceValue = `${PlaceKind}:${number}`;

export const placeValue = (place: PlaceRef): PlaceValue => `${place.kind}:${place.id}`;

export function placeOf(value: string): PlaceRef {
  const [kind, id] = value.split(':');
  return { kind: kind === 'room' ? 'room' : 'site', id: Number(id) };
}

/** The grouped options (实训室, 实习实训场所) of a place select. */
export function usePlaceOptions() {
  const { rooms, sites } = usePlaces();
  const text = t.examSites.placeGroups;
  return [
    {
      label: text.room,
      title: text.room,
      options: rooms.map((r) => ({ value: placeValue({ kind: 'room', id: r.id }), label: r.name })),
    },
    {
      label: text.site,
      title: text.site,
      options: sites.map((s) => ({ value: placeValue({ kind: 'site', id: s.id }), label: s.name })),
    },
  ];
}
