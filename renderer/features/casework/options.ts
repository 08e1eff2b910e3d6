import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { MeldConclusie, MeldKanaal, MelderType } from '../../../shared/casework/melding.schema';
import { AfsluitReden, Fase, GegevenDoor, JournaalSoort, OpvangSoort, PolitiecontactSoort, ProcedureSoort, ProcedureStatus, ToestemmingDoel, Verwijzer } from '../../../shared/casework/traject.schema';
import type { MessageKey } from '../../i18n/translate';

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Option lists for pick lists, built from the shared enums so a new value shows up everywhere. */
export const optionLists = {
  fase: (t: Translate) => Fase.options.map((v) => ({ value: v, label: t(`cw.fase.${v}`) })),
  vorm: (t: Translate) => Uitbuitingsvorm.options.map((v) => ({ value: v, label: t(`cw.vorm.${v}`) })),
  reden: (t: Translate) => AfsluitReden.options.map((v) => ({ value: v, label: t(`cw.reden.${v}`) })),
  verwijzer: (t: Translate) => Verwijzer.options.map((v) => ({ value: v, label: t(`cw.verwijzer.${v}`) })),
  opvang: (t: Translate) => OpvangSoort.options.map((v) => ({ value: v, label: t(`cw.opvang.${v}`) })),
  procedure: (t: Translate) => ProcedureSoort.options.map((v) => ({ value: v, label: t(`cw.procedure.${v}`) })),
  politie: (t: Translate) => PolitiecontactSoort.options.map((v) => ({ value: v, label: t(`cw.politie.soort.${v}`) })),
  pstatus: (t: Translate) => ProcedureStatus.options.map((v) => ({ value: v, label: t(`cw.pstatus.${v}`) })),
  doel: (t: Translate) => ToestemmingDoel.options.map((v) => ({ value: v, label: t(`cw.doel.${v}`) })),
  gegevenDoor: (t: Translate) => GegevenDoor.options.map((v) => ({ value: v, label: t(`cw.gegevenDoor.${v}`) })),
  jsoort: (t: Translate) => JournaalSoort.options.map((v) => ({ value: v, label: t(`cw.jsoort.${v}`) })),
  kanaal: (t: Translate) => MeldKanaal.options.map((v) => ({ value: v, label: t(`cw.kanaal.${v}`) })),
  melder: (t: Translate) => MelderType.options.map((v) => ({ value: v, label: t(`cw.melder.${v}`) })),
  conclusie: (t: Translate) => MeldConclusie.options.map((v) => ({ value: v, label: t(`cw.conclusie.${v}`) })),
  meldingVorm: (t: Translate) => [...Uitbuitingsvorm.options, 'onbekend' as const, 'geen' as const].map((v) => ({ value: v, label: t(`cw.vorm.${v}`) })),
};

/** Yes / no / unknown as a form holds it ('' is "not chosen yet"), and back to the record's value. */
export type JaNeeOnbekend = 'ja' | 'nee' | 'onbekend';

/** A stored boolean-or-unknown as the form's choice. */
export function toJaNeeOnbekend(value: boolean | null): JaNeeOnbekend {
  return value === null ? 'onbekend' : value ? 'ja' : 'nee';
}

/** The form's choice as the stored value (null is onbekend). */
export function fromJaNeeOnbekend(value: JaNeeOnbekend): boolean | null {
  return value === 'onbekend' ? null : value === 'ja';
}

/** How a yes / no / unknown value reads: "Onbekend" is an answer of its own. */
export function jaNeeOnbekendLabel(t: Translate, value: boolean | null): string {
  return value === null ? t('cw.unknown') : value ? t('cw.yes') : t('cw.no');
}

/** How a stored gemeente value reads (the catch-alls in words). */
export function gemeenteLabel(t: Translate, gemeente: string): string {
  if (gemeente === 'onbekend') return t('cw.gemeente.onbekend');
  if (gemeente === 'onbekend-in-regio') return t('cw.gemeente.onbekend-in-regio');
  if (gemeente === 'buiten-regio') return t('cw.gemeente.buiten-regio');
  return gemeente;
}
