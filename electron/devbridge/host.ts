// DEVELOPMENT AND TEST ONLY. Child-process entry for browser tests:
//   tsx electron/devbridge/host.ts --dir <vaultDir> [--static <dir>] [--port <n>]
// Prints one line `{"url":"http://127.0.0.1:<port>/#token=…"}` when ready; stops on SIGTERM,
// SIGINT or when stdin closes (so a killed parent never leaves it running). Lines on stdin
// answer the file dialog (scriptedDialog.ts).
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createScriptedDialog } from './scriptedDialog';
import { defaultStaticDir, parsePort, startBridge } from './server';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    // startBridge refuses too; this says it plainly before anything is touched.
    process.stderr.write('De ontwikkelbrug draait nooit in productie (NODE_ENV=production).\n');
    process.exit(1);
  }
  const vaultDir = argument('dir');
  if (!vaultDir) {
    process.stderr.write('Gebruik: tsx electron/devbridge/host.ts --dir <kluismap>\n');
    process.exit(2);
  }
  let port = 0;
  if (process.argv.includes('--port')) {
    const text = argument('port') ?? '';
    const parsed = parsePort(text);
    if (parsed === null) {
      // Said plainly instead of listening on whatever Number('abc') would give.
      process.stderr.write(`Ongeldige poort ${JSON.stringify(text.slice(0, 20))}: geef een geheel getal van 0 tot en met 65535 (0 kiest een vrije poort).\n`);
      process.exit(2);
    }
    port = parsed;
  }
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  const staticDir = argument('static') ?? defaultStaticDir(repoRoot);
  if (!existsSync(staticDir)) {
    process.stderr.write('De ontwikkelweergave is niet gebouwd. Voer eerst uit: npm run build:renderer:bridge\n');
    process.exit(2);
  }
  const dialog = createScriptedDialog();
  const bridge = await startBridge({ vaultDir, staticDir, port, showOpenDialog: dialog.showOpenDialog });
  process.stdout.write(`${JSON.stringify({ url: bridge.url })}\n`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void bridge.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  createInterface({ input: process.stdin }).on('line', (line) => {
    // Acknowledged on stdout, so a test knows the answer is in place before it clicks.
    if (dialog.take(line)) process.stdout.write(`${JSON.stringify({ chooseFile: 'taken' })}\n`);
    else process.stderr.write('Regel op stdin genegeerd: verwacht {"chooseFile": "/absoluut/pad"} of {"chooseFile": null}.\n');
  });
}

main().catch((error: unknown) => {
  // The name or code only: a message could carry a path with a person's name in it.
  const kind = error && typeof error === 'object' && 'code' in error ? String(error.code) : error instanceof Error ? error.name : 'onbekend';
  process.stderr.write(`De ontwikkelbrug kon niet starten (${kind}).\n`);
  process.exit(1);
});
