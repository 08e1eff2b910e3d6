import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const TYPE_NL: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'ja of nee (true of false)',
  array: 'een lijst',
  object: 'een groep velden',
  date: 'een datum',
  null: 'niets (null)',
};

const FORMAT_NL: Record<string, string> = {
  date: 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-01',
  datetime: 'Vul een datum en tijd in als JJJJ-MM-DDTUU:MM:SS met tijdzone',
  email: 'Dit is geen geldig e-mailadres',
  uuid: 'Dit is geen geldige id',
  uuidv4: 'Dit is geen geldige id',
  uuidv7: 'Dit is geen geldige id',
  url: 'Dit is geen geldig webadres',
};

/** The longest list of allowed values we spell out; above this the message points to the list. */
const MAX_LISTED_VALUES = 8;

/** A value from the SCHEMA (an allowed option), quoted for a message. Never the input. */
function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function tooBig(issue: Extract<RawIssue, { code: 'too_big' }>): string {
  const max = Number(issue.maximum) - (issue.inclusive === false ? 1 : 0);
  switch (issue.origin) {
    case 'string':
      return `Deze tekst is te lang. Het mag maximaal ${max} tekens zijn`;
    case 'array':
    case 'set':
      return `Deze lijst is te lang. Er mogen maximaal ${max} onderdelen in`;
    case 'number':
    case 'int':
    case 'bigint':
      return `Dit getal is te groot. Het mag maximaal ${max} zijn`;
    default:
      return 'Deze waarde is te groot';
  }
}

function tooSmall(issue: Extract<RawIssue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum) + (issue.inclusive === false ? 1 : 0);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? 'Vul dit veld in' : `Deze tekst is te kort. Gebruik minstens ${min} tekens`;
    case 'array':
    case 'set':
      return min <= 1 ? 'Deze lijst is leeg. Zet er minstens één onderdeel in' : `Deze lijst is te kort. Zet er minstens ${min} onderdelen in`;
    case 'number':
    case 'int':
    case 'bigint':
      return `Dit getal is te klein. Het moet minstens ${min} zijn`;
    default:
      return 'Deze waarde is te klein';
  }
}

/**
 * Dutch (B1) text for a schema problem, for people who fix an import file. It says what the
 * field needs and never repeats what was in the file (that may be personal data); allowed
 * options and limits come from the schema, not from the input. Messages the schema sets itself
 * (already Dutch) take precedence: pass this as the `error` option of `safeParse`.
 */
export function dutchIssueText(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Dit veld ontbreekt. Vul het in';
      return `Hier hoort ${TYPE_NL[issue.expected] ?? 'een andere soort waarde'}`;
    case 'invalid_value': {
      const values = issue.values;
      if (values.length === 1) return `Hier hoort precies ${quoted(values[0])}`;
      if (values.length <= MAX_LISTED_VALUES) return `Kies een van deze waarden: ${values.map(quoted).join(', ')}`;
      return 'Deze waarde staat niet in de lijst. Kies een waarde uit de lijst';
    }
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return FORMAT_NL[issue.format] ?? 'Dit heeft niet de juiste vorm';
    case 'not_multiple_of':
      return `Dit getal moet een veelvoud van ${String(issue.divisor)} zijn`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? 'Dit veld kennen we niet. Haal het weg of controleer de spelling' : 'Deze velden kennen we niet. Haal ze weg of controleer de spelling';
    case 'invalid_union':
      return 'Deze waarde past bij geen van de toegestane vormen';
    case 'invalid_key':
      return 'Een veldnaam klopt niet';
    case 'invalid_element':
      return 'Een onderdeel klopt niet';
    default:
      return 'Deze waarde is niet toegestaan';
  }
}

/** A safe name for an unknown key in a path: kept when it looks like a field name, hidden otherwise. */
export function unknownKeyPathPart(key: string): string {
  return /^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(key) ? key : '(onbekend veld)';
}

/**
 * Turns zod issues into field issues for a person: path `prefix.field.path` and a Dutch message.
 * An unknown key becomes its own issue with the key in the path (a field name, not a value).
 */
export function dutchFieldIssues(issues: readonly z.core.$ZodIssue[], prefix: ReadonlyArray<string | number>): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  for (const issue of issues) {
    const base = [...prefix, ...issue.path].map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, unknownKeyPathPart(key)].join('.'), message: 'Dit veld kennen we niet. Haal het weg of controleer de spelling' });
    } else {
      out.push({ path: base.join('.') || '(bestand)', message: issue.message });
    }
  }
  return out;
}

const SHAPE = 'Dit bestand heeft niet de vorm van een Ketenkluis-importbestand';
const EXPECTED_SHAPE = 'Een importbestand is één groep velden: { "format": "ketenkluis.casework", "versie": 1, "trajecten": [ … ], "meldingen": [ … ] }';

/**
 * Dutch (B1) text for problems with an import file's bytes or outer shape, found while it is read
 * (before any schema sees a record). Like the schema texts, they never quote the file.
 */
export const importFileText = {
  notJson: 'Dit is geen geldig JSON-bestand',
  aList: `${SHAPE}: het is één lijst. ${EXPECTED_SHAPE}`,
  notAnObject: `${SHAPE}: het begint niet met {. ${EXPECTED_SHAPE}`,
  unknownKey: `${SHAPE}: dit veld kennen we niet. Alleen format, versie, trajecten en meldingen horen erin`,
  keyTwice: 'Dit veld staat twee keer in het bestand. Haal een van de twee weg',
  notAList: 'Hier hoort een lijst',
  topValueTooLarge: (kb: number) => `${SHAPE}: deze waarde is groter dan ${kb} kB`,
  recordTooLarge: (mb: number) => `Dit onderdeel is groter dan ${mb} MB. Zo groot kan één traject of melding niet zijn`,
  tooDeep: (levels: number) => `Hier zitten meer dan ${levels} lagen van { of [ in elkaar. Zo ziet een traject of melding er niet uit`,
  notUtf8: 'Hier staan tekens die geen UTF-8 zijn: het bestand is waarschijnlijk niet in UTF-8 opgeslagen. Sla het op als UTF-8 en probeer het opnieuw',
  fieldTwice: 'Dit veld staat twee keer in dit onderdeel. Haal een van de twee weg',
  clientRefFirst: 'Dit is de eerste keer dat deze clientRef voorkomt: vul hier de gegevens van de cliënt in',
  clientRefDiffers: 'Deze clientRef staat eerder in het bestand met andere gegevens van de cliënt. Laat "client" hier weg, of maak de gegevens gelijk',
  listTooLong: (max: number) => `Deze lijst is te lang. Er mogen maximaal ${max} onderdelen in`,
} as const;
