// Preload (`node --import ./test/helpers/package-log.mjs …`): appends every package the process imports, with the
// module that imported it, to the file named by PACKAGE_LOG, one "package<TAB>importer" a line. Used to check
// which libraries a start really loads.
import { register } from 'node:module';

if (process.env.PACKAGE_LOG) register('./package-log-hooks.mjs', import.meta.url);
