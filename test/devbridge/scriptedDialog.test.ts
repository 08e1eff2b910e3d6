// The bridge's stand-in for main's file dialog: only well-formed answers from the host's stdin count.
import { describe, expect, it } from 'vitest';
import { createScriptedDialog } from '../../electron/devbridge/scriptedDialog';

describe('createScriptedDialog', () => {
  it('answers each dialog with the next scripted line, and cancels when nothing is scripted', async () => {
    const dialog = createScriptedDialog();
    expect(dialog.take('{"chooseFile":"/tmp/kk/a.json"}')).toBe(true);
    expect(dialog.take('{"chooseFile":null}')).toBe(true);
    expect(await dialog.showOpenDialog()).toBe('/tmp/kk/a.json');
    expect(await dialog.showOpenDialog()).toBeNull();
    expect(await dialog.showOpenDialog()).toBeNull();
  });

  it.each(['', 'not json', '42', 'null', '{"other":"/tmp/a.json"}', '{"chooseFile":"a.json"}', '{"chooseFile":"../a.json"}', '{"chooseFile":7}', '["chooseFile"]'])(
    'ignores %j (nothing is queued)',
    async (line) => {
      const dialog = createScriptedDialog();
      expect(dialog.take(line)).toBe(false);
      expect(await dialog.showOpenDialog()).toBeNull();
    },
  );
});
