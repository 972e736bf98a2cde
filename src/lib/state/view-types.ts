// Values that describe the view (where the map looks, how the timeline's lanes are cut): the state
// holds them and the URL carries them, so both name them from here.

export interface MapView {
  lat: number;
  lon: number;
  zoom: number;
}

export type LaneMode = 'category' | 'actor';
