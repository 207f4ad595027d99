// Compile-time checks of the message catalogs (run by `npm run typecheck`): a translation missing a key, or taking
// other parameters than the Vietnamese message, does not compile.
import { catalog } from '../../src/core/i18n.ts';
const M = catalog({
  vi: { hi: 'Chào', saved: (p: { n: number }) => `Đã ghi câu ${p.n}` },
  en: { hi: 'Hi', saved: (p: { n: number }) => `Saved ${p.n}` },
});
M('en').saved({ n: 1 });
// @ts-expect-error a missing key
catalog({ vi: { a: 'x', b: 'y' }, en: { a: 'x' } });
// @ts-expect-error other parameters
catalog({ vi: { a: (p: { n: number }) => String(p.n) }, en: { a: (p: { m: string }) => p.m } });
