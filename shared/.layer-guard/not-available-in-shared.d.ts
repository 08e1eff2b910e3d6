// Not a module on purpose: shared/tsconfig.json maps the packages shared/ may not use (electron,
// the database driver, React, zustand) here, so importing one fails type-checking with TS2306.
