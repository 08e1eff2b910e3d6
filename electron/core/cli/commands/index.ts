import type { Command } from '../command';
import { backup } from './backup';
import { restore } from './restore';
import { vaultCheck } from './vaultCheck';
import { vaultInit } from './vaultInit';
import { vaultPasswd } from './vaultPasswd';
import { vaultRecover } from './vaultRecover';
import { seed } from './seed';
import { importCommand } from './import';
import { stappenplanCheck } from './stappenplan';
import { verstrekkingenCommand } from './verstrekkingen';
import { exportTafel } from './exportTafel';
import { exportVerify } from './exportVerify';
import { monitorCommand } from './monitor';
import { tafelOntvangstsleutel } from './tafelOntvangstsleutel';
import { tafelCollega } from './tafelCollega';
import { tafelTelbestand } from './tafelTelbestand';
import { tafelInlezen } from './tafelInlezen';

/** Every `kk` subcommand. Add a command as a file in this folder and one line here. */
export const commands: readonly Command[] = [
  vaultInit,
  vaultCheck,
  vaultPasswd,
  vaultRecover,
  backup,
  restore,
  seed,
  importCommand,
  stappenplanCheck,
  verstrekkingenCommand,
  exportTafel,
  exportVerify,
  monitorCommand,
  tafelOntvangstsleutel,
  tafelCollega,
  tafelTelbestand,
  tafelInlezen,
];
