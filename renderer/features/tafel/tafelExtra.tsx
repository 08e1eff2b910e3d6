import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { ModusScreen } from './ModusScreen';
import { SamenvoegenScreen } from './SamenvoegenScreen';
import type { TafelScreen } from './tafel.slice';

/** A tab of the area built on another core (combining counts, tafel mode): its screen, label and component. */
export interface TafelExtraTab {
  screen: TafelScreen;
  key: MessageKey;
  Component: ComponentType;
}

/** The extra tabs, in menu order. */
export function tafelExtraTabs(): TafelExtraTab[] {
  return [
    { screen: 'samenvoegen', key: 'tafel.tab.samenvoegen', Component: SamenvoegenScreen },
    { screen: 'modus', key: 'tafel.tab.modus', Component: ModusScreen },
  ];
}
