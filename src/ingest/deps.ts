// What importing needs of the application: its database, logger, agency registry and the import settings. The App
// of src/app.ts has all of it and is passed as it is; ingest names only what it uses, so it never imports app.ts
// (app.ts loads the agency registry from here).
import type { Config } from '../config.ts';
import type { Logger } from '../core/interfaces.ts';
import type { Db } from '../db/client.ts';
import type { AgencyRegistry } from './agencies.ts';

/** The settings of reading, storing and keeping a file (IMPORT_*, UPLOAD_MAX_MB, ORIGINALS_DIR, the tools' paths). */
export type ImportConfig = Pick<
  Config,
  | 'DATABASE_URL'
  | 'IMPORT_MAX_MB'
  | 'IMPORT_MAX_LINES'
  | 'IMPORT_MAX_SECONDS'
  | 'IMPORT_MAX_PAGES'
  | 'IMPORT_OCR_MAX_PAGES'
  | 'IMPORT_MAX_UNZIPPED_MB'
  | 'UPLOAD_MAX_MB'
  | 'ORIGINALS_DIR'
  | 'TESSERACT_BIN'
  | 'SOFFICE_BIN'
  | 'PDFTOHTML_BIN'
>;

export interface IngestDeps {
  config: ImportConfig;
  db: Db;
  log: Logger;
  registry: AgencyRegistry;
}
