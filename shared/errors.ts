import { z } from 'zod';

/**
 * Stable error codes. The UI and the `kk` command map a code to a message; a code never
 * carries personal data, and neither does the technical message that travels with it.
 */
export const ErrorCode = z.enum([
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSPHRASE',
  'KEYFILE_MISSING',
  'KEYFILE_DAMAGED',
  'DB_CORRUPT',
  'NOT_SQLCIPHER',
  'SCHEMA_TOO_NEW',
  'VAULT_IN_USE',
  'VAULT_EXISTS',
  'VAULT_NOT_FOUND',
  'VAULT_UNREADABLE',
  'VAULT_PATH_INVALID',
  'VAULT_LOCKED',
  'DISK_FULL',
  'READ_ONLY',
  'BACKUP_INVALID',
  'BACKUP_EXISTS',
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONFLICT',
  'POLICY_INVALID',
  'ALREADY_IMPORTED',
  'PARTNER_IN_USE',
  'PROFILE_MISSING',
  'DISCLOSURE_REFUSED',
  'OUTCOME_UNKNOWN',
  'CORE_STOPPED',
  'INTERNAL',
]);
/** One of the stable error codes. */
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A problem with one field of an input, by path; the message never repeats the value. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
/** A problem with one field of an input. */
export type FieldIssue = z.infer<typeof FieldIssue>;

/** The error half of every contract result. */
export const ErrorInfo = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Seconds the caller must wait before trying again (slowed unlocks). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  issues: z.array(FieldIssue).optional(),
});
/** The error half of every contract result. */
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** An error with a stable code, thrown by the core and carried across the contract as data. */
export class KkError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterSeconds: number | undefined;
  readonly issues: FieldIssue[] | undefined;
  constructor(
    code: ErrorCode,
    message: string = code,
    extra: { retryAfterSeconds?: number; issues?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'KkError';
    this.code = code;
    this.retryAfterSeconds = extra.retryAfterSeconds;
    this.issues = extra.issues;
  }
  /** The plain-data form sent over the contract. */
  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.retryAfterSeconds !== undefined) info.retryAfterSeconds = this.retryAfterSeconds;
    if (this.issues !== undefined) info.issues = this.issues;
    return info;
  }
}

/** The languages Ketenkluis speaks; Dutch first. */
export const Language = z.enum(['nl', 'en']);
/** The languages Ketenkluis speaks. */
export type Language = z.infer<typeof Language>;

/**
 * What a person reads for each error code, at B1 level. Used by the UI and by `kk`.
 * One definition, so the command line and the screen never disagree.
 */
