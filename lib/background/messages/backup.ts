/**
 * Backup: everything the reader has in one file, and its restore — checked record by record
 * first and written in one transaction, so a bad or interrupted restore changes nothing.
 * Extension pages only.
 */
import { parseBackup } from '../../db/backup';
import { exportBackup, importBackup } from '../../db/store';
import { fail, ok } from '../../messaging/result';
import { route } from '../../messaging/router';
import { either, json, object, text } from '../../util/shapes';
import type { ServiceContext } from '../context';

export const BACKUP = {
  'export-backup': route(object({}), {
    from: 'extension',
    handle: async (_m, s: ServiceContext) => {
      await s.ensureSeeded();
      await s.writes;
      return ok({ backup: await exportBackup(s.db) });
    },
  }),
  /** A backup's JSON text (parsed here, off the options page's thread) or the parsed value. */
  'import-backup': route(object({ backup: either(text(2_000_000_000), json()) }), {
    from: 'extension',
    handle: async (m, s: ServiceContext, io) => {
      io.progress('checking the backup');
      let input = m.backup;
      if (typeof input === 'string') {
        try {
          input = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
        } catch (error) {
          return fail('invalid', 'the backup was not restored (nothing was changed)', [`$: the file is not JSON (${(error as Error).message})`]);
        }
      }
      const parsed = parseBackup(input, s.bundledId);
      if (!parsed.ok) return fail('invalid', 'the backup was not restored (nothing was changed)', parsed.problems);
      io.progress('restoring');
      const counts = await importBackup(s.db, parsed.backup);
      s.changed();
      return ok({ counts });
    },
  }),
};
