// The method statement that goes into every summary file (Dutch, B1): one definition, written
// from the same settings the suppression and the auditor use. README.md quotes the statement
// for the default settings, and a test keeps the two the same.
import { K_STANDAARD, METHODE_VERSIE } from './tafel.schema';

/** The settings the statement depends on (never the noise secret). */
export interface MethodeInstellingen {
  k: number;
  afronding?: number | undefined;
  ruisMax?: number | undefined;
}

/** The method statement as paragraphs, each a title and its text. */
export function methodeAlineas(m: MethodeInstellingen): Array<{ titel: string; tekst: string }> {
  const k = m.k;
  const alineas = [
    {
      titel: 'Wat er in dit overzicht staat',
      tekst:
        'Alleen aantallen, in vaste groepen, over één kwartaal of één kalenderjaar. Er staan geen namen, data, codes of vrije tekst in. Elk overzicht heeft dezelfde tabellen en rijen, ook als een aantal 0 is.',
    },
    {
      titel: 'Kleine aantallen',
      tekst: `Een aantal van 1 tot en met ${k - 1} tonen we als "<${k}". "<${k}" betekent: 0 tot en met ${k - 1}. Zo is een kleine groep mensen niet te herkennen.`,
    },
    {
      titel: 'Nullen',
      tekst: `Een 0 is een echte 0: niemand. Een 0 tonen we als 0. Maar staan er in een rij of kolom verder alleen kleine aantallen, dan tonen we ook de nullen daar als "<${k}". Anders ziet u welk kenmerk die paar mensen samen hebben.`,
    },
    {
      titel: 'Extra verborgen getallen',
      tekst: `Met de totalen kunt u soms een verborgen aantal terugrekenen. Dan verbergen we ook een ander getal. Is dat getal ${k} of meer, dan staat er "x". Is het 0, dan staat er "<${k}".`,
    },
    {
      titel: 'Gemeenten',
      tekst: `Een gemeente met minder dan ${k} meldingen staat niet apart in het overzicht. Die meldingen tellen mee bij "overige gemeenten".`,
    },
    {
      titel: 'Samen met eerdere overzichten',
      tekst:
        'We controleren ook samen met de overzichten die we eerder stuurden: de kwartalen, het jaar en verbeterde versies. Een jaaroverzicht maken we pas als alle vier de kwartalen van dat jaar zijn gestuurd, of als we geen enkel kwartaal van dat jaar hebben gestuurd. Na een jaaroverzicht sturen we geen nieuw kwartaal van dat jaar meer, alleen een verbeterde versie van een kwartaal dat al was gestuurd. Wat in een eerdere versie van een overzicht verborgen was, blijft in een verbeterde versie verborgen.',
    },
    {
      titel: 'De controle',
      tekst: `Een computer rekent voor elk verborgen klein aantal uit welke aantallen nog mogelijk zijn. Hij gebruikt daarvoor alle getallen en totalen uit dit overzicht en uit de eerdere overzichten. Hij zoekt steeds een tweede volledige tabel met hele getallen die met alles klopt. Vindt hij die niet, dan verbergen we meer. Het overzicht gaat pas weg als elk verborgen klein aantal nog minstens twee waarden kan hebben, ook in de eerdere overzichten.`,
    },
  ];
  if (m.afronding) {
    alineas.push({
      titel: 'Afronding',
      tekst: `Alle getallen die we tonen (behalve 0) zijn afgerond op een veelvoud van ${m.afronding}. Elk totaal is apart afgerond. Daarom tellen de getallen niet altijd precies op.`,
    });
  }
  if (m.ruisMax) {
    alineas.push({
      titel: 'Kleine afwijking',
      tekst: `Bij elk getal dat we tonen (behalve 0) is een kleine afwijking opgeteld of afgetrokken: hoogstens ${m.ruisMax}. Een getal wordt daarbij nooit kleiner dan ${k}. Hetzelfde getal in dezelfde cel krijgt in elk overzicht dezelfde afwijking.`,
    });
  }
  alineas.push({
    titel: 'Grenzen',
    tekst:
      'De controle kijkt naar de overzichten die wij zelf hebben gestuurd. Cijfers van andere organisaties of uit andere bronnen kent hij niet. Als u die ernaast legt, kunt u soms meer afleiden. Gebruik de overzichten daarom alleen voor de regionale monitor.',
  });
  return alineas;
}

/** The method statement as one text (paragraphs separated by a blank line), with the method version. */
export function methodeTekst(m: MethodeInstellingen): string {
  const kop = `Methode ${METHODE_VERSIE}${m.k === K_STANDAARD && !m.afronding && !m.ruisMax ? ' (standaardinstellingen)' : ''}`;
  return [kop, ...methodeAlineas(m).map((a) => `${a.titel}\n${a.tekst}`)].join('\n\n');
}
