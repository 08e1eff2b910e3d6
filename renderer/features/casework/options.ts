import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { MeldConclusie, MeldKanaal, MelderType } from '../../../shared/casework/melding.schema';
import { AfsluitReden, Fase, GegevenDoor, JournaalSoort, OpvangSoort, ProcedureSoort, ProcedureStatus, ToestemmingDoel, Verwijzer } from '../../../shared/casework/traject.schema';
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
  pstatus: (t: Translate) => ProcedureStatus.options.map((v) => ({ value: v, label: t(`cw.pstatus.${v}`) })),
  doel: (t: Translate) => ToestemmingDoel.options.map((v) => ({ value: v, label: t(`cw.doel.${v}`) })),
  gegevenDoor: (t: Translate) => GegevenDoor.options.map((v) => ({ value: v, label: t(`cw.gegevenDoor.${v}`) })),
  jsoort: (t: Translate) => JournaalSoort.options.map((v) => ({ value: v, label: t(`cw.jsoort.${v}`) })),
  kanaal: (t: Translate) => MeldKanaal.options.map((v) => ({ value: v, label: t(`cw.kanaal.${v}`) })),
  melder: (t: Translate) => MelderType.options.map((v) => ({ value: v, label: t(`cw.melder.${v}`) })),
  conclusie: (t: Translate) => MeldConclusie.options.map((v) => ({ value: v, label: t(`cw.conclusie.${v}`) })),
  meldingVorm: (t: Translate) => [...Uitbuitingsvorm.options, 'onbekend' as const, 'geen' as const].map((v) => ({ value: v, label: t(`cw.vorm.${v}`) })),
};

/** Gemeente options for one or more regions, plus the two monitor catch-alls. */
export function gemeenteOptions(t: Translate, regios: readonly { naam: string; gemeenten: readonly string[] }[]) {
  const names = [...new Set(regios.flatMap((r) => r.gemeenten))].sort((a, b) => a.localeCompare(b, 'nl'));
  return [
    { value: '', label: t('cw.gemeente.choose') },
    { value: 'onbekend', label: t('cw.gemeente.onbekend') },
    { value: 'buiten-regio', label: t('cw.gemeente.buiten-regio') },
    ...names.map((n) => ({ value: n, label: n })),
  ];
}

/** How a stored gemeente value reads (the catch-alls in words). */
export function gemeenteLabel(t: Translate, gemeente: string): string {
  if (gemeente === 'onbekend') return t('cw.gemeente.onbekend');
  if (gemeente === 'buiten-regio') return t('cw.gemeente.buiten-regio');
  return gemeente;
}
