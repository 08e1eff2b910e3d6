import type { Migration } from '../migration';
import { foundation } from './0010_foundation';
import { casework } from './0020_casework';
import { compactChangeEvents } from './0030_compact_change_events';
import { importFiles } from './0040_import_files';
import { appendOnlyAndCountRules } from './0050_append_only_and_count_rules';
import { monitorFacts } from './0060_monitor_facts';
import { profilePartners } from './0070_profile_partners';
import { verstrekkingen } from './0080_verstrekkingen';
import { clientCorrections } from './0090_client_corrections';
import { tafelReleases } from './0100_tafel_releases';
import { tafelSamenvoegen } from './0110_tafel_samenvoegen';
import { tafelModus } from './0120_tafel_modus';
import { trajectenZonderCategorie } from './0130_trajecten_zonder_categorie';

/**
 * Every migration, in order. Add a migration as a new numbered file and one line here.
 * Never edit or remove a migration that has shipped: vaults out there have run it.
 */
export const migrations: readonly Migration[] = [
  foundation, // 0010
  casework, // 0020
  compactChangeEvents, // 0030
  importFiles, // 0040
  appendOnlyAndCountRules, // 0050
  monitorFacts, // 0060
  profilePartners, // 0070
  verstrekkingen, // 0080
  clientCorrections, // 0090
  tafelReleases, // 0100
  tafelSamenvoegen, // 0110
  tafelModus, // 0120
  trajectenZonderCategorie, // 0130
];
