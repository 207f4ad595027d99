// Database access goes through each module's repository functions (docs/architecture.md): outside `src/db/` and a
// module's `repo/` folder, no file in src/ may touch a Prisma model delegate (`db.user`, `tx.answer`, …) or call
// `$queryRaw`, `$executeRaw` or `$transaction`. The check reads types, so an alias (`const u = db.user`) or a
// transaction client counts too. `npm run db:access` (part of `npm run check`) lists each violation and fails.
import ts from 'typescript';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const GENERATED = /\/src\/db\/generated(-pg)?\//;
const RAW = new Set(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe', '$transaction']);

/** Files that may use the Prisma client directly: src/db/ and src/<module>/repo/ or src/<module>/<sub>/repo/. */
export const mayTouchDb = (file: string): boolean =>
  /^src\/db\//.test(file) || /^src\/[^/]+\/(?:[^/]+\/)?repo\//.test(file) || !/^src\//.test(file);

export interface Violation {
  file: string;
  line: number;
  text: string;
}

/** Whether `node` names a model delegate or a raw/transaction method of a generated Prisma client. */
function isDbAccess(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, checker: ts.TypeChecker): boolean {
  const name = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
  const symbol = checker.getSymbolAtLocation(name);
  const declared = symbol?.declarations?.some((d) => GENERATED.test(d.getSourceFile().fileName)) ?? false;
  if (!declared || !symbol) return false;
  if (RAW.has(symbol.name)) return true;
  const typeName = checker.getTypeAtLocation(node).getSymbol()?.getName() ?? '';
  return /Delegate$/.test(typeName);
}

/** Every direct use of the Prisma client in src/ outside the files allowed to make one. */
export function findViolations(program: ts.Program, root = ROOT): Violation[] {
  const checker = program.getTypeChecker();
  const out: Violation[] = [];
  for (const sf of program.getSourceFiles()) {
    const file = relative(root, sf.fileName);
    if (sf.isDeclarationFile || mayTouchDb(file)) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isDbAccess(node, checker)) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ file, line: line + 1, text: node.getText(sf).replace(/\s+/g, ' ').slice(0, 80) });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** The program of src/ under the project's tsconfig; `overlay` replaces the text of some files (by absolute path). */
export function srcProgram(root = ROOT, overlay: Map<string, string> = new Map()): ts.Program {
  const config = ts.readConfigFile(resolve(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = parsed.fileNames.filter((f) => /\/src\//.test(f) && !GENERATED.test(f));
  const host = ts.createCompilerHost(parsed.options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => overlay.get(resolve(f)) ?? read(f);
  return ts.createProgram(files, parsed.options, host);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findViolations(srcProgram());
  for (const v of found) console.error(`${v.file}:${v.line}  ${v.text}`);
  if (found.length > 0) {
    console.error(
      `\n${found.length} database access(es) outside src/db/ and src/<module>/repo/: move each query into a function ` +
        `in the module's repo/ folder (docs/architecture.md, "Where new work goes").`,
    );
    process.exit(1);
  }
  console.log('db access: every query is in src/db/ or a repo/ folder');
}
