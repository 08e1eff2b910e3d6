import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every PDF Ketenkluis writes embeds DejaVu Sans (subset by pdfkit), so a name prints as written —
// Ș, Ł, Cyrillic — where the standard PDF fonts know only Windows-1252. The files ship in
// resources/fonts; the build copies them next to core.cjs.

/** The font names to pass to `doc.font(…)` after `gebruikLetters(doc)`. */
export const LETTER = { gewoon: 'KK-Gewoon', vet: 'KK-Vet', schuin: 'KK-Schuin' } as const;

const BESTANDEN: Record<keyof typeof LETTER, string> = {
  gewoon: 'DejaVuSans.ttf',
  vet: 'DejaVuSans-Bold.ttf',
  schuin: 'DejaVuSans-Oblique.ttf',
};

function letterMap(): string {
  // Bundled (core.cjs): the build put the fonts in ./fonts beside it. From source: resources/fonts.
  if (typeof __filename === 'string' && __filename.endsWith('.cjs')) return join(__dirname, 'fonts');
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'resources', 'fonts');
}

let cache: Record<keyof typeof LETTER, Buffer> | undefined;

/** The font files, read once per process. */
export function letterBestanden(): Record<keyof typeof LETTER, Buffer> {
  if (!cache) {
    const map = letterMap();
    cache = {
      gewoon: readFileSync(join(map, BESTANDEN.gewoon)),
      vet: readFileSync(join(map, BESTANDEN.vet)),
      schuin: readFileSync(join(map, BESTANDEN.schuin)),
    };
  }
  return cache;
}

/** The part of a pdfkit document this module needs. */
interface MetLetters {
  registerFont(name: string, src: Buffer): unknown;
  font(name: string): unknown;
}

/** Registers the three DejaVu faces on a pdfkit document and selects the regular one. */
export function gebruikLetters<D extends MetLetters>(doc: D): D {
  const b = letterBestanden();
  doc.registerFont(LETTER.gewoon, b.gewoon);
  doc.registerFont(LETTER.vet, b.vet);
  doc.registerFont(LETTER.schuin, b.schuin);
  doc.font(LETTER.gewoon);
  return doc;
}

/** The font files the build copies next to the bundled core (electron/build.mjs). */
export const LETTER_BESTANDEN = Object.values(BESTANDEN);