export const errorMessages: Record<ErrorCode, Record<Language, string>> = {
  WRONG_PASSPHRASE: {
    nl: 'Het wachtwoord klopt niet. Controleer hoofdletters en probeer het opnieuw.',
    en: 'The passphrase is not correct. Check capital letters and try again.',
  },
  WRONG_RECOVERY_KEY: {
    nl: 'De herstelsleutel klopt niet. Controleer de tekens en probeer het opnieuw.',
    en: 'The recovery key is not correct. Check the characters and try again.',
  },
  TOO_MANY_ATTEMPTS: {
    nl: 'Er is te vaak een verkeerd wachtwoord of een verkeerde herstelsleutel ingevoerd. Wacht even en probeer het dan opnieuw.',
    en: 'A wrong passphrase or recovery key was entered too often. Wait a moment, then try again.',
  },
  WEAK_PASSPHRASE: {
    nl: 'Dit wachtwoord is te zwak. Kies een langere zin van een paar woorden.',
    en: 'This passphrase is too weak. Choose a longer sentence of a few words.',
  },
  KEYFILE_MISSING: {
    nl: 'Het sleutelbestand van de kluis ontbreekt. Zet het terug uit een back-up.',
    en: 'The key file of the vault is missing. Restore it from a backup.',
  },
  KEYFILE_DAMAGED: {
    nl: 'Het sleutelbestand van de kluis is beschadigd. Zet een back-up terug.',
    en: 'The key file of the vault is damaged. Restore a backup.',
  },
  DB_CORRUPT: {
    nl: 'De kluis is beschadigd en kan niet veilig worden geopend. Zet een back-up terug.',
    en: 'The vault is damaged and cannot be opened safely. Restore a backup.',
  },
  NOT_SQLCIPHER: {
    nl: 'Dit bestand is geen versleutelde kluis. Ketenkluis opent het niet.',
    en: 'This file is not an encrypted vault. Ketenkluis will not open it.',
  },
  SCHEMA_TOO_NEW: {
    nl: 'Deze kluis is gemaakt met een nieuwere versie van Ketenkluis. Werk Ketenkluis bij. Uw gegevens blijven bewaard.',
    en: 'This vault was made with a newer version of Ketenkluis. Update Ketenkluis. Your data is kept.',
  },
  VAULT_IN_USE: {
    nl: 'De kluis is al geopend in een ander venster of programma. Sluit dat eerst.',
    en: 'The vault is already open in another window or program. Close that first.',
  },
  VAULT_EXISTS: {
    nl: 'Op deze plek staat al een kluis. Er is niets overschreven.',
    en: 'There is already a vault in this place. Nothing was overwritten.',
  },
  VAULT_NOT_FOUND: {
    nl: 'Er is op deze plek geen kluis gevonden.',
    en: 'No vault was found in this place.',
  },
  VAULT_UNREADABLE: {
    nl: 'De map van de kluis kan niet gelezen worden. Controleer de rechten van de map. Er is niets veranderd.',
    en: 'The vault folder cannot be read. Check the permissions of the folder. Nothing was changed.',
  },
  VAULT_PATH_INVALID: {
    nl: 'Op de plek van een kluisbestand staat iets anders, bijvoorbeeld een map. Zet het juiste bestand terug. Er is niets veranderd.',
    en: 'Something else, such as a folder, is where a vault file should be. Put the right file back. Nothing was changed.',
  },
  VAULT_LOCKED: {
    nl: 'De kluis is vergrendeld. Ontgrendel de kluis om verder te gaan.',
    en: 'The vault is locked. Unlock the vault to continue.',
  },
  DISK_FULL: {
    nl: 'De schijf is vol. Maak ruimte vrij en probeer het opnieuw. Er is niets verloren.',
    en: 'The disk is full. Free some space and try again. Nothing was lost.',
  },
  READ_ONLY: {
    nl: 'Ketenkluis mag niet schrijven op deze plek. Controleer de rechten van de map.',
    en: 'Ketenkluis may not write in this place. Check the permissions of the folder.',
  },
  BACKUP_INVALID: {
    nl: 'Dit back-upbestand is onvolledig of beschadigd. Er is niets teruggezet.',
    en: 'This backup file is incomplete or damaged. Nothing was restored.',
  },
  BACKUP_EXISTS: {
    nl: 'Er staat al een bestand met deze naam. Kies een andere naam. Er is niets overschreven.',
    en: 'A file with this name already exists. Choose another name. Nothing was overwritten.',
  },
  INVALID_INPUT: {
    nl: 'Niet alle gegevens zijn goed ingevuld. Bekijk de gemarkeerde velden.',
    en: 'Not all details are filled in correctly. Look at the marked fields.',
  },
  UNKNOWN_METHOD: {
    nl: 'Deze opdracht kent Ketenkluis niet.',
    en: 'Ketenkluis does not know this command.',
  },
  FORBIDDEN_SENDER: {
    nl: 'Deze opdracht komt niet van Ketenkluis zelf en is geweigerd.',
    en: 'This command does not come from Ketenkluis itself and was refused.',
  },
  NOT_FOUND: {
    nl: 'Dit item bestaat niet (meer).',
    en: 'This item does not exist (any more).',
  },
  CONFLICT: {
    nl: 'Iemand anders heeft dit item intussen gewijzigd. Laad het opnieuw.',
    en: 'This item was changed in the meantime. Load it again.',
  },
  POLICY_INVALID: {
    nl: 'Een beleidsbestand van Ketenkluis klopt niet. Ketenkluis gebruikt het niet. Meld dit aan de beheerder van Ketenkluis.',
    en: 'A policy file of Ketenkluis is not valid. Ketenkluis does not use it. Report this to the administrator of Ketenkluis.',
  },
  ALREADY_IMPORTED: {
    nl: 'Dit bestand is al eerder ingelezen. Er is niets geschreven. Lees het alleen opnieuw in als u alle gegevens echt twee keer wilt hebben.',
    en: 'This file was imported before. Nothing was written. Only import it again if you really want all its data twice.',
  },
  PARTNER_IN_USE: {
    nl: 'Deze partner is al gebruikt. Daarom kunt u de partner niet verwijderen. U kunt de partner wel buiten gebruik stellen. Er is niets veranderd.',
    en: 'This partner has been used, so you cannot remove it. You can retire it instead. Nothing was changed.',
  },
  PROFILE_MISSING: {
    nl: 'Uw kluis heeft nog geen profiel. Een besluit noemt wie het nam. Vul eerst uw profiel in (naam, functie en organisatie) bij Instellingen.',
    en: 'Your vault has no profile yet. A decision names who took it. First fill in your profile (name, function and organisation) in Settings.',
  },
  DISCLOSURE_REFUSED: {
    nl: 'Deze verstrekking mag niet. Er gaan geen gegevens naar buiten. De weigering is vastgelegd in het verstrekkingenregister.',
    en: 'This disclosure is not allowed. No data leaves. The refusal was recorded in the register of disclosures.',
  },
  OUTCOME_UNKNOWN: {
    nl: 'De uitkomst is nog niet bekend: Ketenkluis heeft al een tijd niets laten horen. Probeer het nog niet opnieuw. U ziet de uitkomst hier zodra die bekend is.',
    en: 'The outcome is not known yet: Ketenkluis has not responded for a while. Do not try again yet. You will see the outcome here as soon as it is known.',
  },
  CORE_STOPPED: {
    nl: 'Ketenkluis moest het werk afbreken en opnieuw starten. Wat nog niet klaar was, is niet opgeslagen. Ontgrendel de kluis en probeer het opnieuw.',
    en: 'Ketenkluis had to stop the work and start again. What was not finished was not saved. Unlock the vault and try again.',
  },
  INTERNAL: {
    nl: 'Er ging iets mis in Ketenkluis. Er is niets half opgeslagen. Probeer het opnieuw.',
    en: 'Something went wrong in Ketenkluis. Nothing was half saved. Try again.',
  },
};

/** The message a person reads for an error code. */
export function messageFor(code: ErrorCode, language: Language = 'nl'): string {
  return errorMessages[code][language];
}
