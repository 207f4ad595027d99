/** Import rules enforced by `npm run check` (dependency-cruiser, `npm run deps`): see ARCHITECTURE.md. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files makes neither readable or testable alone.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-nothing-internal',
      severity: 'error',
      comment: 'src/core holds the domain types, errors, ports, clock and locale every module builds on.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'channel-libraries-only-in-channels',
      severity: 'error',
      comment: 'A chat library or its limits appear only in src/channels/<name>/.',
      from: { pathNot: '^src/channels/' },
      to: { path: 'node_modules/(telegraf|@slack/bolt|@slack/web-api|@slack/socket-mode)/' },
    },
    {
      name: 'database-client-only-in-db',
      severity: 'error',
      comment: 'The generated Prisma clients and driver adapters are opened in src/db only.',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: '(^src/db/generated|node_modules/@prisma/(client|adapter-[a-z0-9-]+)/)' },
    },
    {
      name: 'parser-is-pure',
      severity: 'error',
      comment: 'Parsing text into domain objects touches no database, channel, conversation, scheduler or web code.',
      from: { path: '^src/ingest/parse/' },
      to: { path: '^src/(db|channels|conversation|scheduler|web|reporting|cli|answers)/' },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '^src/db/generated'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
