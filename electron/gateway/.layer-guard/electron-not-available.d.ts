// Not a module on purpose: electron/gateway/tsconfig.json maps `electron` here, so importing it
// in the gateway fails type-checking with TS2306. The gateway runs in plain Node too (the test
// bridge), where there is no Electron.
